import type { AuthConfig, Located, ParsedFile, Range, RedirectUri, UserAgent } from '../model';
import type { LexResult, LexToken } from '../lexing/lexer';
import { defaultUserAgent } from '../entra/libraries';
import { parseAuthority } from '../entra/authority';
import { redirectUri } from './config-util';
import { MAX_PROBLEMS } from './types';

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
export interface Declaration {
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
  declarations: Declaration[];
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
  /** For authority objects: the MSAL class (`MSALB2CAuthority`) that was built. */
  authorityClass?: string;
}

/** Guards against cycles and hostile depth in constant chains. */
const MAX_DEPTH = 8;
/** Alternatives kept per value (ternaries, `??`, `#if` branches). */
const MAX_ALTERNATIVES = 8;
/** Declarations of one name considered (one per `#if` branch is normal). */
const MAX_DECLARATIONS = 4;

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
  private readonly byName = new Map<string, Declaration[]>();
  private readonly evaluating = new Set<Declaration>();
  /** The MSAL authority class a config's authority argument builds (`MSALB2CAuthority(url:)`). */
  private readonly authorityClasses = new Map<AuthConfig, string>();
  /** Where a config sets bypassRedirectURIValidation to true. */
  private readonly bypassed = new Map<AuthConfig, Range>();

  constructor(
    private readonly syntax: AppleSyntax,
    private readonly parsed: ParsedFile,
  ) {
    for (const declaration of syntax.declarations) {
      const list = this.byName.get(declaration.name);
      if (!list) this.byName.set(declaration.name, [declaration]);
      else if (list.length < MAX_DECLARATIONS * 4) list.push(declaration);
    }
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
    const values = this.evaluate(arg);
    const chosen = values.find((v) => parseAuthority(v.value)) ?? values.find((v) => v.authorityClass);
    if (chosen && parseAuthority(chosen.value)) config.authority = { value: chosen.value, range: chosen.range };
    if (chosen?.authorityClass) this.authorityClasses.set(config, chosen.authorityClass);
  }

  /**
   * A config whose authority argument is not readable (`try authority(forPolicy:)`) takes the authority the file
   * builds when it builds only one kind (the B2C sample's helper returns its only MSALB2CAuthority).
   */
  private applySoleAuthority(config: AuthConfig): void {
    const built = this.syntax.calls.filter((c) => AUTHORITY_CLASSES.has(c.receiver) && c.method === 'init');
    if (!built.length || new Set(built.map((c) => c.receiver)).size > 1) return;
    const values = built.flatMap((c) => this.callValue(c, 1));
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
    const value = this.evaluate(arg).find((v) => parseAuthority(v.value));
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

  // ---- values -------------------------------------------------------------------------------------------

  evaluate(span: Span, depth = 0): Value[] {
    if (depth > MAX_DEPTH || span.end <= span.start) return [];
    const { tokens } = span;
    let { start, end } = span;
    for (let k = start; k < end; k++) {
      // `x as String`, `x as! URL`: the value before the cast.
      if (tokens[k].kind === 'identifier' && tokens[k].text === 'as' && depthAt(tokens, start, k) === 0) {
        end = k;
        break;
      }
    }
    // Prefixes, suffixes and brackets that do not change the value (try / try! / try? / await, `!` and `?`
    // unwraps, parentheses), peeled in a loop: hostile nesting cannot deepen the recursion.
    for (;;) {
      const from = start;
      while (start < end && tokens[start].kind === 'identifier' && (tokens[start].text === 'try' || tokens[start].text === 'await')) {
        start++;
        if (start < end && isPunct(tokens[start], '!', '?') && tokens[start].start === tokens[start - 1].end) start++;
      }
      while (end > start && isPunct(tokens[end - 1], '!', '?')) end--;
      if (end - start >= 2 && isPunct(tokens[start], '(') && matching(tokens, start, end) === end - 1) {
        start++;
        end--;
      } else if (start === from) break;
    }
    if (end <= start) return [];
    const inner: Span = { tokens, start, end };
    // a ?? b: either (the first may be nil at run time).
    const coalesce = splitTopLevel(inner, (t, k) => isPunct(t[k], '?') && isPunct(t[k + 1], '?') && t[k + 1].start === t[k].end, 2);
    if (coalesce.length > 1) return limit(coalesce.flatMap((part) => this.evaluate(part, depth + 1)));
    const ternary = this.ternary(inner);
    if (ternary) return limit([...this.evaluate(ternary[0], depth + 1), ...this.evaluate(ternary[1], depth + 1)]);
    const sum = splitTopLevel(inner, (t, k) => isPunct(t[k], '+'), 1);
    if (sum.length > 1) return this.concat(sum.map((part) => this.evaluate(part, depth + 1)));
    return this.primary(inner, depth);
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

  private concat(parts: Value[][]): Value[] {
    let result: Value[] = [{ value: '', range: { start: -1, end: -1 } }];
    for (const part of parts) {
      const options = part.length ? part : [{ value: '{…}', range: { start: -1, end: -1 }, partial: true }];
      const next: Value[] = [];
      for (const a of result) for (const b of options) if (next.length < MAX_ALTERNATIVES) next.push(join(a, b));
      result = next;
    }
    return result;
  }

  private primary(span: Span, depth: number): Value[] {
    const { tokens, start, end } = span;
    const first = tokens[start];
    if (first.kind === 'string') {
      // Adjacent literals concatenate in C (`@"a" @"b"`).
      let k = start;
      const pieces: Value[][] = [];
      for (; k < end && tokens[k].kind === 'string'; k++) pieces.push([this.stringValue(tokens[k], depth)]);
      if (k === end) return this.concat(pieces);
      return [{ ...this.concat(pieces)[0], partial: true }];
    }
    if (first.kind === 'identifier' && (first.text === 'nil' || first.text === 'NULL') && end - start === 1) return [];
    const call = this.syntax.callAt(tokens, start, end);
    if (call) return this.callValue(call, depth);
    const path = dottedPath(tokens, start, end);
    if (path) return this.lookup(path, depth, first.start);
    return [{ value: '{…}', range: tokenRange(first), partial: true }];
  }

  private stringValue(token: Token, depth: number): Value {
    const range = { start: token.start, end: token.end };
    const content = token.content ?? range;
    let value = '';
    let partial = false;
    for (const part of token.parts ?? []) {
      if ('text' in part) value += part.text;
      else {
        // Swift `\(name)`: the name's value when it is known, else a placeholder.
        const holeTokens = this.syntax.relex(part.expression);
        const known = this.evaluate({ tokens: holeTokens, start: 0, end: holeTokens.length }, depth + 1).find((v) => !v.partial);
        if (known) value += known.value;
        else {
          value += `{${part.expression}}`;
          partial = true;
        }
      }
    }
    return { value, range: content, ...(partial ? { partial } : {}) };
  }

  private callValue(call: Call, depth: number): Value[] {
    const arg = (label: string) => {
      const k = call.labels.indexOf(label);
      return k >= 0 ? call.args[k] : undefined;
    };
    // URL(string:), NSURL(string:), [NSURL URLWithString:]
    if ((URL_TYPES.has(call.receiver) && (call.method === 'init' || call.method === 'URL')) || (call.receiver === 'URL' && call.method === 'init')) {
      const s = arg('string');
      if (s) return this.evaluate(s, depth + 1);
    }
    // String(format:…), [NSString stringWithFormat:…]
    if (STRING_TYPES.has(call.receiver) && (call.method === 'init' || call.method === 'string')) {
      const k = call.labels.indexOf('format');
      if (k >= 0) return this.format(call, k, depth);
      const s = arg('string');
      if (s) return this.evaluate(s, depth + 1);
    }
    // try MSALAADAuthority(url:), [[MSALB2CAuthority alloc] initWithURL:error:]
    if (AUTHORITY_CLASSES.has(call.receiver)) {
      const url = arg('url');
      const values = url ? this.evaluate(url, depth + 1).map((v) => ({ ...v, value: knownPrefix(v), authorityClass: call.receiver })) : [];
      return values.length ? values : [{ value: '', range: tokenRange(call.nameToken), partial: true, authorityClass: call.receiver }];
    }
    return [{ value: '{…}', range: tokenRange(call.nameToken), partial: true }];
  }

  /** String(format: f, a, b) with `%@`, `%1$@`, `%s`, `%d`: the arguments substituted (`%%` is a percent sign). */
  private format(call: Call, formatIndex: number, depth: number): Value[] {
    const formats = this.evaluate(call.args[formatIndex], depth + 1);
    const rest = call.args.slice(formatIndex + 1).map((a) => this.evaluate(a, depth + 1).find((v) => !v.partial));
    return formats.map((f) => {
      let next = 0;
      let partial = f.partial ?? false;
      const value = f.value.replace(/%(?:(\d+)\$)?[@sdiuxXf]|%%/g, (spec, position: string | undefined) => {
        if (spec === '%%') return '%';
        const k = position ? Number(position) - 1 : next++;
        const v = rest[k];
        if (!v) partial = true;
        return v ? v.value : '{…}';
      });
      return { value, range: f.range, ...(partial ? { partial } : {}) };
    });
  }

  /** The value of a name (`kRedirectUri`, `Config.redirectUri`, `self.redirect`): its declarations in the file. */
  private lookup(path: string[], depth: number, at: number): Value[] {
    const name = path[path.length - 1];
    const owner = path.length > 1 && !['self', 'Self'].includes(path[path.length - 2]) ? path[path.length - 2] : undefined;
    let candidates = this.byName.get(name) ?? [];
    if (owner && candidates.some((d) => d.owner === owner)) candidates = candidates.filter((d) => d.owner === owner);
    if (!candidates.length) return [{ value: `{${path.join('.')}}`, range: { start: at, end: at }, partial: true }];
    // Declarations in #if branches are alternatives; otherwise the nearest one before the use (a local shadows a member).
    const conditional = candidates.filter((d) => d.conditional);
    const chosen = conditional.length > 1 ? conditional.slice(0, MAX_DECLARATIONS) : [nearestBefore(candidates, at)];
    const values: Value[] = [];
    for (const declaration of chosen) {
      if (this.evaluating.has(declaration)) continue;
      this.evaluating.add(declaration);
      values.push(...this.evaluate(declaration.value, depth + 1));
      this.evaluating.delete(declaration);
    }
    return limit(values);
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

function nearestBefore(declarations: Declaration[], at: number): Declaration {
  let best: Declaration | undefined;
  for (const d of declarations) if (d.at < at && (!best || d.at > best.at)) best = d;
  return best ?? declarations[0];
}

function join(a: Value, b: Value): Value {
  const range =
    a.range.start < 0 ? b.range : b.range.start < 0 ? a.range : { start: Math.min(a.range.start, b.range.start), end: Math.max(a.range.end, b.range.end) };
  const partial = a.partial || b.partial;
  return { value: a.value + b.value, range, ...(partial ? { partial } : {}) };
}

function limit(values: Value[]): Value[] {
  return values.length > MAX_ALTERNATIVES ? values.slice(0, MAX_ALTERNATIVES) : values;
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
const closers = new WeakMap<Token[], Int32Array>();

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
