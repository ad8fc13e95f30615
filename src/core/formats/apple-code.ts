import type { AuthConfig, Located, ParsedFile, Range, RedirectUri, UserAgent } from '../model';
import { TokenListMemo, type LexResult, type LexToken } from '../lexing/lexer';
import { defaultUserAgent } from '../entra/libraries';
import { parseAuthority } from '../entra/authority';
import { redirectUri } from './config-util';
import { MAX_PROBLEMS } from './types';
import {
  stringOf,
  unknown,
  ValueEvaluator,
  type Declaration as ValueDeclaration,
  type NameExpr,
  type Scope,
  type StringExprPart,
  type TokenSyntax,
  type ValueExpr,
} from '../values';

// What Swift and Objective-C apps say about signing in, read from the shared lexer's tokens: MSAL for
// iOS/macOS (MSALPublicClientApplicationConfig and the MSAL 1.x initializers, MSALGlobalConfig.brokerAvailability,
// MSALWebviewParameters.webviewType, the authority classes) and AppAuth-iOS (OIDAuthorizationRequest with
// its service configuration or discovered issuer). The two languages differ in how they call and declare
// (swift.ts, objc.ts turn their syntax into calls, assignments and declarations); what the calls mean is
// here. Values follow constants and variables of the file (`let`, `static let`, `#define`, `static NSString
// *const`), string interpolation, `+`, String(format:), URL(string:), and `??` / ternaries as alternatives.

type Token = LexToken;

/** Tokens `[start, end)` of one array: an expression or an argument. */
export interface Span {
  tokens: Token[];
  start: number;
  end: number;
}

/** A call or message with labelled arguments: `Type(label: x)`, `x.method(label: y)`, `[[Type alloc] initWithLabel:x]`. */
export interface Call {
  /** The type or receiver name (`MSALPublicClientApplicationConfig`, `OIDAuthorizationService`, `config`). */
  receiver: string;
  /** The method (`init` for initializers, `discoverConfiguration`, `discoverServiceConfiguration`). */
  method: string;
  /** Lower-cased labels (`clientid`, `redirecturi`, `forissuer`); '' for an unlabelled argument. */
  labels: string[];
  args: Span[];
  /** The token naming the type or method, for ranges. */
  nameToken: Token;
  /** Index of the call's first token in the file's tokens. */
  at: number;
  /** `let config = Type(…)` / `Type *config = [[Type alloc] init…]`: the variable it is assigned to. */
  assignedTo?: string;
}

/** `a.b.c = value`, or the setter message `[a setC:value]`. */
export interface Assignment {
  path: string[];
  value: Span;
  at: number;
}

/** A named value: `let name = …`, `static let`, a computed property's single expression, `#define`, a C constant. */
export interface AppleDeclaration {
  name: string;
  /** The type it belongs to (enum, struct, class), for `Type.name`. */
  owner?: string;
  value: Span;
  at: number;
  /** Inside an `#if` branch: declarations of one name in several branches are alternatives. */
  conditional: boolean;
}

export interface AppleSyntax {
  lexed: LexResult;
  calls: Call[];
  assignments: Assignment[];
  declarations: AppleDeclaration[];
  /** The file's text (for the display of unknown parts). */
  text: string;
  /** Evaluates one primary expression of the language (a call, a message, a literal) or undefined to fall back. */
  language: 'swift' | 'objc';
  /** Splits a hole's expression text (Swift `\(…)`) into tokens. */
  relex(text: string): Token[];
  /** Reads the calls in a span (for calls nested in arguments: URL(string:) inside a config's argument). */
  callAt(tokens: Token[], start: number, end: number): Call | undefined;
}

interface Value {
  value: string;
  range: Range;
  partial?: boolean;
}

/** Nesting of expressions converted to the IR before the rest is unknown (hostile depth). */
const MAX_DEPTH = 16;
/** Declarations of one name considered (one per `#if` branch is normal). */
const MAX_DECLARATIONS = 4;
/** Entries kept under one scope key (`name`, `Type.name`): a name declared very often keeps its first ones. */
const MAX_KEY_ENTRIES = MAX_DECLARATIONS * 4;

const MSAL_CONFIG = 'MSALPublicClientApplicationConfig';
const MSAL_APPLICATION = 'MSALPublicClientApplication';
const AUTHORITY_CLASSES = new Set(['MSALAuthority', 'MSALAADAuthority', 'MSALB2CAuthority', 'MSALCIAMAuthority', 'MSALADFSAuthority']);
const URL_TYPES = new Set(['URL', 'NSURL']);
const STRING_TYPES = new Set(['String', 'NSString']);

/** Names a Swift or Objective-C file must hold for its reader to look further (the sniff and the call scan). */
export const APPLE_MARKERS = [
  MSAL_CONFIG,
  MSAL_APPLICATION,
  'MSALGlobalConfig',
  'MSALWebviewParameters',
  'OIDAuthorizationRequest',
  'OIDServiceConfiguration',
  'redirectUri',
  'redirectURI',
  'redirectURL',
  'RedirectUri',
  'RedirectURI',
  'REDIRECT_URI',
];

/** Whether a Swift/Objective-C text holds something the reader reads (a cheap substring test). */
/**
 * The MSAL and AppAuth types whose initializers (Swift) or messages (Objective-C) the readers look at; others are
 * read only where a value needs them (URL(string:) inside an argument).
 */
export const APPLE_SDK_TYPES: ReadonlySet<string> = new Set([
  'MSALPublicClientApplicationConfig',
  'MSALPublicClientApplication',
  'OIDAuthorizationRequest',
  'OIDServiceConfiguration',
  'OIDAuthorizationService',
  'MSALAuthority',
  'MSALAADAuthority',
  'MSALB2CAuthority',
  'MSALCIAMAuthority',
  'MSALADFSAuthority',
]);

export function holdsAppleMarker(text: string): boolean {
  for (const marker of APPLE_MARKERS) if (text.includes(marker)) return true;
  return false;
}

/** Fills a parsed file with the sign-in configs the syntax of its language shows. Never throws on any token stream. */
export function readAppleFile(parsed: ParsedFile, syntax: AppleSyntax): ParsedFile {
  parsed.comments = syntax.lexed.comments;
  parsed.problems.push(...syntax.lexed.problems.slice(0, MAX_PROBLEMS));
  new AppleReader(syntax, parsed).read();
  return parsed;
}

/** The web view MSAL shows: a webviewType (or MSAL 1.x defaultWebviewType) value and where it is set. */
interface WebviewChoice {
  kind: 'embedded' | 'system-browser';
  /** What shows the sign-in page, and the setting that chose it (`webviewType .wkWebView`). */
  name: string;
  setting?: string;
  range: Range;
}

class AppleReader {
  private readonly scope: AppleScope;
  private readonly evaluator: ValueEvaluator;
  /** The MSAL authority class a config's authority argument builds (`MSALB2CAuthority(url:)`). */
  private readonly authorityClasses = new Map<AuthConfig, string>();
  /** Where a config sets bypassRedirectURIValidation to true. */
  private readonly bypassed = new Map<AuthConfig, Range>();

  constructor(
    private readonly syntax: AppleSyntax,
    private readonly parsed: ParsedFile,
  ) {
    this.scope = new AppleScope(syntax.declarations, this);
    this.evaluator = new ValueEvaluator(this.scope);
  }

  read(): void {
    const msal: AuthConfig[] = [];
    const appAuth: AuthConfig[] = [];
    const byVariable = new Map<string, AuthConfig>();
    for (const call of this.syntax.calls) {
      const config = this.msalConfigOf(call) ?? this.appAuthConfigOf(call);
      if (!config) continue;
      (config.library === 'msal-ios' ? msal : appAuth).push(config);
      if (call.assignedTo) byVariable.set(call.assignedTo, config);
    }
    this.applyConfigAssignments(byVariable);
    for (const config of msal) config.userAgent = this.msalUserAgent(config, byVariable);
    for (const config of appAuth) config.userAgent = defaultUserAgent('appauth-ios');
    const configs = distinct([...msal, ...appAuth].sort((a, b) => a.range.start - b.range.start));
    // One constant used by two configs of the file is one redirect to judge.
    const seen = new Set<string>();
    for (const config of configs) {
      config.redirectUris = config.redirectUris.filter((u) => {
        const key = `${u.range.start}:${u.range.end}:${u.role}:${u.value}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    this.parsed.configs.push(...configs);
  }

  /** MSALPublicClientApplicationConfig(clientId:redirectUri:authority:) and the MSAL 1.x MSALPublicClientApplication initializers. */
  private msalConfigOf(call: Call): AuthConfig | undefined {
    const isConfig = call.receiver === MSAL_CONFIG && call.method === 'init';
    // MSAL 1.x: MSALPublicClientApplication(clientId:authority:redirectUri:); (configuration:) only uses a config.
    const isLegacy = call.receiver === MSAL_APPLICATION && call.method === 'init' && call.labels.includes('clientid');
    if (!isConfig && !isLegacy) return undefined;
    const config: AuthConfig = { kind: 'config', library: 'msal-ios', platform: 'ios', redirectUris: [], range: tokenRange(call.nameToken) };
    for (let k = 0; k < call.args.length; k++) this.applyMsalSetting(config, call.labels[k], call.args[k]);
    if (!config.authority && !this.authorityClasses.has(config)) this.applySoleAuthority(config);
    return config;
  }

  /** `clientId`, `redirectUri`, `authority` of a config, from an initializer argument or a property assignment. */
  private applyMsalSetting(config: AuthConfig, label: string, arg: Span): void {
    if (label === 'clientid') {
      config.clientId = this.known(arg);
    } else if (label === 'redirecturi') {
      for (const v of this.evaluate(arg)) this.addRedirect(config, v, 'redirect');
    } else if (label === 'authority') {
      this.applyAuthority(config, arg);
    }
  }

  private applyAuthority(config: AuthConfig, arg: Span): void {
    const url = this.evaluate(arg)
      .map((v) => ({ ...v, value: knownPrefix(v) }))
      .find((v) => parseAuthority(v.value));
    if (url) config.authority = { value: url.value, range: url.range };
    const authorityClass = this.authorityClassOf(arg);
    if (authorityClass) this.authorityClasses.set(config, authorityClass);
  }

  /**
   * A config whose authority argument is not readable (`try authority(forPolicy:)`) takes the authority the file
   * builds when it builds only one kind (the B2C sample's helper returns its only MSALB2CAuthority).
   */
  private applySoleAuthority(config: AuthConfig): void {
    const built = this.syntax.calls.filter((c) => AUTHORITY_CLASSES.has(c.receiver) && c.method === 'init');
    if (!built.length || new Set(built.map((c) => c.receiver)).size > 1) return;
    const values = built.flatMap((c) => {
      const k = c.labels.indexOf('url');
      return k >= 0 ? this.evaluate(c.args[k]).map((v) => ({ ...v, value: knownPrefix(v) })) : [];
    });
    const url = values.find((v) => parseAuthority(v.value));
    if (url) config.authority = { value: url.value, range: url.range };
    this.authorityClasses.set(config, built[0].receiver);
  }

  /** `config.redirectUri = …`, `config.authority = …`, `config.bypassRedirectURIValidation = true` after the initializer. */
  private applyConfigAssignments(byVariable: Map<string, AuthConfig>): void {
    for (const assignment of this.syntax.assignments) {
      if (assignment.path.length < 2) continue;
      const config = byVariable.get(assignment.path[assignment.path.length - 2]);
      if (!config || config.library !== 'msal-ios') continue;
      const property = assignment.path[assignment.path.length - 1].toLowerCase();
      if (property === 'bypassredirecturivalidation') {
        if (this.flag(assignment.value)) this.bypassed.set(config, spanRange(assignment.value));
      } else this.applyMsalSetting(config, property, assignment.value);
    }
  }

  /** OIDAuthorizationRequest(configuration:clientId:…redirectURL:…): the provider is the configuration's endpoint or discovered issuer. */
  private appAuthConfigOf(call: Call): AuthConfig | undefined {
    if (call.receiver !== 'OIDAuthorizationRequest' || call.method !== 'init') return undefined;
    const config: AuthConfig = { kind: 'config', library: 'appauth-ios', platform: 'ios', redirectUris: [], range: tokenRange(call.nameToken) };
    call.labels.forEach((label, k) => {
      const arg = call.args[k];
      if (label === 'clientid') config.clientId = this.known(arg);
      else if (label === 'clientsecret') {
        const secret = this.known(arg);
        if (secret?.value) config.clientSecret = secret;
      } else if (label === 'redirecturl') for (const v of this.evaluate(arg)) this.addRedirect(config, v, 'redirect');
      else if (label === 'configuration') {
        const authority = this.serviceAuthority(arg, call.at);
        if (authority) config.authority = authority;
      }
    });
    if (!config.authority) {
      const nearest = this.nearestIssuer(call.at);
      if (nearest) config.authority = nearest;
    }
    return config;
  }

  /** The authorization endpoint (or issuer) of a service configuration argument. */
  private serviceAuthority(arg: Span, at: number): Located<string> | undefined {
    const inline = this.syntax.callAt(arg.tokens, arg.start, arg.end);
    const construction = inline ?? this.constructionOf(arg, at);
    if (construction?.receiver === 'OIDServiceConfiguration') {
      const k = construction.labels.indexOf('authorizationendpoint');
      if (k >= 0) return this.knownAuthority(construction.args[k]);
    }
    return undefined;
  }

  /** The call a variable holds: `let configuration = OIDServiceConfiguration(…)`. */
  private constructionOf(arg: Span, at: number): Call | undefined {
    if (arg.end - arg.start !== 1 || arg.tokens[arg.start].kind !== 'identifier') return undefined;
    const name = arg.tokens[arg.start].text;
    let best: Call | undefined;
    for (const call of this.syntax.calls) if (call.assignedTo === name && call.at < at && (!best || call.at > best.at)) best = call;
    return best;
  }

  /**
   * The issuer or endpoint of the nearest discovery or service configuration before a request (a request made
   * in the discovery's completion handler gets its configuration as a parameter); else, when the request is
   * in a method the discovery calls later, the one host all of the file's discoveries share.
   */
  private nearestIssuer(at: number): Located<string> | undefined {
    const sources = this.syntax.calls
      .map((call) => {
        const issuer = call.receiver === 'OIDAuthorizationService' ? call.labels.findIndex((l) => l === 'forissuer' || l === 'fordiscoveryurl') : -1;
        if (issuer >= 0) return { call, arg: call.args[issuer] };
        const endpoint = call.receiver === 'OIDServiceConfiguration' ? call.labels.indexOf('authorizationendpoint') : -1;
        return endpoint >= 0 ? { call, arg: call.args[endpoint] } : undefined;
      })
      .filter((s) => s !== undefined);
    const before = sources.filter((s) => s.call.at < at);
    if (before.length) return this.knownAuthority(before[before.length - 1].arg);
    const known = sources.map((s) => this.knownAuthority(s.arg));
    const hosts = new Set(known.map((k) => (k ? parseAuthority(k.value)?.host : undefined)));
    return hosts.size === 1 && known[0] ? known[0] : undefined;
  }

  private knownAuthority(arg: Span): Located<string> | undefined {
    const value = this.evaluate(arg)
      .map((v) => ({ ...v, value: knownPrefix(v) }))
      .find((v) => parseAuthority(v.value));
    return value ? { value: value.value, range: value.range } : undefined;
  }

  /**
   * MSAL's user agent for a config: MSALGlobalConfig.brokerAvailability (default .auto: the broker when
   * Microsoft Authenticator is installed) and the web view type (default ASWebAuthenticationSession;
   * .wkWebView is embedded). B2C and External ID authorities never use the broker, nor does a config that
   * bypasses redirect URI validation. A redirect other than msauth.<bundle id>://auth is not brokered
   * either: the rule sends it to the fallback web view.
   */
  private msalUserAgent(config: AuthConfig, variables: Map<string, AuthConfig>): UserAgent {
    const broker = this.brokerChoice();
    const webview = this.webviewChoice(config, variables);
    const mixed = webview === 'mixed';
    const web = mixed ? undefined : webview;
    const webName = mixed ? 'the web view the app picks at run time' : (web?.name ?? 'ASWebAuthenticationSession');
    const webKind = mixed ? 'unknown' : (web?.kind ?? 'system-browser');
    const settings = web?.setting ? [web.setting] : [];
    const authorityClass = this.authorityClasses.get(config);
    const kind = config.authority ? parseAuthority(config.authority.value)?.kind : undefined;
    const noBrokerAuthority =
      (authorityClass !== undefined && authorityClass !== 'MSALAADAuthority' && authorityClass !== 'MSALAuthority') || (kind !== undefined && kind !== 'entra');
    const bypass = this.bypassed.get(config);
    const off = noBrokerAuthority
      ? 'MSAL never uses the broker with this authority'
      : bypass
        ? 'bypassRedirectURIValidation turns the broker off'
        : broker?.value === 'none'
          ? 'brokerAvailability .none'
          : undefined;
    const described = (extra: string[]) => (extra.length ? `${webName} (${extra.join('; ')})` : webName);
    if (off) return { kind: webKind, range: web?.range ?? bypass ?? broker?.range, description: described([...settings, off]) };
    if (broker?.value === 'mixed')
      return { kind: 'unknown', range: broker.range, description: `the broker or ${described(settings)}, as the app chooses at run time` };
    return {
      kind: 'broker',
      fallback: webKind === 'embedded' ? 'embedded' : 'system-browser',
      range: web?.range ?? broker?.range,
      description: `the broker when Microsoft Authenticator is installed, otherwise ${described(settings)}`,
    };
  }

  /** MSALGlobalConfig.brokerAvailability: one value, or `mixed` when the file sets several (chosen at run time). */
  private brokerChoice(): { value: 'auto' | 'none' | 'mixed'; range: Range } | undefined {
    let result: { value: 'auto' | 'none' | 'mixed'; range: Range } | undefined;
    for (const assignment of this.syntax.assignments) {
      if (assignment.path[assignment.path.length - 1] !== 'brokerAvailability') continue;
      const name = this.enumCase(assignment.value);
      const value =
        name === 'none' || name === 'MSALBrokeredAvailabilityNone' ? 'none' : name === 'auto' || name === 'MSALBrokeredAvailabilityAuto' ? 'auto' : 'mixed';
      const range = spanRange(assignment.value);
      result = result && result.value !== value ? { value: 'mixed', range: result.range } : { value, range };
    }
    return result;
  }

  /**
   * webviewType (MSALWebviewParameters, MSAL 1.x parameters and applications) and MSAL 1.x
   * MSALGlobalConfig.defaultWebviewType: the ones set on the config's own variable (MSAL 1.x
   * `application.webviewType`) win; else those of the file that belong to no other config. Several
   * different ones are `mixed` (the app picks at run time).
   */
  private webviewChoice(config: AuthConfig, variables: Map<string, AuthConfig>): WebviewChoice | 'mixed' | undefined {
    const all = this.syntax.assignments.filter((a) => {
      const property = a.path[a.path.length - 1];
      return property === 'webviewType' || property === 'defaultWebviewType';
    });
    const ownerOf = (a: Assignment) => (a.path.length > 1 ? variables.get(a.path[a.path.length - 2]) : undefined);
    const own = all.filter((a) => ownerOf(a) === config);
    const chosen = own.length ? own : all.filter((a) => !ownerOf(a));
    let result: WebviewChoice | undefined;
    for (const assignment of chosen) {
      const choice = webviewOf(this.enumCase(assignment.value), spanRange(assignment.value));
      if (!choice || (result && result.kind !== choice.kind)) return 'mixed';
      result ??= choice;
    }
    return result;
  }

  /** `.none`, `MSALWebviewType.wkWebView`, `MSALBrokeredAvailabilityNone`: the case name. */
  private enumCase(span: Span): string | undefined {
    const last = span.tokens[span.end - 1];
    return last?.kind === 'identifier' ? last.text : undefined;
  }

  private flag(span: Span): boolean {
    const last = span.tokens[span.end - 1];
    return last?.kind === 'identifier' && (last.text === 'true' || last.text === 'YES');
  }

  private addRedirect(config: AuthConfig, v: Value, role: RedirectUri['role']): void {
    const scheme = /^([^:/?#]*):/.exec(v.value)?.[1];
    // A scheme that is only a hole (`\(scheme)://auth`) may be https: nothing to judge.
    if (!scheme || scheme.startsWith('{')) return;
    if (config.redirectUris.some((u) => u.range.start === v.range.start && u.value === v.value)) return;
    config.redirectUris.push(redirectUri(v.value, v.range, 'ios', role, { partial: v.partial }));
  }

  private known(span: Span): Located<string> | undefined {
    const v = this.evaluate(span).find((x) => !x.partial);
    return v ? { value: v.value, range: v.range } : undefined;
  }

  // ---- values: the file's expressions in the shared evaluator's IR ------------------------------------------

  /** Every value a span may take (the shared evaluator's rules: alternatives, partial parts, no unknown start). */
  private evaluate(span: Span): Value[] {
    return this.evaluator.values(this.ir(span)).map((v) => ({ value: v.value, range: v.range, ...(v.partial ? { partial: true } : {}) }));
  }

  /**
   * The IR of an expression: strings with their holes, names, `+`, `??` and ternaries, and the calls that
   * pass a value on (URL(string:), [NSURL URLWithString:], MSAL*Authority(url:), String(format:)). `try`,
   * `await`, `!`/`?` unwraps, parentheses and `as` casts are peeled first, in a loop.
   */
  ir(span: Span, depth = 0): ValueExpr {
    const { tokens } = span;
    const [start, end] = peel(tokens, span.start, span.end);
    if (end <= start) return { kind: 'alternatives', options: [], range: { start: 0, end: 0 } };
    const range = { start: tokens[start].start, end: tokens[end - 1].end };
    const display = (text: string) => `{${text}}`;
    const source = this.syntax.text.slice(range.start, range.end);
    if (depth > MAX_DEPTH) return unknown(range, display(source));
    const inner: Span = { tokens, start, end };
    const coalesce = splitTopLevel(inner, (t, k) => isPunct(t[k], '?') && isPunct(t[k + 1], '?') && t[k + 1].start === t[k].end, 2);
    if (coalesce.length > 1) return { kind: 'alternatives', options: coalesce.map((part) => this.ir(part, depth + 1)), range };
    const ternary = this.ternary(inner);
    if (ternary) return { kind: 'alternatives', options: [this.ir(ternary[0], depth + 1), this.ir(ternary[1], depth + 1)], range };
    const sum = splitTopLevel(inner, (t, k) => isPunct(t[k], '+'), 1);
    if (sum.length > 1) return { kind: 'concat', operands: sum.map((part) => this.ir(part, depth + 1)), range };
    const first = tokens[start];
    if (first.kind === 'string') {
      // Adjacent literals concatenate in C (`@"a" @"b"`).
      const pieces: ValueExpr[] = [];
      let k = start;
      for (; k < end && tokens[k].kind === 'string'; k++) pieces.push(stringOf(tokens[k], SYNTAX));
      if (k < end) return unknown(range, display(source));
      return pieces.length === 1 ? pieces[0] : { kind: 'concat', operands: pieces, range };
    }
    if (first.kind === 'identifier' && (first.text === 'nil' || first.text === 'NULL') && end - start === 1)
      return { kind: 'alternatives', options: [], range };
    const call = this.syntax.callAt(tokens, start, end);
    if (call) return this.callIr(call, range, depth) ?? unknown(range, display(source));
    const path = dottedPath(tokens, start, end);
    if (path) return { kind: 'name', path, range, display: display(path.join('.')) };
    return unknown(range, display(source));
  }

  /** The calls that pass a string on: URL(string:), [NSURL URLWithString:], MSAL*Authority(url:), String(format:). */
  private callIr(call: Call, range: Range, depth: number): ValueExpr | undefined {
    const arg = (label: string) => {
      const k = call.labels.indexOf(label);
      return k >= 0 ? call.args[k] : undefined;
    };
    if (URL_TYPES.has(call.receiver) && (call.method === 'init' || call.method === 'URL')) {
      const s = arg('string');
      return s ? this.ir(s, depth + 1) : undefined;
    }
    if (AUTHORITY_CLASSES.has(call.receiver)) {
      const url = arg('url');
      return url ? this.ir(url, depth + 1) : undefined;
    }
    // Objective-C `[base stringByAppendingString:suffix]` (openid/AppAuth-iOS UnitTests/OIDRPProfileCode.m builds its
    // issuer so): the receiver's value, then the argument's. Only for a receiver that is a name, not a nested send.
    if (call.method === 'string' && call.labels.length === 1 && call.labels[0] === 'byappendingstring') {
      if (call.args[0].tokens[call.at + 1] !== call.nameToken) return undefined;
      const base: ValueExpr = { kind: 'name', path: [call.receiver], range: tokenRange(call.nameToken), display: `{${call.receiver}}` };
      return { kind: 'concat', operands: [base, this.ir(call.args[0], depth + 1)], range };
    }
    if (STRING_TYPES.has(call.receiver) && (call.method === 'init' || call.method === 'string')) {
      const k = call.labels.indexOf('format');
      if (k >= 0) return this.formatIr(call.args[k], call.args.slice(k + 1), range, depth);
      const s = arg('string');
      return s ? this.ir(s, depth + 1) : undefined;
    }
    return undefined;
  }

  /**
   * String(format: f, a, b): the format's known text with each `%@` / `%1$@` / `%s` / `%d` a hole for its
   * argument (`%%` is a percent sign). The format itself may be a constant, so its value is read first.
   */
  private formatIr(format: Span, args: Span[], range: Range, depth: number): ValueExpr | undefined {
    const known = this.evaluator.known(this.ir(format, depth + 1));
    if (!known) return undefined;
    const parts: StringExprPart[] = [];
    let next = 0;
    let last = 0;
    const pattern = /%(?:(\d+)\$)?[@sdiuxXf]|%%/g;
    for (let m = pattern.exec(known.value); m; m = pattern.exec(known.value)) {
      if (m.index > last) parts.push({ text: known.value.slice(last, m.index) });
      last = m.index + m[0].length;
      if (m[0] === '%%') {
        parts.push({ text: '%' });
        continue;
      }
      const k = m[1] ? Number(m[1]) - 1 : next++;
      const hole = args[k] ? this.ir(args[k], depth + 1) : unknown(range, '{…}');
      parts.push({ hole });
    }
    if (last < known.value.length) parts.push({ text: known.value.slice(last) });
    return { kind: 'string', parts, range: known.range };
  }

  /** `cond ? a : b` at the top level (Swift needs spaces around `?`, which tells it from optional chaining). */
  private ternary(span: Span): [Span, Span] | undefined {
    const { tokens } = span;
    let depth = 0;
    let question = -1;
    let nested = 0;
    for (let k = span.start; k < span.end; k++) {
      const t = tokens[k];
      if (t.kind !== 'punct') continue;
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
      else if (depth === 0 && t.text === '?') {
        const spaced = this.syntax.language === 'objc' || (k > span.start && tokens[k - 1].end < t.start && (tokens[k + 1]?.start ?? t.end) > t.end);
        if (!spaced || isPunct(tokens[k + 1], '?') || isPunct(tokens[k - 1], '?')) continue;
        if (question < 0) question = k;
        else nested++;
      } else if (depth === 0 && t.text === ':' && question >= 0) {
        if (nested) nested--;
        else
          return [
            { tokens, start: question + 1, end: k },
            { tokens, start: k + 1, end: span.end },
          ];
      }
    }
    return undefined;
  }

  /** The MSAL authority class a span builds, directly or through the variable it names (`authority: authority`). */
  private authorityClassOf(span: Span, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const [start, end] = peel(span.tokens, span.start, span.end);
    if (end <= start) return undefined;
    const call = this.syntax.callAt(span.tokens, start, end);
    if (call) return AUTHORITY_CLASSES.has(call.receiver) ? call.receiver : undefined;
    const ternary = this.ternary({ tokens: span.tokens, start, end });
    if (ternary) return this.authorityClassOf(ternary[0], depth + 1) ?? this.authorityClassOf(ternary[1], depth + 1);
    const path = dottedPath(span.tokens, start, end);
    if (!path) return undefined;
    for (const declaration of this.scope.declarationsOf(path, span.tokens[start].start)) {
      const found = this.authorityClassOf(declaration.value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}

/**
 * The names of a Swift or Objective-C file for the evaluator: `name`, `Type.name` and `Self.name` for a
 * member, `self.name` for a property. Declarations in `#if` branches are alternatives; otherwise the one
 * nearest before the reference counts (a local shadows a member of the same name, and two methods' locals
 * of one name do not mix).
 */
class AppleScope implements Scope {
  // Declarations are indexed by name and by owner, as chains over their indexes (typed arrays, file order):
  // one Map entry per distinct name or owner, no key string or list made per declaration. A key's entries
  // are collected when it is first looked up.
  private readonly byName: IndexChains;
  private readonly byOwner: IndexChains;
  private readonly entriesByKey = new Map<string, AppleDeclaration[]>();
  private readonly converted = new Map<AppleDeclaration, ValueDeclaration>();

  /**
   * `reader` turns a declaration's value into IR. An object, not a closure stored on the scope: a closure
   * put over this field's first one made V8's minor GCs keep each parse's whole syntax (tokens,
   * declarations) alive and promote it, 3 MB and 8-15 ms per minor GC on the 100 KB Swift bench document
   * (`--trace-gc-nvp`: promoted 2.6-3.2 MB each; 0 with the object).
   */
  constructor(
    private readonly declarations: AppleDeclaration[],
    private readonly reader: { ir(span: Span): ValueExpr },
  ) {
    this.byName = new IndexChains(declarations.length, (k) => declarations[k].name);
    this.byOwner = new IndexChains(declarations.length, (k) => declarations[k].owner || undefined);
  }

  /**
   * The declarations listed under `key`, in file order and at most MAX_KEY_ENTRIES: each declaration is listed
   * under its `name`, and when it has an owner under `Owner.name` and `Self.name`; undefined when none is.
   */
  private entriesOf(key: string): AppleDeclaration[] | undefined {
    let entries = this.entriesByKey.get(key);
    if (!entries) this.entriesByKey.set(key, (entries = this.collectEntries(key)));
    return entries.length ? entries : undefined;
  }

  private collectEntries(key: string): AppleDeclaration[] {
    const { declarations } = this;
    const found: number[] = [];
    this.byName.collect(key, () => 1, found);
    // A backtick name may hold a dot itself, so each dot of the key is tried as the end of the owner.
    for (let dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
      const owner = key.slice(0, dot);
      const name = key.slice(dot + 1);
      if (!owner) continue;
      // `Self.name` lists every member of that name (one whose owner is `Self` twice: under both keys).
      if (owner === 'Self') this.byName.collect(name, (k) => (!declarations[k].owner ? 0 : declarations[k].owner === 'Self' ? 2 : 1), found);
      // `Owner.name`: the shorter of the two chains is walked (a hostile file of many same-named members stays linear).
      else if (this.byName.size(name) <= this.byOwner.size(owner)) this.byName.collect(name, (k) => (declarations[k].owner === owner ? 1 : 0), found);
      else this.byOwner.collect(owner, (k) => (declarations[k].name === name ? 1 : 0), found);
    }
    found.sort((a, b) => a - b);
    return found.slice(0, MAX_KEY_ENTRIES).map((k) => declarations[k]);
  }

  /** The declarations a reference at `at` sees (see the class comment). */
  declarationsOf(path: readonly string[], at: number): AppleDeclaration[] {
    const names = path[0] === 'self' ? path.slice(1) : path;
    const candidates = this.entriesOf(names.join('.')) ?? (names.length > 1 ? this.entriesOf(names[names.length - 1]) : undefined);
    if (!candidates?.length) return [];
    const conditional = candidates.filter((d) => d.conditional);
    if (conditional.length > 1) return conditional.slice(0, MAX_DECLARATIONS);
    let best: AppleDeclaration | undefined;
    for (const d of candidates) if (d.at < at && (!best || d.at > best.at)) best = d;
    return [best ?? candidates[0]];
  }

  resolve(path: readonly string[], reference: NameExpr): readonly ValueDeclaration[] | undefined {
    const found = this.declarationsOf(path, reference.range.start);
    if (!found.length) return undefined;
    return found.map((d) => {
      let converted = this.converted.get(d);
      if (!converted) this.converted.set(d, (converted = { expr: this.reader.ir(d.value) }));
      return converted;
    });
  }
}

/** Indexes 0…n-1 grouped by a key, in order: the first index of each key, and each index's next of the same key. */
class IndexChains {
  private readonly first = new Map<string, number>();
  private readonly next: Int32Array;
  /** How many indexes the chain holds from each one on (a chain's length is that of its first). */
  private readonly lengthFrom: Int32Array;

  /** `keyOf(k)` is index k's key; indexes without one are left out. */
  constructor(count: number, keyOf: (index: number) => string | undefined) {
    this.next = new Int32Array(count);
    this.lengthFrom = new Int32Array(count);
    // Built from the end, so each chain is in order without a last index per key.
    for (let k = count - 1; k >= 0; k--) {
      const key = keyOf(k);
      if (key === undefined) continue;
      const after = this.first.get(key) ?? -1;
      this.next[k] = after;
      this.lengthFrom[k] = 1 + (after >= 0 ? this.lengthFrom[after] : 0);
      this.first.set(key, k);
    }
  }

  size(key: string): number {
    const head = this.first.get(key);
    return head === undefined ? 0 : this.lengthFrom[head];
  }

  /** Pushes each index of `key`'s chain onto `into` `times(index)` times, up to MAX_KEY_ENTRIES pushes. */
  collect(key: string, times: (index: number) => number, into: number[]): void {
    let pushed = 0;
    for (let k = this.first.get(key) ?? -1; k >= 0 && pushed < MAX_KEY_ENTRIES; k = this.next[k]) {
      for (let n = times(k); n > 0; n--, pushed++) into.push(k);
    }
  }
}

/** Swift and Objective-C in the token front end: unknown parts show as `{x}` (a broker URI stays recognisable). */
const SYNTAX: TokenSyntax = { display: (text) => `{${text}}` };

/** `try`, `await`, `!`/`?` unwraps, enclosing parentheses and an `as` cast around a value, peeled without recursion. */
function peel(tokens: Token[], spanStart: number, spanEnd: number): [number, number] {
  let start = spanStart;
  let end = spanEnd;
  for (let k = start; k < end; k++) {
    // `x as String`, `x as! URL`: the value before the cast.
    if (tokens[k].kind === 'identifier' && tokens[k].text === 'as' && depthAt(tokens, start, k) === 0) {
      end = k;
      break;
    }
  }
  for (;;) {
    const from = start;
    const to = end;
    while (start < end && tokens[start].kind === 'identifier' && (tokens[start].text === 'try' || tokens[start].text === 'await')) {
      start++;
      if (start < end && isPunct(tokens[start], '!', '?') && tokens[start].start === tokens[start - 1].end) start++;
    }
    while (end > start && isPunct(tokens[end - 1], '!', '?')) end--;
    if (end - start >= 2 && isPunct(tokens[start], '(') && matching(tokens, start, end) === end - 1) {
      start++;
      end--;
    }
    if (start === from && end === to) return [start, end];
  }
}

function webviewOf(name: string | undefined, range: Range): WebviewChoice | undefined {
  switch (name) {
    case 'wkWebView':
    case 'MSALWebviewTypeWKWebView':
      return { kind: 'embedded', name: 'an embedded WKWebView', setting: 'webviewType .wkWebView', range };
    case 'safariViewController':
    case 'MSALWebviewTypeSafariViewController':
      return { kind: 'system-browser', name: 'SFSafariViewController', setting: 'webviewType .safariViewController', range };
    case 'authenticationSession':
    case 'MSALWebviewTypeAuthenticationSession':
      return { kind: 'system-browser', name: 'ASWebAuthenticationSession', setting: 'webviewType .authenticationSession', range };
    case 'default':
    case 'MSALWebviewTypeDefault':
      return { kind: 'system-browser', name: 'ASWebAuthenticationSession', range };
    default:
      return undefined;
  }
}

/**
 * Configs that say the same (library, client id, authority, redirects, secret, user agent — from the same
 * places): one config. Tests and samples build the same request many times from the file's constants.
 */
function distinct(configs: AuthConfig[]): AuthConfig[] {
  const seen = new Set<string>();
  const where = (l: Located<string> | undefined) => (l ? `${l.range.start}:${l.value}` : '');
  return configs.filter((c) => {
    const key = [
      c.library,
      where(c.clientId),
      c.authority?.value ?? '',
      where(c.clientSecret),
      c.redirectUris.map((u) => `${u.range.start}:${u.value}`).join(','),
      c.userAgent?.kind ?? '',
      c.userAgent?.range?.start ?? '',
    ].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An authority whose end is unknown keeps what comes before the first unknown part when the host is known. */
function knownPrefix(v: Value): string {
  if (!v.partial) return v.value;
  const hole = v.value.indexOf('{');
  const prefix = hole >= 0 ? v.value.slice(0, hole) : v.value;
  return /^https?:\/\/[^/{]+\//i.test(prefix) ? prefix : v.value;
}

/** Whether a token is the punctuation `a` (or `b`); two fixed parameters, no array per call on this hot path. */
export function isPunct(token: Token | undefined, a: string, b?: string): boolean {
  return token !== undefined && token.kind === 'punct' && (token.text === a || token.text === b);
}

export function tokenRange(token: Token): Range {
  return { start: token.start, end: token.end };
}

function spanRange(span: Span): Range {
  if (span.end <= span.start) return { start: 0, end: 0 };
  return { start: span.tokens[span.start].start, end: span.tokens[span.end - 1].end };
}

/** The closing bracket of every opening one, per token array, computed in one pass (a stack, never recursion). */
const closers = new TokenListMemo<Int32Array>();

function closerTable(tokens: Token[]): Int32Array {
  let table = closers.get(tokens);
  if (table) return table;
  table = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') open.push(k);
    else if ((t.text === ')' || t.text === ']' || t.text === '}') && open.length) table[open.pop()!] = k;
  }
  closers.set(tokens, table);
  return table;
}

/** Index of the bracket closing the one at `open` within `[open, end)`, or -1. */
export function matching(tokens: Token[], open: number, end: number): number {
  const close = open >= 0 && open < tokens.length ? closerTable(tokens)[open] : -1;
  return close >= 0 && close < end ? close : -1;
}

/** Expressions longer than this are not read to their end (a hostile unclosed bracket cannot make scans quadratic). */
export const MAX_EXPRESSION_TOKENS = 400;

function depthAt(tokens: Token[], start: number, at: number): number {
  let depth = 0;
  for (let k = start; k < at; k++) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) depth--;
  }
  return depth;
}

/** Parts of a span separated by an operator at bracket depth 0 (`width` tokens long). */
function splitTopLevel(span: Span, isOperator: (tokens: Token[], k: number) => boolean, width: number): Span[] {
  const { tokens } = span;
  const parts: Span[] = [];
  let depth = 0;
  let from = span.start;
  for (let k = span.start; k < span.end; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
    else if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
    else if (depth === 0 && k > from && isOperator(tokens, k)) {
      parts.push({ tokens, start: from, end: k });
      from = k + width;
      k += width - 1;
    }
  }
  if (!parts.length) return [span];
  parts.push({ tokens, start: from, end: span.end });
  return parts.filter((p) => p.end > p.start);
}

/** `a`, `a.b.c`, `self.a`, `Type.a.rawValue`: the names, or undefined when the span is something else. */
function dottedPath(tokens: Token[], start: number, end: number): string[] | undefined {
  const names: string[] = [];
  let k = start;
  if (isPunct(tokens[k], '.')) k++; // `.none`: an enum case with its type left out
  for (;;) {
    if (tokens[k]?.kind !== 'identifier' || k >= end) return undefined;
    names.push(tokens[k].text);
    k++;
    if (k === end) break;
    if (!isPunct(tokens[k], '.')) return undefined;
    k++;
  }
  if (names[names.length - 1] === 'rawValue' && names.length > 1) names.pop();
  return names;
}
