import type { AuthConfig, Library, RedirectUri } from '../model';
import type { CsToken } from '../lexing/languages/csharp';
import { stringLiteral, type ValueExpr } from '../values';
import { indexOfToken, type CsCodeReader } from './dotnet-reader';
import { defaultUserAgent } from '../entra/libraries';
import { redirectUri } from './config-util';

// The Android receivers a .NET app declares in C#: `[IntentFilter(…, DataScheme = …, DataHost = "auth")]`
// on a class deriving from MSAL.NET's `BrowserTabActivity` (the MAUI/Xamarin `MsalActivity`) or from MAUI
// Essentials' `WebAuthenticatorCallbackActivity`. The build turns these attributes into the
// AndroidManifest.xml intent filters, so they are modelled the way that format models its receivers:
// one config per receiving class, `receiver: true`, each scheme rebuilt as `scheme://host/path` with the
// range of the DataScheme value. Values go through the file's scope and, when they name constants of
// other files (`DataScheme = Constants.Scheme`), through the engine's cross-file link.

/** Base classes whose browsable filters receive a sign-in redirect, and the library that sends it. */
const RECEIVER_BASES: Record<string, Library> = { BrowserTabActivity: 'msal-dotnet', WebAuthenticatorCallbackActivity: 'maui-webauthenticator' };
const INTENT_FILTER = /^IntentFilter(Attribute)?$/;
const MODIFIERS = new Set(['public', 'internal', 'private', 'protected', 'sealed', 'partial', 'abstract', 'static', 'unsafe', 'new', 'file']);
const BROWSABLE = /^(CategoryBrowsable|android\.intent\.category\.BROWSABLE)$/;
/** Receivers per file and schemes × hosts × paths per filter: enough for any real app, bounded for hostile input. */
const MAX_RECEIVERS = 64;
const MAX_DATA = 16;

/** The receiver configs of the file's `[IntentFilter]` attributes on redirect-receiving activities. */
export function readIntentFilterReceivers(reader: CsCodeReader): AuthConfig[] {
  const { tokens } = reader;
  const configs: AuthConfig[] = [];
  // A receiver derives from one of RECEIVER_BASES, whose name is then in the text.
  if (!Object.keys(RECEIVER_BASES).some((base) => reader.text.includes(base))) return configs;
  for (let i = 0; i < tokens.length && configs.length < MAX_RECEIVERS; i++) {
    if (tokens[i].kind !== 'identifier' || tokens[i].text !== 'class') continue;
    const library = receiverLibrary(tokens, i);
    if (!library) continue;
    const className = tokens[i + 1].text;
    const filters = attributesBefore(reader, i).filter((a) => INTENT_FILTER.test(a.name.text));
    const config: AuthConfig = {
      kind: 'config',
      library,
      platform: 'android',
      redirectUris: [],
      receiver: true,
      range: { start: tokens[i + 1].start, end: tokens[i + 1].end },
    };
    // MAUI WebAuthenticator always opens Custom Tabs or the browser; MSAL's agent is the app's code's choice.
    if (library === 'maui-webauthenticator') config.userAgent = defaultUserAgent(library);
    const inClass = (tokens: CsToken[]) => inClassScope(reader, reader.expression(tokens), className);
    for (const filter of filters) readFilter(reader, filter.args, config, inClass);
    if (config.redirectUris.length) configs.push(config);
  }
  return configs;
}

/** `class Name<T> : Base` whose first base (last segment of a dotted name) receives redirects. */
function receiverLibrary(tokens: readonly CsToken[], classIndex: number): Library | undefined {
  if (tokens[classIndex + 1]?.kind !== 'identifier') return undefined;
  let k = classIndex + 2;
  if (isPunct(tokens, k, '<')) {
    while (k < tokens.length && !isPunct(tokens, k, '>') && !isPunct(tokens, k, '{')) k++;
    k++;
  }
  if (!isPunct(tokens, k, ':')) return undefined;
  k++;
  // `global::Microsoft.Maui.Authentication.WebAuthenticatorCallbackActivity`
  if (tokens[k]?.text === 'global' && isPunct(tokens, k + 1, ':') && isPunct(tokens, k + 2, ':')) k += 3;
  let base: string | undefined;
  for (; tokens[k]?.kind === 'identifier'; k += 2) {
    base = tokens[k].text;
    if (!isPunct(tokens, k + 1, '.')) break;
  }
  return base !== undefined && Object.prototype.hasOwnProperty.call(RECEIVER_BASES, base) ? RECEIVER_BASES[base] : undefined;
}

interface Attribute {
  name: CsToken;
  /** Arguments inside its parentheses (none without them). */
  args: CsToken[][];
}

/** The attributes written before a declaration (`[A(…)] [B, C(…)] public sealed class …`), nearest last. */
function attributesBefore(reader: CsCodeReader, classIndex: number): Attribute[] {
  const { tokens } = reader;
  const sections: number[] = [];
  let k = classIndex - 1;
  for (;;) {
    while (k >= 0 && (tokens[k].kind === 'directive' || (tokens[k].kind === 'identifier' && MODIFIERS.has(tokens[k].text)))) k--;
    if (!isPunct(tokens, k, ']')) break;
    const open = openingBracket(tokens, k);
    if (open < 0) break;
    sections.unshift(open);
    k = open - 1;
  }
  const attributes: Attribute[] = [];
  for (const open of sections) {
    const close = reader.matchingParen(open);
    for (const item of reader.splitArguments(open + 1, close)) {
      // `Android.App.IntentFilter(…)`: the name is the identifier before the argument list.
      const paren = item.findIndex((t) => t.kind === 'punct' && t.text === '(');
      const nameAt = (paren < 0 ? item.length : paren) - 1;
      const name = item[nameAt];
      if (name?.kind !== 'identifier') continue;
      const args = paren < 0 ? [] : argumentsOf(reader, item[paren]);
      attributes.push({ name, args });
    }
  }
  return attributes;
}

/** The arguments of the parenthesis token `open` (found again among the reader's tokens by its offset). */
function argumentsOf(reader: CsCodeReader, open: CsToken): CsToken[][] {
  const index = indexOfToken(reader.tokens, open);
  return index < 0 ? [] : reader.splitArguments(index + 1, reader.matchingParen(index));
}

/** Index of the `[` that the `]` at `close` ends, or -1 (unbalanced, or a statement boundary first). */
function openingBracket(tokens: readonly CsToken[], close: number): number {
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    const t = tokens[k];
    if (t.kind !== 'punct') continue;
    if (t.text === ']' || t.text === ')' || t.text === '}') depth++;
    else if (t.text === '[' || t.text === '(' || t.text === '{') {
      depth--;
      if (depth === 0) return t.text === '[' ? k : -1;
      if (depth < 0) return -1;
    } else if (t.text === ';' && depth <= 1) return -1;
  }
  return -1;
}

/** The named arguments of one `[IntentFilter]`: a browsable filter's schemes, hosts and paths become redirects. */
function readFilter(reader: CsCodeReader, args: CsToken[][], config: AuthConfig, expression: (tokens: CsToken[]) => ValueExpr): void {
  const named = new Map<string, CsToken[]>();
  for (const arg of args) {
    if (arg[0]?.kind === 'identifier' && isPunct(arg, 1, '=') && !isPunct(arg, 2, '=')) named.set(arg[0].text, arg.slice(2));
  }
  if (!isBrowsable(named.get('Categories'))) return;
  const schemes = [...list(named.get('DataScheme')), ...elementsOf(reader, named.get('DataSchemes'))];
  const hosts = [...list(named.get('DataHost')), ...elementsOf(reader, named.get('DataHosts'))];
  const paths = [
    ...list(named.get('DataPath')),
    ...elementsOf(reader, named.get('DataPaths')),
    ...list(named.get('DataPathPrefix')),
    ...elementsOf(reader, named.get('DataPathPrefixes')),
  ];
  // Android merges a filter's data: every scheme pairs with every host and path it declares.
  let count = 0;
  for (const scheme of schemes) {
    for (const host of hosts.length ? hosts : [undefined]) {
      for (const path of paths.length ? paths : [undefined]) {
        if (count++ >= MAX_DATA) return;
        addRedirect(reader, config, expression, scheme, host, path);
      }
    }
  }
}

/**
 * Whether Categories names android.intent.category.BROWSABLE (the browser can only open such a filter).
 * A filter without Categories is not browsable; one whose categories are not written out (a constant
 * array) may be, and is kept.
 */
function isBrowsable(categories: CsToken[] | undefined): boolean {
  if (!categories?.length) return false;
  const written = categories.filter((t) => t.kind === 'identifier' || t.kind === 'string');
  if (written.some((t) => BROWSABLE.test(t.kind === 'string' ? stringText(t) : t.text))) return true;
  const isArray = categories.some((t) => t.kind === 'punct' && t.text === '{') || isPunct(categories, 0, '[');
  return !isArray;
}

function stringText(token: CsToken): string {
  return token.parts?.map((p) => ('text' in p ? p.text : '')).join('') ?? token.text;
}

function list(value: CsToken[] | undefined): CsToken[][] {
  return value?.length ? [value] : [];
}

/** The elements of `new[] { a, b }`, `new string[] { … }` or the collection expression `[a, b]` (C# 12). */
function elementsOf(reader: CsCodeReader, value: CsToken[] | undefined): CsToken[][] {
  if (!value?.length) return [];
  const brace = value.findIndex((t) => t.kind === 'punct' && t.text === '{');
  const open = brace >= 0 ? brace : isPunct(value, 0, '[') ? 0 : -1;
  if (open < 0) return [value]; // a constant array: one expression the evaluator cannot split (partial)
  const index = indexOfToken(reader.tokens, value[open]);
  return index < 0 ? [] : reader.splitArguments(index + 1, reader.matchingParen(index));
}

/**
 * `scheme://host/path` as the expression Android matches, with the range of the DataScheme value: known
 * parts as text, others as names the cross-file link may resolve. A scheme whose value is not known
 * statically still gives a partial redirect (rules stay silent on it).
 */
function addRedirect(
  reader: CsCodeReader,
  config: AuthConfig,
  expression: (tokens: CsToken[]) => ValueExpr,
  scheme: CsToken[],
  host: CsToken[] | undefined,
  path: CsToken[] | undefined,
): void {
  const schemeExpr = expression(scheme);
  const range = schemeExpr.range;
  const operands: ValueExpr[] = [schemeExpr, stringLiteral('://', range)];
  if (host) operands.push(expression(host));
  if (path) operands.push(withLeadingSlash(reader, expression(path)));
  const expr: ValueExpr = { kind: 'concat', operands, range };
  const values = reader.values(expr);
  const raw = scheme.map((t) => t.text).join('');
  if (!values.length) config.redirectUris.push(redirectUri(`{${raw}}://`, range, 'android', 'redirect', { implied: true, partial: true, raw }));
  for (const v of values) {
    const schemeValue = reader.values(schemeExpr).find((s) => !s.partial)?.value ?? raw;
    const uri: RedirectUri = redirectUri(v.value, v.range, 'android', 'redirect', { implied: true, partial: v.partial, raw: schemeValue });
    if (v.evidence) uri.evidence = v.evidence;
    config.redirectUris.push(uri);
  }
  reader.notePendingExpr(config, 'redirectUri', expr, range, 'android');
}

/**
 * An attribute's bare names see the members of the class it is written on (`DataScheme = CALLBACK_SCHEME`
 * with `const string CALLBACK_SCHEME` inside the class, as MAUI's WebAuthenticator docs write it), though
 * the attribute stands before the class body: such names become `Class.Name` when the class declares them.
 */
function inClassScope(reader: CsCodeReader, expr: ValueExpr, className: string): ValueExpr {
  switch (expr.kind) {
    case 'name': {
      if (expr.path.length !== 1 || !className) return expr;
      const qualified: ValueExpr = { ...expr, path: [className, expr.path[0]] };
      return reader.values(qualified).length ? qualified : expr;
    }
    case 'string':
      return { ...expr, parts: expr.parts.map((p) => ('text' in p ? p : { hole: inClassScope(reader, p.hole, className) })) };
    case 'concat':
      return { ...expr, operands: expr.operands.map((o) => inClassScope(reader, o, className)) };
    case 'alternatives':
      return { ...expr, options: expr.options.map((o) => inClassScope(reader, o, className)) };
    default:
      return expr;
  }
}

/** `DataPath = "hash"`: Android's path starts with `/` (the manifest reader adds it the same way). */
function withLeadingSlash(reader: CsCodeReader, path: ValueExpr): ValueExpr {
  const known = reader.values(path);
  if (known.length === 1 && !known[0].partial && !known[0].value.startsWith('/')) return stringLiteral(`/${known[0].value}`, path.range);
  return path;
}

function isPunct(tokens: readonly CsToken[], i: number, text: string): boolean {
  return tokens[i]?.kind === 'punct' && tokens[i].text === text;
}
