import type { AndroidConfigReference, AndroidStringReference, AuthConfig, Located, ParsedFile, RedirectUri } from '../model';
import { defaultUserAgent } from '../entra/libraries';
import { parseAuthority } from '../entra/authority';
import { tokenizeJava, tokenizeKotlin } from '../lexing/languages';
import { androidUserAgent } from './android-config';
import { resourceNames } from './android-values';
import { redirectUri } from './config-util';
import { declarations, FileValues, JAVA_SYNTAX, KOTLIN_SYNTAX, spanOf, TokenCursor, type CodeValue } from './jvm-tokens';
import { emptyParsed, MAX_PROBLEMS, defineFormat, SLASH_COMMENTS } from './types';

// Android sign-in code in Kotlin and Java, read from the shared lexer's tokens:
// - MSAL Android factories that name their raw config (`PublicClientApplication.create(context,
//   R.raw.auth_config, …)`, `createSingleAccountPublicClientApplication`, …): the config file is used;
// - `PublicClientApplication.create(context, clientId, authority, redirectUri, listener)`: a config of its
//   own, merged over MSAL's defaults (broker on, DEFAULT agent);
// - AppAuth-Android `AuthorizationRequest.Builder(config, clientId, responseType, redirectUri)` with the
//   authorization endpoint or issuer of its `AuthorizationServiceConfiguration(authUri, tokenUri)` /
//   `fetchFromIssuer(uri)` / `fetchFromUrl(uri)`: that host says whether it is Entra. AppAuth signs in
//   with Custom Tabs or the browser only.
// Values go through the shared evaluator (../values): string constants (`const val`, `static final String`)
// of the file, templates, `+`, and the alternatives of `?:`, `c ? a : b` and Kotlin's `if (c) a else b`. A
// string resource (`getString(R.string.redirect_uri)`) stays a marker the workspace fills in from the
// module's res/values files, where the finding is reported (engine/android-resources.ts).

const MSAL_FACTORIES = new Set([
  'create',
  'createSingleAccountPublicClientApplication',
  'createMultipleAccountPublicClientApplication',
  'createNativeAuthPublicClientApplication',
]);
const APPAUTH_CONFIG_FACTORIES = new Set(['fetchFromIssuer', 'fetchFromUrl']);
/** `R.string.x` references kept per file (a UI file names hundreds of labels; the sign-in ones come early). */
const MAX_STRING_REFERENCES = 200;
/** Text that makes a Kotlin or Java file worth reading (the sniff is a substring test, no parsing). */
const MARKERS = [
  'PublicClientApplication',
  'AuthorizationRequest',
  'AuthorizationServiceConfiguration',
  'R.raw.',
  'msauth://',
  'login.microsoftonline.com',
  '.b2clogin.com',
  '.ciamlogin.com',
];

export const androidCodeFormat = defineFormat({
  id: 'android-code',
  title: 'Android code (Kotlin, Java)',
  files: '`*.kt`, `*.java` that create an MSAL or AppAuth client',
  reads:
    '`PublicClientApplication.create…(context, R.raw.<config>)` (links the res/raw config), `create(context, clientId, authority, redirectUri, …)`, AppAuth `AuthorizationRequest.Builder` with its `AuthorizationServiceConfiguration` / `fetchFromIssuer`, constants of the file (`val`, `String`, `Uri`, `URI`)',
  globs: ['**/*.kt', '**/*.java'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['kotlin', 'java'],
  untitled: [
    { languageId: 'kotlin', name: 'MainActivity.kt', hint: /PublicClientApplication|AuthorizationRequest/ },
    { languageId: 'java', name: 'MainActivity.java', hint: /PublicClientApplication|AuthorizationRequest/ },
  ],
  facts: {
    provides: ['android-config-uses', 'android-msal-settings'],
    reads: ['android-build-values', 'android-intent-filters', 'android-string-resources'],
  },
  byName: (path) => (/\.(kt|java)$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => MARKERS.some((marker) => text.includes(marker)),
  parse(path, text) {
    const parsed = emptyParsed(path, 'android-code', text);
    const { tokens, comments, problems } = /\.java$/i.test(path) ? tokenizeJava(text) : tokenizeKotlin(text);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    new CodeReader(new TokenCursor(tokens), parsed, /\.java$/i.test(path)).read();
    return parsed;
  },
});

/** An AppAuth service configuration: the host it signs in with, and the name it is assigned to. */
interface ServiceConfiguration {
  authority?: CodeValue;
  variable?: string;
  at: number;
}

class CodeReader {
  private readonly values: FileValues;
  private readonly refs: AndroidConfigReference[] = [];
  private readonly stringRefs: AndroidStringReference[] = [];

  constructor(
    private readonly cursor: TokenCursor,
    private readonly parsed: ParsedFile,
    java: boolean,
  ) {
    // The file's declarations are collected on the first name a value refers to.
    let declared: Map<string, [number, number][]> | undefined;
    this.values = new FileValues(cursor, java ? JAVA_SYNTAX : KOTLIN_SYNTAX, (name) => (declared ??= declarations(cursor)).get(name));
  }

  read(): void {
    const { tokens } = this.cursor;
    const services: ServiceConfiguration[] = [];
    const builders: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'identifier') continue;
      if (t.text === 'PublicClientApplication' && this.cursor.isPunct(i + 1, '.') && MSAL_FACTORIES.has(tokens[i + 2]?.text)) this.readMsalFactory(i + 2);
      else if (t.text === 'R' && this.isRawReference(i)) this.readRawReference(i);
      else if (t.text === 'R' && this.isStringReference(i)) this.readStringReference(i);
      else if (t.text === 'AuthorizationServiceConfiguration') {
        const service = this.readServiceConfiguration(i);
        if (service) services.push(service);
      } else if (
        t.text === 'AuthorizationRequest' &&
        this.cursor.isPunct(i + 1, '.') &&
        this.cursor.isIdent(i + 2, 'Builder') &&
        this.cursor.isPunct(i + 3, '(')
      ) {
        builders.push(i);
      }
    }
    for (const i of builders) this.readAppAuthRequest(i, services);
    if (this.refs.length) this.parsed.androidConfigRefs = this.refs;
    if (this.stringRefs.length) this.parsed.androidStringRefs = this.stringRefs;
  }

  /** `R.string.name` (or `com.x.R.string.name`) at `i`. */
  private isStringReference(i: number): boolean {
    const c = this.cursor;
    return c.isPunct(i + 1, '.') && c.isIdent(i + 2, 'string') && c.isPunct(i + 3, '.') && c.isIdent(i + 4);
  }

  /** A string resource the code names: a redirect passed through fields and getters may be one of them. */
  private readStringReference(i: number): void {
    if (this.stringRefs.length >= MAX_STRING_REFERENCES) return;
    const { tokens } = this.cursor;
    this.stringRefs.push({ name: tokens[i + 4].text, range: { start: tokens[i].start, end: tokens[i + 4].end } });
  }

  /** `R.raw.name` (or `com.x.R.raw.name`) at `i`. */
  private isRawReference(i: number): boolean {
    const c = this.cursor;
    return c.isPunct(i + 1, '.') && c.isIdent(i + 2, 'raw') && c.isPunct(i + 3, '.') && c.isIdent(i + 4) && !c.isPunct(i - 1, '.');
  }

  /** A `R.raw.x` outside a factory call (a method returning the config id, a field): a use with an unknown factory. */
  private readRawReference(i: number): void {
    const { tokens } = this.cursor;
    const range = { start: tokens[i].start, end: tokens[i + 4].end };
    if (this.refs.some((r) => r.range.start === range.start)) return;
    if (!this.parsed.text.includes('identity.client') && !this.parsed.text.includes('PublicClientApplication')) return;
    this.refs.push({ resource: tokens[i + 4].text, factory: 'reference', range });
  }

  /** `PublicClientApplication.<factory>(context, …)`, `factory` at `f`. */
  private readMsalFactory(f: number): void {
    const c = this.cursor;
    const { tokens } = c;
    if (!c.isPunct(f + 1, '(')) return;
    const args = c.args(f + 1);
    if (!args || args.length < 2) return;
    const [second] = args.slice(1);
    if (c.isIdent(second[0], 'R') && this.isRawReference(second[0]) && second[1] === second[0] + 5) {
      const range = { start: tokens[second[0]].start, end: tokens[second[0] + 4].end };
      this.refs.push({ resource: tokens[second[0] + 4].text, factory: tokens[f].text, range });
      return;
    }
    // create(context, clientId, authority, redirectUri, listener); native auth: (context, clientId, authority, redirectUri, challengeTypes).
    const factory = tokens[f].text;
    if ((factory !== 'create' && factory !== 'createNativeAuthPublicClientApplication') || args.length < 4) return;
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-android',
      platform: 'android',
      redirectUris: [],
      range: { start: tokens[f].start, end: tokens[f].end },
    };
    const clientId = this.value(args[1]);
    // A string resource's id is in res/values, not here.
    if (clientId && !resourceNames(clientId.value).length) config.clientId = located(clientId);
    const authority = this.value(args[2]);
    if (authority && !authority.partial) config.authority = located(authority);
    for (const redirect of this.allValues(args[3])) config.redirectUris.push(this.redirect(redirect));
    // The values merge over msal_default_config.json: the broker stays on, the agent is DEFAULT.
    const kind = authority && !authority.partial ? parseAuthority(authority.value)?.kind : undefined;
    config.userAgent = androidUserAgent(undefined, undefined, kind === undefined || kind === 'entra');
    this.parsed.configs.push(config);
  }

  /** `AuthorizationServiceConfiguration(authUri, tokenUri)` or `.fetchFromIssuer(uri, …)` / `.fetchFromUrl(uri, …)`. */
  private readServiceConfiguration(i: number): ServiceConfiguration | undefined {
    const c = this.cursor;
    let open = i + 1;
    if (c.isPunct(i + 1, '.') && APPAUTH_CONFIG_FACTORIES.has(c.tokens[i + 2]?.text ?? '')) open = i + 3;
    if (!c.isPunct(open, '(')) return undefined;
    const args = c.args(open);
    if (!args?.length) return undefined;
    const authority = this.value(args[0]);
    // `val config = AuthorizationServiceConfiguration(…)` / `config = new …`: the name builders pass.
    let before = i - 1;
    if (c.isIdent(before, 'new')) before--;
    const variable = c.isPunct(before, '=') && c.isIdent(before - 1) ? c.tokens[before - 1].text : undefined;
    return { authority, variable, at: i };
  }

  /** `AuthorizationRequest.Builder(config, clientId, responseType, redirectUri)`. */
  private readAppAuthRequest(i: number, services: ServiceConfiguration[]): void {
    const c = this.cursor;
    const args = c.args(i + 3);
    if (!args || args.length < 4) return;
    const config: AuthConfig = {
      kind: 'config',
      library: 'appauth-android',
      platform: 'android',
      redirectUris: [],
      userAgent: defaultUserAgent('appauth-android'),
      range: spanOf(c.tokens, i, i + 3),
    };
    const clientId = this.value(args[1]);
    // A string resource's id is in res/values, not here.
    if (clientId && !resourceNames(clientId.value).length) config.clientId = located(clientId);
    const authority = this.serviceAuthority(args[0], services, i);
    if (authority) config.authority = located(authority);
    // Every alternative (`if (debug) a else b` aside, `a ?: b`, `c ? a : b`) is a redirect the app may send.
    for (const redirect of this.allValues(args[3])) config.redirectUris.push(this.redirect(redirect));
    this.parsed.configs.push(config);
  }

  /**
   * The host a builder's service configuration signs in with: the configuration it names, else the only
   * provider the file's configurations (or, failing those, its Entra endpoint literals) point at.
   */
  private serviceAuthority([start, end]: [number, number], services: ServiceConfiguration[], at: number): CodeValue | undefined {
    const c = this.cursor;
    const name = end === start + 1 && c.isIdent(start) ? c.tokens[start].text : undefined;
    const named = name ? services.filter((s) => s.variable === name) : [];
    // The assignment nearest before the builder, else the first one (a field initialised further down).
    if (named.length) return (named.filter((s) => s.at < at).pop() ?? named[0]).authority;
    if (c.isIdent(start, 'AuthorizationServiceConfiguration')) return this.readServiceConfiguration(start)?.authority;
    const known = services.map((s) => s.authority).filter((a): a is CodeValue => a !== undefined && !a.partial);
    const kinds = new Set(known.map((a) => parseAuthority(a.value)?.kind ?? 'other'));
    if (known.length && kinds.size === 1) return known[0];
    if (known.length || services.length) return undefined;
    return this.onlyEntraEndpoint();
  }

  /** The file's Entra endpoint literal when it names no other identity provider's endpoint. */
  private onlyEntraEndpoint(): CodeValue | undefined {
    let entra: CodeValue | undefined;
    const { tokens } = this.cursor;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'string' || !/^["']+https:\/\//.test(tokens[i].text)) continue;
      const value = this.values.value(i, i + 1);
      const info = value && parseAuthority(value.value);
      if (!value || !info) continue;
      if (info.kind === 'other') {
        if (/\/(authorize|token|oauth2?)\b|openid-configuration/i.test(value.value)) return undefined;
        continue;
      }
      entra ??= value;
    }
    return entra;
  }

  private value([start, end]: [number, number]): CodeValue | undefined {
    return this.values.value(start, end);
  }

  private allValues([start, end]: [number, number]): CodeValue[] {
    return this.values.values(start, end);
  }

  private redirect(value: CodeValue): RedirectUri {
    return redirectUri(value.value, value.range, 'android', 'redirect', { partial: value.partial });
  }
}

function located(value: CodeValue): Located<string> {
  return { value: value.value, range: value.range };
}
