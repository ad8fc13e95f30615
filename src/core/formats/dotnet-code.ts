import type { AuthConfig, Located, ParsedFile, Platform, Range, RedirectUri, UserAgent } from '../model';
import { defaultUserAgent } from '../entra/libraries';
import { NATIVE_CLIENT_URI } from '../entra/uri';
import { tokenizeCSharp, type CsToken } from '../lexing/languages/csharp';
import {
  CsFileSymbols,
  csharpFileScope,
  exportNames,
  expressionOf,
  inlineNames,
  ValueEvaluator,
  type NameExpr,
  type Scope,
  type TokenSyntax,
  type Value,
  type ValueExpr,
} from '../values';
import type { ExportedSymbol, PendingValue } from '../model';
import { emptyParsed, MAX_PROBLEMS, defineFormat, SLASH_COMMENTS } from './types';
import { readIntentFilterReceivers } from './dotnet-intent-filters';
import { readWebAuthenticatorCalls } from './dotnet-web-authenticator';
import type { CsCodeReader } from './dotnet-reader';

// MSAL.NET builder chains in C#: PublicClientApplicationBuilder / ConfidentialClientApplicationBuilder
// `.Create(id).WithRedirectUri(...).WithBroker()...`, read from tokens (never from a regex over the file),
// with `#if __ANDROID__` / `#elif __IOS__` / `#else` branches giving each redirect its platform.

const BUILDERS: Record<string, Platform> = { PublicClientApplicationBuilder: 'publicClient', ConfidentialClientApplicationBuilder: 'web' };
const OPTIONS: Record<string, Platform> = { PublicClientApplicationOptions: 'publicClient', ConfidentialClientApplicationOptions: 'web' };
const BROKER_METHOD = /^With(Windows|Mac|Linux)?Broker(Preview)?$/;
const EMBEDDED_METHOD = /^With(Use)?EmbeddedWebView$/;
/** Text that makes a `.cs` file worth reading (see the format's sniff). */
const CSHARP_MARKERS = /ClientApplicationBuilder|Redirect(Uri|Url)|\bClientId\b|IntentFilter|WebAuthenticator|msal[0-9a-f{]|msauth/i;

/** How C# writes a hole: unknown parts of a partial value show as `{expression}`. */
const CSHARP_SYNTAX: TokenSyntax = { display: (source) => `{${source}}`, transparentConstructors: new Set(['Uri']) };
/** Names looked up by one scan of the tokens each before every identifier is indexed at once. */
const MAX_SINGLE_NAME_SCANS = 8;

export const dotnetCodeFormat = defineFormat({
  id: 'dotnet-code',
  title: 'MSAL.NET code',
  files: '`*.cs` using `PublicClientApplicationBuilder`, or holding a redirect URI, a client id or an `[IntentFilter]`',
  reads:
    '`.WithRedirectUri(…)` incl. `$"msal{ClientId}://auth"`, `.WithBroker`, `.WithUseEmbeddedWebView`, `.WithAuthority`, `#if __IOS__` / `__ANDROID__` branches and `Platforms/<platform>/` folders; values through locals, `??` / `?:`, fields and properties assigned elsewhere (`PlatformConfig.Instance.RedirectUri = …`), constants of other files, and builders passed to per-platform methods; `[IntentFilter(DataScheme = …, DataHost = …)]` receivers on `BrowserTabActivity` and `WebAuthenticatorCallbackActivity` subclasses',
  globs: ['**/*.cs'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['csharp'],
  untitled: [{ languageId: 'csharp', name: 'Program.cs', hint: /ClientApplicationBuilder|AddMicrosoftIdentityWeb|WithRedirectUri/ }],
  facts: { provides: ['dotnet-sign-in'], reads: ['ios-url-schemes', 'android-intent-filters', 'dotnet-sign-in'] },
  byName: (path) => (/\.cs$/i.test(path) ? 'sniff' : 'no'),
  // Also files that only hold what a builder elsewhere uses: a redirect constant or assignment
  // (`PlatformConfig.Instance.RedirectUri = …`), an `[IntentFilter]` receiver, a WebAuthenticator call.
  sniff: (text) => CSHARP_MARKERS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'dotnet-code', text);
    const { tokens, comments, problems } = tokenizeCSharp(text);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    new ChainReader(text, tokens, parsed, platformOfPath(path)).read();
    return parsed;
  },
});

class ChainReader implements CsCodeReader {
  /** The `#if` platform in force at each token (undefined outside platform branches). */
  private readonly platforms: BranchPlatforms;
  /** Locals, members and assignments of the file, and its types and method bodies. */
  private readonly symbols: CsFileSymbols;
  private readonly scope: Scope;
  /** The shared evaluator over the file's scope (../values). */
  private readonly evaluator: ValueEvaluator;
  /** Values that depend on names of other files, for the engine's link (by config until configs are sorted). */
  private readonly pending: (Omit<PendingValue, 'config'> & { owner: AuthConfig })[] = [];
  private readonly walked = new Set<number>();
  /** Identifier token indexes per name: filled name by name, or all at once once many names are asked for. */
  private readonly identifierIndex = new Map<string, number[]>();
  private identifierIndexComplete = false;
  private readonly usesOptions = new Set<AuthConfig>();
  /** `.WithBroker(…)` and `.WithUseEmbeddedWebView(…)` of each chain, turned into its user agent at the end. */
  private readonly userAgentChoices = new Map<AuthConfig, UserAgentChoices>();

  constructor(
    /** The file's text: a name or marker absent from it needs no pass over the tokens. */
    readonly text: string,
    readonly tokens: CsToken[],
    private readonly parsed: ParsedFile,
    /** The platform a MAUI/Xamarin platform folder gives the file (`Platforms/iOS/`, `App.Android/`). */
    private readonly filePlatform: Platform | undefined,
  ) {
    this.platforms = branchPlatforms(text, tokens);
    this.symbols = new CsFileSymbols(tokens, (i) => this.platforms.at(i) ?? filePlatform);
    this.scope = csharpFileScope(this.symbols, (d) => expressionOf(d.value, CSHARP_SYNTAX));
    this.evaluator = new ValueEvaluator(this.scope);
  }

  read(): void {
    const { tokens } = this;
    const options = this.readOptionsInitializers();
    for (const i of this.builderOccurrences()) {
      if (!this.isPunct(i + 1, '.')) continue;
      const basePlatform = BUILDERS[tokens[i].text];
      const config: AuthConfig = {
        kind: 'config',
        library: 'msal-dotnet',
        platform: basePlatform,
        redirectUris: [],
        range: { start: tokens[i].start, end: tokens[i].end },
      };
      this.walkChain(i + 1, config);
      // `builder = builder.WithBroker()` later in the file continues the same chain.
      const variable = this.assignedVariable(i);
      // ... up to the next builder of the file, which starts a new chain.
      const nextBuilder = this.nextBuilderAfter(i);
      for (const j of variable ? this.occurrences(variable) : []) {
        if (j >= nextBuilder) break;
        if (j > i && this.isPunct(j + 1, '.') && !this.walked.has(j + 1)) this.walkChain(j + 1, config);
        // `builder = AddPlatformConfiguration(builder);`: a method (per platform) configures the builder further.
        const method = this.tokens[j - 2];
        if (j > i && this.isPunct(j - 1, '(') && method?.kind === 'identifier' && (this.isPunct(j + 1, ')') || this.isPunct(j + 1, ','))) {
          config.builderPassedTo ??= [];
          if (!config.builderPassedTo.includes(method.text)) config.builderPassedTo.push(method.text);
        }
      }
      const merged = this.usesOptions.has(config) ? nearestBefore(options, config.range.start) : undefined;
      if (merged) {
        mergeOptions(config, merged);
        options.splice(options.indexOf(merged), 1);
      }
      this.parsed.configs.push(config);
    }
    this.parsed.configs.push(...options, ...this.readBuilderParameters());
    this.parsed.configs.sort((a, b) => a.range.start - b.range.start);
    this.applyEmbeddedWebView();
    for (const config of this.parsed.configs) config.userAgent = dotnetUserAgentOf(this.userAgentChoices.get(config) ?? {});
    // `[IntentFilter]` receivers (an MsalActivity's agent is the one of the app's builders, see
    // rules/shared/dotnet-app.ts) and WebAuthenticator requests (always a system browser) choose their own.
    const others = [...readIntentFilterReceivers(this), ...readWebAuthenticatorCalls(this)];
    if (others.length) {
      this.parsed.configs.push(...others);
      this.parsed.configs.sort((a, b) => a.range.start - b.range.start);
    }
    this.writeSymbols();
  }

  /**
   * `AddPlatformConfiguration(PublicClientApplicationBuilder builder) { builder.WithRedirectUri(…) }`: what
   * a method does to a builder it receives is a config of its own, which the engine completes from the
   * config that passes the builder (MAUI partial methods, one file per platform).
   */
  private readBuilderParameters(): AuthConfig[] {
    const { tokens } = this;
    const configs: AuthConfig[] = [];
    for (const name of Object.keys(BUILDERS)) {
      for (const i of this.occurrences(name)) {
        const parameter = tokens[i + 1];
        if (parameter?.kind !== 'identifier' || !(this.isPunct(i + 2, ')') || this.isPunct(i + 2, ','))) continue;
        const open = this.enclosingParen(i);
        const method = tokens[open - 1];
        if (open < 1 || method?.kind !== 'identifier') continue;
        const close = this.matchingParen(open);
        let body = close + 1;
        while (body < tokens.length && !this.isPunct(body, '{') && !this.isPunct(body, ';') && !this.isPunct(body, '=')) body++;
        if (!this.isPunct(body, '{')) continue; // a declaration without a body (the other part of a partial method)
        const end = this.matchingParen(body);
        const config: AuthConfig = {
          kind: 'config',
          library: 'msal-dotnet',
          platform: BUILDERS[name],
          redirectUris: [],
          range: { start: parameter.start, end: parameter.end },
          builderParameterOf: method.text,
        };
        for (const j of this.occurrences(parameter.text)) {
          if (j > body && j < end && this.isPunct(j + 1, '.') && !this.walked.has(j + 1)) this.walkChain(j + 1, config);
        }
        configs.push(config);
      }
    }
    return configs;
  }

  /** Index of the `(` whose parentheses hold token `i` (-1 when none). */
  private enclosingParen(i: number): number {
    let depth = 0;
    for (let k = i - 1; k >= 0; k--) {
      const t = this.tokens[k];
      if (t.kind !== 'punct') continue;
      if (t.text === ')') depth++;
      else if (t.text === '(') {
        if (depth === 0) return k;
        depth--;
      } else if ((t.text === ';' || t.text === '{' || t.text === '}') && depth === 0) return -1;
    }
    return -1;
  }

  /** Values that need other files become pending; the file's members and assignments are exported. */
  private writeSymbols(): void {
    const pending: PendingValue[] = [];
    for (const { owner, ...rest } of this.pending) {
      const config = this.parsed.configs.indexOf(owner);
      if (config >= 0) pending.push({ config, ...rest });
    }
    const exports: ExportedSymbol[] = [];
    for (const d of this.symbols.declarations) {
      const names = exportNames(d);
      // Only values that may be strings: a literal, a name or a path, an interpolation, a concatenation.
      if (!names.length || !d.value.some((t) => t.kind === 'string' || t.kind === 'identifier')) continue;
      const { expr } = inlineNames(expressionOf(d.value, CSHARP_SYNTAX), this.scope, (n) => this.qualify(n));
      exports.push({ names, expr, range: d.range, ...(d.platform ? { platform: d.platform } : {}) });
    }
    if (pending.length || exports.length) this.parsed.symbols = { language: 'csharp', exports, pending };
  }

  /** The name other files export for an unresolved name: a bare name inside a type is a member of that type. */
  private qualify(name: NameExpr): string[] {
    const path = name.path[0] === 'this' ? name.path.slice(1) : name.path;
    const type = this.symbols.typeAt(name.range.start);
    return path.length === 1 && type ? [type, path[0]] : path;
  }

  /** When `expression` names something the file does not declare, the engine links it from other files. */
  private notePending(owner: AuthConfig, field: PendingValue['field'], expression: CsToken[], platform?: Platform): void {
    if (!expression.length) return;
    const { expr, unresolved } = inlineNames(expressionOf(expression, CSHARP_SYNTAX), this.scope, (n) => this.qualify(n));
    if (!unresolved.length) return;
    this.pending.push({ owner, field, expr, range: span(expression), ...(platform ? { platform } : {}) });
  }

  /** An `[IntentFilter]` value needing other files: linked like a builder's (see notePending). */
  notePendingExpr(owner: AuthConfig, field: PendingValue['field'], expression: ValueExpr, range: Range, platform: Platform): void {
    const { expr, unresolved } = inlineNames(expression, this.scope, (n) => this.qualify(n));
    if (unresolved.length) this.pending.push({ owner, field, expr, range, platform });
  }

  platformAt(i: number): Platform | undefined {
    return this.platforms.at(i) ?? this.filePlatform;
  }

  expression(tokens: CsToken[]): ValueExpr {
    return expressionOf(tokens, CSHARP_SYNTAX);
  }

  values(expr: ValueExpr): Value[] {
    return this.evaluator.values(expr);
  }

  /** `new PublicClientApplicationOptions { ClientId = …, RedirectUri = … }`: a config of its own until a builder uses it. */
  private readOptionsInitializers(): AuthConfig[] {
    const configs: AuthConfig[] = [];
    for (const name of Object.keys(OPTIONS)) {
      for (const i of this.occurrences(name)) {
        if (this.tokens[i - 1]?.text !== 'new') continue;
        let open = i + 1;
        if (this.isPunct(open, '(') && this.isPunct(open + 1, ')')) open += 2;
        if (!this.isPunct(open, '{')) continue;
        const close = this.matchingParen(open);
        const config: AuthConfig = {
          kind: 'config',
          library: 'msal-dotnet',
          platform: OPTIONS[name],
          redirectUris: [],
          range: { start: this.tokens[i - 1].start, end: this.tokens[close].end },
        };
        for (const member of this.splitArguments(open + 1, close)) {
          if (member[0]?.kind !== 'identifier' || member[1]?.text !== '=') continue;
          const values = this.evaluate(member.slice(2));
          const known = values.find((v) => !v.partial);
          const located = known ? { value: known.value, range: known.range } : undefined;
          const key = member[0].text;
          if (key === 'RedirectUri') {
            const platform = this.platforms.at(i) ?? this.filePlatform ?? config.platform;
            for (const v of values) this.addRedirect(config, v.value, v.range, v.platform ?? platform, { partial: v.partial, evidence: v.evidence });
            this.notePending(config, 'redirectUri', member.slice(2), platform);
          } else if (key === 'ClientId') {
            config.clientId = located;
            this.notePending(config, 'clientId', member.slice(2));
          } else if (key === 'TenantId') config.tenant = located;
          else if (key === 'Instance') config.instance = located;
          else if (key === 'ClientSecret' && known?.value) config.clientSecret = located;
        }
        configs.push(config);
      }
    }
    return configs;
  }

  /** Indexes of the builder names' identifiers, in file order (the names' lists merged). */
  private builderOccurrences(): number[] {
    const lists = Object.keys(BUILDERS).map((name) => this.occurrences(name));
    const nonEmpty = lists.filter((list) => list.length);
    return nonEmpty.length === 1 ? nonEmpty[0] : lists.flat().sort((a, b) => a - b);
  }

  private nextBuilderAfter(i: number): number {
    let next = this.tokens.length;
    for (const name of Object.keys(BUILDERS)) {
      const later = this.occurrences(name).find((k) => k > i); // occurrences are in file order
      if (later !== undefined && later < next) next = later;
    }
    return next;
  }

  /** Indexes of the identifier tokens named `name`, in file order. */
  private occurrences(name: string): number[] {
    const known = this.identifierIndex.get(name);
    if (known || this.identifierIndexComplete) return known ?? [];
    const { tokens } = this;
    // A few names (the builders, the options, a variable or two) are asked for in a typical file: one
    // scan each is cheaper than indexing every identifier. Many names (many chains) index them all.
    if (this.identifierIndex.size < MAX_SINGLE_NAME_SCANS) {
      const list: number[] = [];
      // An identifier's text is in the file's text (`@name` too): a name the text lacks needs no scan.
      if (this.text.includes(name)) for (let k = 0; k < tokens.length; k++) if (tokens[k].kind === 'identifier' && tokens[k].text === name) list.push(k);
      this.identifierIndex.set(name, list);
      return list;
    }
    this.identifierIndex.clear();
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.kind !== 'identifier') continue;
      const list = this.identifierIndex.get(t.text);
      if (list) list.push(k);
      else this.identifierIndex.set(t.text, [k]);
    }
    this.identifierIndexComplete = true;
    return this.identifierIndex.get(name) ?? [];
  }

  private readonly redirectKeys = new WeakMap<AuthConfig, Set<string>>();

  private isPunct(i: number, text: string): boolean {
    return this.tokens[i]?.kind === 'punct' && this.tokens[i].text === text;
  }

  /** `var app = Builder...` / `app = Builder...` / `IPublicClientApplication app = Builder...`: the variable name. */
  private assignedVariable(builderIndex: number): string | undefined {
    const equals = this.tokens[builderIndex - 1];
    const name = this.tokens[builderIndex - 2];
    if (equals?.text !== '=' || name?.kind !== 'identifier') return undefined;
    return name.text;
  }

  /** Walks `.Method(args)` calls from `i` (a `.`), skipping preprocessor lines between them. */
  private walkChain(i: number, config: AuthConfig): void {
    const { tokens } = this;
    let p = i;
    for (;;) {
      while (tokens[p]?.kind === 'directive') p++;
      if (!this.isPunct(p, '.') || tokens[p + 1]?.kind !== 'identifier' || !this.isPunct(p + 2, '(')) break;
      this.walked.add(p);
      const close = this.matchingParen(p + 2);
      this.applyCall(tokens[p + 1], this.splitArguments(p + 3, close), config, this.platforms.at(p + 1));
      config.range.end = Math.max(config.range.end, tokens[Math.min(close, tokens.length - 1)].end);
      p = close + 1;
    }
  }

  /** Index of the `)` closing the `(` at `open` (or the last token when it is missing). */
  matchingParen(open: number): number {
    let depth = 0;
    for (let k = open; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        depth--;
        if (depth === 0) return k;
      } else if (t.text === ';' && depth <= 1) return k;
    }
    return this.tokens.length - 1;
  }

  splitArguments(from: number, to: number): CsToken[][] {
    const args: CsToken[][] = [];
    let current: CsToken[] = [];
    let depth = 0;
    for (let k = from; k < to; k++) {
      const t = this.tokens[k];
      if (t.kind === 'directive') continue;
      if (t.kind === 'punct' && '([{'.includes(t.text)) depth++;
      if (t.kind === 'punct' && ')]}'.includes(t.text)) depth--;
      if (t.kind === 'punct' && t.text === ',' && depth === 0) {
        args.push(current);
        current = [];
        continue;
      }
      current.push(t);
    }
    if (current.length) args.push(current);
    return args;
  }

  private applyCall(method: CsToken, args: CsToken[][], config: AuthConfig, callPlatform: Platform | undefined): void {
    const name = method.text;
    const first = args[0] ?? [];
    if (name === 'CreateWithApplicationOptions') {
      this.usesOptions.add(config);
    } else if (name === 'Create') {
      const id = this.evaluate(first).find((v) => !v.partial);
      if (id) config.clientId = { value: id.value, range: id.range };
      this.notePending(config, 'clientId', first);
    } else if (name === 'WithRedirectUri') {
      const platform = callPlatform ?? this.filePlatform ?? config.platform;
      for (const v of this.evaluate(first)) this.addRedirect(config, v.value, v.range, v.platform ?? platform, { partial: v.partial, evidence: v.evidence });
      this.notePending(config, 'redirectUri', first, platform);
    } else if (name === 'WithDefaultRedirectUri') {
      this.addRedirect(config, NATIVE_CLIENT_URI, { start: method.start, end: method.end }, callPlatform ?? config.platform, {
        implied: true,
        raw: `${name}()`,
      });
    } else if (BROKER_METHOD.test(name)) {
      const literalFalse = first.length === 1 && first[0].text === 'false';
      const choices = this.choicesOf(config);
      choices.broker = { value: !literalFalse, range: first.length ? span(first) : { start: method.start, end: method.end } };
      // Desktop: WithBroker(BrokerOptions) or With{Windows,Mac,Linux}Broker() turn on WAM and its siblings.
      choices.desktopBroker = name !== 'WithBroker' || first.some((t) => t.text === 'BrokerOptions');
    } else if (EMBEDDED_METHOD.test(name)) {
      const flag = booleanArgument(first);
      const choices = this.choicesOf(config);
      // In an `#if IOS` branch (MSAL.NET's MAUI test apps), only that platform signs in embedded.
      if (flag && (callPlatform === 'ios' || callPlatform === 'android')) (choices.embeddedOn ??= {})[callPlatform] = flag;
      else if (flag) choices.embedded = flag;
    } else if (name === 'WithAuthority' || name === 'WithB2CAuthority' || name === 'WithAdfsAuthority' || name === 'WithOidcAuthority') {
      this.applyAuthority(args, config);
    } else if (name === 'WithTenantId') {
      const tenant = this.evaluate(first).find((v) => !v.partial);
      if (tenant) config.tenant = { value: tenant.value, range: tenant.range };
    } else if (name === 'WithClientSecret') {
      const secret = this.evaluate(first).find((v) => !v.partial && v.value);
      if (secret) config.clientSecret = { value: secret.value, range: secret.range };
    }
  }

  /** `WithAuthority("https://…")`, `WithAuthority(AzureCloudInstance.AzurePublic, "tenant")`, `WithAuthority(instance, tenant)`. */
  private applyAuthority(args: CsToken[][], config: AuthConfig): void {
    const known = args.map((a) => this.evaluate(a).find((v) => !v.partial));
    const [first, second] = known;
    if (args.length === 1) this.notePending(config, 'authority', args[0]);
    if (first && /^https?:\/\//i.test(first.value)) {
      if (second) {
        config.instance = { value: first.value, range: first.range };
        config.tenant = { value: second.value, range: second.range };
      } else config.authority = { value: first.value, range: first.range };
    } else if (!first && second) {
      config.tenant = { value: second.value, range: second.range };
    }
  }

  private addRedirect(config: AuthConfig, value: string, range: Range, platform: Platform, extra: Partial<RedirectUri>): void {
    // A set per config, not a scan of its list: a 100,000-call builder chain stays linear.
    let seen = this.redirectKeys.get(config);
    if (!seen) this.redirectKeys.set(config, (seen = new Set()));
    const key = `${range.start}\u0000${platform}`;
    if (seen.has(key)) return;
    seen.add(key);
    config.redirectUris.push({ value, range, platform, role: 'redirect', ...stripUndefined(extra) });
  }

  /** `.WithUseEmbeddedWebView(true)` sits on the AcquireTokenInteractive chain, anywhere in the file. */
  private applyEmbeddedWebView(): void {
    const { tokens } = this;
    if (!this.text.includes('EmbeddedWebView')) return; // no such call (EMBEDDED_METHOD) in the file
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'identifier' || !this.isPunct(i + 1, '(') || !this.isPunct(i - 1, '.') || !EMBEDDED_METHOD.test(tokens[i].text)) continue;
      const flag = booleanArgument(this.splitArguments(i + 2, this.matchingParen(i + 1))[0] ?? []);
      if (!flag) continue;
      const branch = this.platforms.at(i);
      for (const config of this.parsed.configs) {
        const choices = this.choicesOf(config);
        if (branch === 'ios' || branch === 'android') (choices.embeddedOn ??= {})[branch] ??= flag;
        else choices.embedded ??= flag;
      }
    }
  }

  private choicesOf(config: AuthConfig): UserAgentChoices {
    let choices = this.userAgentChoices.get(config);
    if (!choices) this.userAgentChoices.set(config, (choices = {}));
    return choices;
  }

  /** Every static value of an expression (see ../values): strings, interpolation, constants, `+`, `??`, `?:`. */
  private evaluate(expression: CsToken[]): Value[] {
    return expression.length ? this.evaluator.values(expressionOf(expression, CSHARP_SYNTAX)) : [];
  }
}

interface UserAgentChoices {
  broker?: Located<boolean>;
  desktopBroker?: boolean;
  embedded?: Located<boolean>;
  /** `WithUseEmbeddedWebView` written in a platform's `#if` branch. */
  embeddedOn?: Partial<Record<'ios' | 'android', Located<boolean>>>;
}

/** The app's agent, and each platform's own where an `#if` branch chooses the embedded web view for it alone. */
function dotnetUserAgentOf(choices: UserAgentChoices): UserAgent {
  const agent = dotnetUserAgent(choices);
  if (!choices.embeddedOn || choices.embedded?.value) return agent;
  const platforms: NonNullable<UserAgent['platforms']> = {};
  for (const platform of ['ios', 'android'] as const) {
    const embedded = choices.embeddedOn[platform];
    if (embedded?.value) platforms[platform] = dotnetUserAgent({ ...choices, embedded });
  }
  return Object.keys(platforms).length ? { ...agent, platforms } : agent;
}

/**
 * MSAL.NET on Android and iOS signs in through the system browser unless the chain enables the broker
 * (then the browser, or the embedded view, is the fallback) or asks for the embedded web view.
 */
function dotnetUserAgent({ broker, desktopBroker, embedded }: UserAgentChoices): UserAgent {
  const web = embedded?.value ? 'an embedded web view (WithUseEmbeddedWebView)' : 'the system browser';
  if (broker?.value && desktopBroker)
    return { kind: 'broker', range: broker.range, description: 'the operating system broker (WAM on Windows, WithBroker(BrokerOptions))' };
  if (broker?.value) {
    return {
      kind: 'broker',
      fallback: embedded?.value ? 'embedded' : 'system-browser',
      range: broker.range,
      description: `the broker (WithBroker) when it is installed, otherwise ${web}`,
    };
  }
  if (embedded?.value) return { kind: 'embedded', range: embedded.range, description: web };
  return { ...defaultUserAgent('msal-dotnet'), range: broker?.range ?? embedded?.range };
}

function nearestBefore(configs: AuthConfig[], offset: number): AuthConfig | undefined {
  const before = configs.filter((c) => c.range.start < offset);
  return before.length ? before.reduce((a, b) => (b.range.start > a.range.start ? b : a)) : configs[0];
}

/** A builder created from an options object: what the options say, unless the chain overrides it. */
function mergeOptions(config: AuthConfig, options: AuthConfig): void {
  config.clientId ??= options.clientId;
  config.tenant ??= options.tenant;
  config.instance ??= options.instance;
  config.clientSecret ??= options.clientSecret;
  config.redirectUris.unshift(...options.redirectUris.filter((u) => !config.redirectUris.some((c) => c.range.start === u.range.start)));
  config.range = { start: Math.min(config.range.start, options.range.start), end: Math.max(config.range.end, options.range.end) };
}

function span(tokens: CsToken[]): Range {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

function booleanArgument(arg: CsToken[]): Located<boolean> | undefined {
  if (arg.length !== 1 || (arg[0].text !== 'true' && arg[0].text !== 'false')) return undefined;
  return { value: arg[0].text === 'true', range: span(arg) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Platform named by a preprocessor condition, when it names exactly one (`!__ANDROID__` names none). */
function conditionPlatform(condition: string): Platform | undefined {
  if (condition.includes('!')) return undefined;
  const android = /\b(__ANDROID__|ANDROID)\b/.test(condition);
  const ios = /\b(__IOS__|IOS|__MACCATALYST__|MACCATALYST|__MACOS__)\b/.test(condition);
  if (android === ios) return undefined;
  return android ? 'android' : 'ios';
}

/** The platform in force at each token, stored only where it changes (most files have no `#if` at all). */
class BranchPlatforms {
  /** Token indexes where the platform changes, ascending, and the platform from each of them on. */
  private readonly starts: number[] = [];
  private readonly values: (Platform | undefined)[] = [];

  set(index: number, platform: Platform | undefined): void {
    const current = this.values.length ? this.values[this.values.length - 1] : undefined;
    if (platform === current) return;
    this.starts.push(index);
    this.values.push(platform);
  }

  at(index: number): Platform | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle] <= index) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found >= 0 ? this.values[found] : undefined;
  }
}

/**
 * The platform of the `#if` branch in force at each token, with an explicit stack (no recursion):
 * `#if __ANDROID__` → android, `#elif __IOS__` → ios, and the `#else` of such a chain → publicClient
 * (the desktop build). Branches on other symbols (DEBUG) keep the platform around them.
 */
function branchPlatforms(text: string, tokens: CsToken[]): BranchPlatforms {
  // Each frame keeps the platform in force inside it (its own, else its parent's), so lookups are O(1).
  const stack: { platform?: Platform; effective?: Platform; namesPlatform: boolean }[] = [];
  const parentEffective = () => (stack.length > 1 ? stack[stack.length - 2].effective : undefined);
  const result = new BranchPlatforms();
  if (!text.includes('#')) return result; // no directive, so no token to look at
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind === 'directive') {
      // trimEnd: a CRLF file's directive ends with \r, which `.` does not match.
      const [, keyword = '', condition = ''] = /^#\s*(\w+)\s*(.*)$/.exec(token.text.trimEnd()) ?? [];
      if (keyword === 'if') {
        const platform = conditionPlatform(condition);
        stack.push({ platform, namesPlatform: platform !== undefined });
      } else if (keyword === 'elif' && stack.length) {
        const top = stack[stack.length - 1];
        top.platform = conditionPlatform(condition);
        top.namesPlatform ||= top.platform !== undefined;
      } else if (keyword === 'else' && stack.length) {
        const top = stack[stack.length - 1];
        top.platform = top.namesPlatform ? 'publicClient' : undefined;
      } else if (keyword === 'endif') stack.pop();
      if (stack.length) stack[stack.length - 1].effective = stack[stack.length - 1].platform ?? parentEffective();
      // Only a directive changes the platform; the directive's own token already takes the new one.
      result.set(index, stack.length ? stack[stack.length - 1].effective : undefined);
    }
  }
  return result;
}

/**
 * The platform a MAUI or Xamarin project folder gives its files: `Platforms/Android/`, `Platforms/iOS/`,
 * `Platforms/MacCatalyst/`, `Platforms/Windows/`, or a Xamarin head project (`App.Android/`, `App.Droid/`,
 * `App.iOS/`, `App.UWP/`).
 */
export function platformOfPath(path: string): Platform | undefined {
  const p = path.replace(/\\/g, '/');
  const folder = /\/Platforms\/(Android|iOS|MacCatalyst|Windows|Tizen)\//i.exec(p)?.[1]?.toLowerCase();
  if (folder === 'android') return 'android';
  if (folder === 'ios' || folder === 'maccatalyst') return 'ios';
  if (folder === 'windows') return 'publicClient';
  const head = /(?:^|\/)[^/]*\.(Android|Droid|iOS|UWP|WinUI)\//i.exec(p)?.[1]?.toLowerCase();
  if (head === 'android' || head === 'droid') return 'android';
  if (head === 'ios') return 'ios';
  if (head === 'uwp' || head === 'winui') return 'publicClient';
  return undefined;
}
