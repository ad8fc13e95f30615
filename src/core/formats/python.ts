import { tokenizePython } from '../lexing/languages/python';
import { tokenStartingAt, type LexToken } from '../lexing/lexer';
import type { AuthConfig, Located, Range, RedirectUri, UserAgent } from '../model';
import { defaultUserAgent } from '../entra/libraries';
import { tightRange } from './registration-script';
import {
  concatTexts,
  holeText,
  knownText,
  literalText,
  mapValue,
  overridableText,
  rangeOf,
  renderText,
  textValue,
  trimText,
  unknownValue,
  type ScriptText,
  type ScriptValue,
} from './script-values';
import { stringText } from './script-tokens';
import { defineFormat, emptyParsed, HASH_COMMENTS, MAX_PROBLEMS } from './types';

// Python apps that sign in with MSAL Python (`msal.PublicClientApplication`, `ConfidentialClientApplication`)
// or the `identity` package built on it (`identity.flask.Auth(app, client_id=…, redirect_uri=…)`). Read from
// the shared lexer's Python tokens: the constructor's client id, authority, client credential and broker
// flags; `redirect_uri=` of `initiate_auth_code_flow`, `get_authorization_request_url` and
// `acquire_token_by_authorization_code`; module constants, dict configs, f-strings, `+`, and
// `os.getenv("X", "default")` (the default is what the file holds; the value is the environment's, so
// partial). msal-python's `acquire_token_interactive` always redirects to `http://localhost[:port]` (src
// msal/application.py: "The rest of the redirect_uri is hard coded as http://localhost"), so that call
// implies that redirect and never a custom scheme. Shapes from Azure-Samples/ms-identity-python-webapp,
// AzureAD/microsoft-authentication-library-for-python sample/*.py and community scripts.

export const PYTHON_MARKERS =
  /\bimport\s+msal\b|\bfrom\s+msal\b|\bmsal\.(?:Public|Confidential)?ClientApplication\b|\b(?:Public|Confidential)ClientApplication\s*\(|\bfrom\s+identity\.(?:web|flask|django|quart)\s+import\b|\bimport\s+identity\.(?:web|flask|django|quart)\b/;

export const pythonFormat = defineFormat({
  id: 'python-msal',
  title: 'Python (MSAL)',
  files: '`*.py` that use MSAL Python or the `identity` package',
  reads:
    '`PublicClientApplication` / `ConfidentialClientApplication` (client id, `authority`, `client_credential`, `enable_broker_on_windows`/`_mac`), `identity` `Auth(...)`, `redirect_uri=` of the auth code flow methods, `acquire_token_interactive` (implies `http://localhost`); module constants and `os.getenv` defaults',
  globs: ['**/*.py'],
  comments: HASH_COMMENTS,
  literal: 'code',
  languageIds: ['python'],
  untitled: [{ languageId: 'python', name: 'auth.py', hint: PYTHON_MARKERS }],
  byName: (path) => (/\.py$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => PYTHON_MARKERS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'python-msal', text);
    const { tokens, comments, problems } = tokenizePython(text);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    const reader = new PythonReader(text, tokens);
    parsed.configs.push(...reader.read());
    return parsed;
  },
});

type Token = LexToken<string>;

const CONSTRUCTORS: Record<string, 'public' | 'confidential' | 'client' | 'identity'> = {
  PublicClientApplication: 'public',
  ConfidentialClientApplication: 'confidential',
  ClientApplication: 'client',
};
/** Methods taking a redirect_uri, and its position among their positional arguments. */
const REDIRECT_METHODS: Record<string, number> = {
  initiate_auth_code_flow: 1,
  get_authorization_request_url: 3,
  acquire_token_by_authorization_code: 2,
  acquire_token_by_auth_code_flow: -1,
};
/** The names of the calls the reader looks at (the last name of a dotted call). */
const CALL_NAMES = new Set([...Object.keys(CONSTRUCTORS), ...Object.keys(REDIRECT_METHODS), 'acquire_token_interactive', 'Auth']);
/** Past this depth of brackets the reader skips ahead instead of descending. */
const MAX_DEPTH = 48;

/** Where a name's value starts (a token index), and whether it is assigned at module level. */
interface Place {
  at: number;
  moduleLevel: boolean;
}

interface Call {
  /** The dotted name as written (`msal.PublicClientApplication`). */
  name: string;
  nameRange: Range;
  positional: ScriptValue[];
  keywords: Map<string, { value: ScriptValue; nameRange: Range }>;
  range: Range;
}

class PythonReader {
  /** Values of names, evaluated on first use (undefined while being evaluated: a cycle). */
  private readonly variables = new Map<string, ScriptValue | undefined>();
  /** Names bound to `Auth` of the identity package (`from identity.flask import Auth`). */
  private readonly identityNames = new Set<string>();
  /** Where names are assigned (undefined: looked up, not assigned); every name once `walked`. */
  private readonly assigned = new Map<string, Place | undefined>();
  private walked = false;
  /** Places the text searches have met so far (see `assignment`). */
  private searched = 0;
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  read(): AuthConfig[] {
    this.imports();
    const callAt = this.callStarts();
    const configs: AuthConfig[] = [];
    const redirects: { value: ScriptValue; call: Call }[] = [];
    const interactive: Call[] = [];
    for (const call of this.calls(callAt)) {
      const last = call.name.split('.').pop()!;
      const kind =
        CONSTRUCTORS[last] ?? (this.identityNames.has(call.name) || /^identity\.(?:web|flask|django|quart)\.Auth$/.test(call.name) ? 'identity' : undefined);
      if (kind) {
        configs.push(this.config(call, kind));
        continue;
      }
      const position = REDIRECT_METHODS[last];
      if (position !== undefined && call.name.includes('.')) {
        const value = call.keywords.get('redirect_uri')?.value ?? (position >= 0 ? call.positional[position] : undefined);
        if (value) redirects.push({ value, call });
        continue;
      }
      if (last === 'acquire_token_interactive' && call.name.includes('.')) interactive.push(call);
    }
    if (!configs.length && !redirects.length) return [];
    // Redirects of the auth code flow belong to the web app's (confidential) client when the file has one.
    const owner =
      configs.find((c) => c.platform === 'web') ??
      configs[0] ??
      (() => {
        const orphan: AuthConfig = {
          kind: 'config',
          library: 'msal-python',
          platform: 'web',
          redirectUris: [],
          range: redirects[0].call.range,
          userAgent: webAgent(),
        };
        configs.push(orphan);
        return orphan;
      })();
    for (const { value } of redirects) {
      for (const uri of redirectsOf(value, owner.platform)) owner.redirectUris.push(uri);
    }
    // acquire_token_interactive sends http://localhost[:port]; with a broker on, the broker's redirect instead.
    const publicClient = configs.find((c) => c.platform === 'publicClient');
    if (publicClient && publicClient.userAgent?.kind !== 'broker') {
      for (const call of interactive) {
        const port = knownText(textOf(call.keywords.get('port')?.value));
        const value = port && /^\d+$/.test(port) ? `http://localhost:${port}` : 'http://localhost';
        publicClient.redirectUris.push({ value, range: call.nameRange, platform: 'publicClient', role: 'redirect', implied: true });
      }
    }
    return configs;
  }

  private config(call: Call, kind: 'public' | 'confidential' | 'client' | 'identity'): AuthConfig {
    const arg = (keyword: string, position: number) => call.keywords.get(keyword)?.value ?? (position >= 0 ? call.positional[position] : undefined);
    const identity = kind === 'identity';
    const platform = kind === 'public' ? 'publicClient' : 'web';
    const config: AuthConfig = {
      kind: 'config',
      library: 'msal-python',
      platform,
      redirectUris: [],
      range: call.range,
      userAgent: kind === 'public' ? defaultUserAgent('msal-python') : webAgent(),
    };
    const clientId = located(arg('client_id', identity ? -1 : 0), true);
    if (clientId) config.clientId = clientId;
    const authority = located(arg('authority', identity ? -1 : 2), true) ?? located(arg('oidc_authority', -1), true);
    if (authority) config.authority = authority;
    const credential = arg('client_credential', identity ? -1 : 1);
    // A string credential is a client secret; a dict is a certificate (private_key, thumbprint).
    const secret = credential?.kind === 'text' ? located(credential, true) : undefined;
    if (secret) config.clientSecret = secret;
    if (identity) {
      const redirect = arg('redirect_uri', -1);
      if (redirect) for (const uri of redirectsOf(redirect, platform)) config.redirectUris.push(uri);
    }
    if (kind === 'public') {
      for (const flag of ['enable_broker_on_windows', 'enable_broker_on_mac', 'allow_broker']) {
        const entry = call.keywords.get(flag);
        if (entry?.value.kind === 'bool' && entry.value.value) config.userAgent = brokerAgent(entry.nameRange);
      }
    }
    return config;
  }

  // --- tokens ---------------------------------------------------------------------------------------

  private is(k: number, kind: string, text?: string): boolean {
    const t = this.tokens[k];
    return t !== undefined && t.kind === kind && (text === undefined || t.text === text);
  }

  // The reader does not walk the token list (25,000 tokens for 100 KB, mostly not about sign-in): it finds
  // the few names it needs in the text and checks the tokens there.

  /** Index of the token that starts at `offset` (-1: none, the offset is inside a token, string or comment). */
  private tokenAt(offset: number): number {
    return tokenStartingAt(this.tokens, offset);
  }

  /** The indexes of the identifier tokens `name`, in order. */
  private occurrences(name: string): number[] {
    const found: number[] = [];
    for (let at = this.text.indexOf(name); at >= 0; at = this.text.indexOf(name, at + 1)) {
      this.searched++;
      const k = this.tokenAt(at);
      if (k >= 0 && this.is(k, 'identifier', name)) found.push(k);
    }
    return found;
  }

  /** `from identity.flask import Auth [as X]`: the names the identity package's Auth goes by. */
  private imports(): void {
    // Every import line that counts names `Auth`: a file without that text (found at once, where `identity`
    // is a slow search among common letters) imports none.
    if (!this.text.includes('Auth')) return;
    const { tokens } = this;
    for (const k of this.occurrences('identity')) {
      if (!this.is(k - 1, 'identifier', 'from') || !this.is(k + 1, 'punct', '.')) continue;
      for (let j = k + 2; j < tokens.length && tokens[j].kind !== 'newline'; j++) {
        if (!this.is(j, 'identifier', 'Auth')) continue;
        const alias = this.is(j + 1, 'identifier', 'as') && this.is(j + 2, 'identifier') ? tokens[j + 2].text : 'Auth';
        this.identityNames.add(alias);
      }
    }
  }

  /** Where the calls the reader looks at start (`NAME(` of CALL_NAMES or an identity name), in order. */
  private callStarts(): number[] {
    const callAt: number[] = [];
    for (const name of new Set([...CALL_NAMES, ...this.identityNames]))
      for (const k of this.occurrences(name)) if (this.is(k + 1, 'punct', '(')) callAt.push(k);
    return callAt.sort((a, b) => a - b);
  }

  /**
   * Where `name` is assigned (the last place, but a module-level one wins over function locals), looked up
   * when the name is first read. Each lookup searches the text; once the searches have met as many places
   * as there are tokens, one walk over all tokens notes every assignment instead (a file full of short
   * names read in calls stays linear).
   */
  private assignment(name: string): Place | undefined {
    if (this.assigned.has(name) || this.walked) return this.assigned.get(name);
    if (this.searched >= this.tokens.length) {
      this.assigned.clear();
      for (let k = 0; k < this.tokens.length; k++) this.noteAssignment(k);
      this.walked = true;
      return this.assigned.get(name);
    }
    this.assigned.set(name, undefined);
    for (const k of this.occurrences(name)) this.noteAssignment(k);
    return this.assigned.get(name);
  }

  /** Notes token `k` as an assignment of its name when it is one: `NAME = expr` or `NAME: type = expr` at a statement start. */
  private noteAssignment(k: number): void {
    const { tokens } = this;
    const t = tokens[k];
    const after = tokens[k + 1];
    if (t.kind !== 'identifier' || !after || after.kind !== 'punct' || (after.text !== '=' && after.text !== ':') || !this.atStatementStart(k)) return;
    let j = k + 1;
    if (this.is(j, 'punct', ':')) {
      // An annotation: skip to `=` on the same line.
      while (j < tokens.length && tokens[j].kind !== 'newline' && !this.is(j, 'punct', '=')) j++;
    }
    if (!this.is(j, 'punct', '=') || this.is(j + 1, 'punct', '=')) return;
    const moduleLevel = t.start === this.lineStart(t.start);
    const previous = this.assigned.get(t.text);
    if (previous && previous.moduleLevel && !moduleLevel) return;
    this.assigned.set(t.text, { at: j + 1, moduleLevel });
  }

  /** The value a name was assigned (evaluated once, on first use; a cycle reads as unknown). */
  private variable(name: string, depth: number): ScriptValue | undefined {
    if (this.variables.has(name)) return this.variables.get(name);
    const place = this.assignment(name);
    if (!place || depth >= MAX_DEPTH) return undefined;
    this.variables.set(name, undefined); // a name in its own value (`a = a + 1`) is not known
    const saved = this.i;
    this.i = place.at;
    const value = this.expression(depth + 1);
    this.i = saved;
    this.variables.set(name, value);
    return value;
  }

  private atStatementStart(k: number): boolean {
    const before = this.tokens[k - 1];
    return !before || before.kind === 'newline' || (before.kind === 'punct' && before.text === ';');
  }

  private lineStart(offset: number): number {
    let s = offset;
    while (s > 0 && this.text[s - 1] !== '\n' && this.text[s - 1] !== '\r') s--;
    return s;
  }

  /** Every call of a constructor or a method that carries a redirect, in order, with its arguments evaluated. */
  private *calls(callAt: number[]): Generator<Call> {
    const { tokens } = this;
    let readTo = 0;
    for (const k of callAt) {
      // Calls inside an earlier call's arguments were read with it: going on after it keeps the scan linear.
      if (k < readTo) continue;
      const t = tokens[k];
      // The dotted name written before it (`msal.PublicClientApplication`, `self.app.initiate_auth_code_flow`).
      const names = [t.text];
      let j = k;
      while (this.is(j - 1, 'punct', '.') && this.is(j - 2, 'identifier')) {
        names.unshift(tokens[j - 2].text);
        j -= 2;
      }
      // A call on a call's result (`_build_msal_app().initiate_auth_code_flow(…)`).
      if (this.is(j - 1, 'punct', '.') && this.is(j - 2, 'punct', ')')) names.unshift('()');
      if (this.is(j - 1, 'identifier', 'def') || this.is(j - 1, 'identifier', 'class')) continue;
      this.i = k + 2;
      const args = this.arguments(1);
      const end = this.i;
      yield {
        name: names.join('.'),
        nameRange: { start: t.start, end: t.end },
        ...args,
        range: { start: tokens[j].start, end: this.tokens[end - 1]?.end ?? t.end },
      };
      readTo = end;
    }
  }

  /** Arguments up to the closing `)` (the cursor is after `(`). */
  private arguments(depth: number): { positional: ScriptValue[]; keywords: Call['keywords'] } {
    const positional: ScriptValue[] = [];
    const keywords: Call['keywords'] = new Map();
    this.readItems(')', () => {
      if (this.is(this.i, 'identifier') && this.is(this.i + 1, 'punct', '=') && !this.is(this.i + 2, 'punct', '=')) {
        const name = this.tokens[this.i];
        this.i += 2;
        this.skipNewlines();
        keywords.set(name.text, { value: this.expression(depth), nameRange: { start: name.start, end: name.end } });
      } else if (this.is(this.i, 'punct', '*')) {
        this.i++;
        if (this.is(this.i, 'punct', '*')) this.i++;
        this.expression(depth);
      } else positional.push(this.expression(depth));
    });
    return { positional, keywords };
  }

  /**
   * The items of a bracket group up to `closer` (the cursor is after the opener): line breaks and commas
   * between items are skipped; `readItem` reads one at the cursor, and what it leaves unread (a generator,
   * a lambda) is skipped up to the next `,` or closer. Always moves on, so broken input cannot loop.
   */
  private readItems(closer: string, readItem: () => void): void {
    while (this.i < this.tokens.length) {
      this.skipNewlines();
      if (this.is(this.i, 'punct', closer)) {
        this.i++;
        break;
      }
      if (this.is(this.i, 'punct', ',')) {
        this.i++;
        continue;
      }
      const before = this.i;
      readItem();
      if (this.i === before) this.i++;
      this.skipToArgumentEnd();
    }
  }

  private skipNewlines(): void {
    while (this.is(this.i, 'newline') || (this.is(this.i, 'punct', '\\') && this.is(this.i + 1, 'newline'))) this.i++;
  }

  /** Past what an item's expression left, to the next `,` or closing bracket at depth 0. */
  private skipToArgumentEnd(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (t.kind === 'punct') {
        if ('([{'.includes(t.text)) depth++;
        else if (')]}'.includes(t.text)) {
          if (depth === 0) return;
          depth--;
        } else if (t.text === ',' && depth === 0) return;
      }
      this.i++;
    }
  }

  /** Skips a bracket group at the cursor (a flat loop). */
  private skipGroup(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++];
      if (t.kind !== 'punct') continue;
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text) && --depth <= 0) return;
    }
  }

  // --- expressions ----------------------------------------------------------------------------------

  /** `a or b`, `a if c else b` (both alternatives kept as a list), `a + b`, and primaries. */
  private expression(depth: number): ScriptValue {
    let value = this.sum(depth);
    for (;;) {
      if (this.is(this.i, 'identifier', 'or')) {
        this.i++;
        const other = this.sum(depth);
        // `os.getenv("X") or "default"`: the default is what the file holds, the value may be another.
        value = value.kind === 'text' && knownText(value.text, true) !== undefined && !value.text.overridable ? value : overridable(other);
        continue;
      }
      if (this.is(this.i, 'identifier', 'if')) {
        this.i++;
        this.sum(depth);
        if (this.is(this.i, 'identifier', 'else')) {
          this.i++;
          const other = this.expression(depth);
          value = { kind: 'list', items: [overridable(value), overridable(other)], range: { start: rangeOf(value).start, end: rangeOf(other).end } };
        }
        continue;
      }
      return value;
    }
  }

  private sum(depth: number): ScriptValue {
    const start = this.i;
    let left = this.primary(depth);
    for (;;) {
      if (this.is(this.i, 'punct', '%') && !this.is(this.i + 1, 'punct', '=')) {
        // `"…%s" % tenant`: formatted at run time.
        this.i++;
        this.primary(depth);
        left = unknownValue(this.rangeFrom(start));
        continue;
      }
      if (!this.is(this.i, 'punct', '+') || this.is(this.i + 1, 'punct', '=')) return left;
      this.i++;
      this.skipNewlines();
      const right = this.primary(depth);
      const a =
        left.kind === 'text' ? left.text : left.kind === 'unknown' ? holeText(this.text.slice(left.range.start, left.range.end), left.range) : undefined;
      const b =
        right.kind === 'text' ? right.text : right.kind === 'unknown' ? holeText(this.text.slice(right.range.start, right.range.end), right.range) : undefined;
      left = a && b ? textValue(concatTexts([a, b], this.rangeFrom(start))!) : unknownValue(this.rangeFrom(start));
    }
  }

  private primary(depth: number): ScriptValue {
    const start = this.i;
    const t = this.tokens[this.i];
    if (!t) return unknownValue({ start: this.text.length, end: this.text.length });
    if (depth >= MAX_DEPTH) {
      // Hostile nesting (`a(a(a(…`, `not not …`): skip ahead instead of descending.
      if (t.kind === 'punct' && '([{'.includes(t.text)) this.skipGroup();
      else this.i++;
      return unknownValue(this.rangeFrom(start));
    }
    if (t.kind === 'string') {
      // Adjacent literals are one string (`"http://localhost" ":5000"`).
      const parts: ScriptText[] = [];
      while (this.is(this.i, 'string') || (parts.length && this.is(this.i, 'newline') && this.inBrackets())) {
        if (this.is(this.i, 'newline')) {
          const next = this.nextNonNewline(this.i);
          if (!this.is(next, 'string')) break;
          this.i = next;
        }
        const token = this.tokens[this.i++];
        parts.push(stringText(token, this.text, (expression) => this.resolve(expression)));
      }
      return this.postfix(textValue(concatTexts(parts, parts.length > 1 ? this.rangeFrom(start) : undefined)!), start);
    }
    if (t.kind === 'number') {
      this.i++;
      return textValue(literalText(t.text, { start: t.start, end: t.end }));
    }
    if (t.kind === 'identifier') {
      if (t.text === 'True' || t.text === 'False') {
        this.i++;
        return { kind: 'bool', value: t.text === 'True', range: { start: t.start, end: t.end } };
      }
      if (t.text === 'None' || t.text === 'lambda' || t.text === 'not' || t.text === 'await') {
        this.i++;
        if (t.text !== 'None') this.expression(depth + 1);
        return unknownValue(this.rangeFrom(start));
      }
      return this.name(depth);
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.i++;
      this.skipNewlines();
      const inner = this.expression(depth + 1);
      this.skipNewlines();
      if (this.is(this.i, 'punct', ',')) {
        // a tuple
        this.i--;
        this.skipGroupFrom(start);
        return unknownValue(this.rangeFrom(start));
      }
      if (this.is(this.i, 'punct', ')')) this.i++;
      else this.skipGroupFrom(start);
      return this.postfix(inner, start);
    }
    if (t.kind === 'punct' && t.text === '{') return this.dict(depth);
    if (t.kind === 'punct' && t.text === '[') return this.list(depth);
    this.i++;
    return unknownValue(this.rangeFrom(start));
  }

  private inBrackets(): boolean {
    return true; // strings continue over line breaks only inside brackets, where arguments and values are read
  }

  private nextNonNewline(k: number): number {
    let j = k;
    while (this.is(j, 'newline')) j++;
    return j;
  }

  private skipGroupFrom(start: number): void {
    this.i = start;
    this.skipGroup();
  }

  /** A name, dotted path, call or subscript: variables, `os.getenv("X", "d")`, `config["key"]`. */
  private name(depth: number): ScriptValue {
    const start = this.i;
    const names = [this.tokens[this.i++].text];
    while (this.is(this.i, 'punct', '.') && this.is(this.i + 1, 'identifier')) {
      names.push(this.tokens[this.i + 1].text);
      this.i += 2;
    }
    const dotted = names.join('.');
    if (this.is(this.i, 'punct', '(')) {
      const callEnd = this.i;
      this.i++;
      const args = this.arguments(depth + 1);
      const env = /^(?:os\.getenv|getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault)$/.test(dotted);
      if (env) {
        const fallback = args.positional[1] ?? args.keywords.get('default')?.value;
        const name = knownText(textOf(args.positional[0] ?? args.keywords.get('key')?.value));
        if (fallback && fallback.kind !== 'unknown') return overridable(fallback);
        return textValue(holeText(name ? `$${name}` : this.text.slice(this.tokens[start].start, this.tokens[this.i - 1].end), this.rangeFrom(start)));
      }
      // `config.get("key", default)` on a dict variable.
      if (names.length === 2 && names[1] === 'get') {
        const holder = this.variable(names[0], depth);
        const key = knownText(textOf(args.positional[0]));
        if (holder?.kind === 'map' && key !== undefined) {
          const found = holder.entries.get(key.toLowerCase());
          if (found) return this.postfix(found, start);
          if (args.positional[1]) return overridable(args.positional[1]);
        }
      }
      void callEnd;
      return this.postfix(unknownValue(this.rangeFrom(start)), start);
    }
    let value: ScriptValue;
    if (names.length === 1) {
      // A variable's value keeps the ranges where it is written (where a URI would be fixed).
      const known = this.variable(names[0], depth);
      value = known ?? textValue(holeText(names[0], this.rangeFrom(start)));
    } else value = textValue(holeText(dotted, this.rangeFrom(start)));
    // `config["client_id"]` on a dict variable.
    while (this.is(this.i, 'punct', '[')) {
      const open = this.i;
      this.i++;
      const key = knownText(textOf(this.expression(depth + 1)));
      if (this.is(this.i, 'punct', ']')) this.i++;
      else {
        this.i = open;
        this.skipGroup();
      }
      const found = value.kind === 'map' && key !== undefined ? value.entries.get(key.toLowerCase()) : undefined;
      value = found ?? textValue(holeText(this.text.slice(this.tokens[start].start, this.tokens[this.i - 1].end), this.rangeFrom(start)));
    }
    return this.postfix(value, start);
  }

  /** Attribute access or a call after a value (`"…".format(x)`, `x.strip()`): the result is unknown. */
  private postfix(value: ScriptValue, start: number): ScriptValue {
    let changed = false;
    while (this.is(this.i, 'punct', '.') && this.is(this.i + 1, 'identifier')) {
      this.i += 2;
      changed = true;
      if (this.is(this.i, 'punct', '(')) this.skipGroup();
    }
    return changed ? unknownValue(this.rangeFrom(start)) : value;
  }

  private dict(depth: number): ScriptValue {
    const start = this.i;
    this.i++;
    const entries: [string, ScriptValue][] = [];
    this.readItems('}', () => {
      const key = knownText(textOf(this.expression(depth + 1)));
      this.skipNewlines();
      if (this.is(this.i, 'punct', ':')) {
        this.i++;
        this.skipNewlines();
        const value = this.expression(depth + 1);
        if (key !== undefined) entries.push([key, value]);
      }
    });
    return mapValue(entries, this.rangeFrom(start));
  }

  private list(depth: number): ScriptValue {
    const start = this.i;
    this.i++;
    const items: ScriptValue[] = [];
    this.readItems(']', () => void items.push(this.expression(depth + 1)));
    return { kind: 'list', items, range: this.rangeFrom(start) };
  }

  /** An f-string hole `{NAME}`: the variable's text when it is known. */
  private resolve(expression: string): ScriptText | undefined {
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/.exec(expression.trim())?.[0];
    const value = name ? this.variable(name, MAX_DEPTH / 2) : undefined;
    return value?.kind === 'text' && value.text.pieces.some((p) => 'text' in p) ? value.text : undefined;
  }

  private rangeFrom(start: number): Range {
    const first = this.tokens[start];
    const last = this.tokens[Math.max(start, this.i - 1)];
    if (!first) return { start: this.text.length, end: this.text.length };
    return { start: first.start, end: Math.max(first.end, last?.end ?? first.end) };
  }
}

function textOf(value: ScriptValue | undefined): ScriptText | undefined {
  return value?.kind === 'text' ? value.text : undefined;
}

function overridable(value: ScriptValue): ScriptValue {
  if (value.kind === 'text') return textValue(overridableText(value.text));
  if (value.kind === 'list') return { ...value, items: value.items.map(overridable) };
  return value;
}

/** A text value as a located string (a default counts: the file holds it); undefined when unknown or empty. */
function located(value: ScriptValue | undefined, defaults: boolean): Located<string> | undefined {
  if (value?.kind !== 'text') return undefined;
  const text = trimText(value.text);
  const known = knownText(text, defaults);
  if (!known) return undefined;
  return { value: known, range: tightRange(text) };
}

/** The redirect URIs a value holds (each alternative of a conditional); unknown starts are left out. */
function redirectsOf(value: ScriptValue, platform: AuthConfig['platform']): RedirectUri[] {
  const result: RedirectUri[] = [];
  const items = value.kind === 'list' ? value.items : [value];
  for (const item of items) {
    if (item.kind !== 'text') continue;
    const text = trimText(item.text);
    if (!text.pieces.length) continue;
    const { value: rendered, partial, unknownStart } = renderText(text);
    if (unknownStart || !rendered) continue; // `url_for(…)`, an environment value: nothing to judge
    const uri: RedirectUri = { value: rendered, range: tightRange(text), platform, role: 'redirect' };
    if (partial) uri.partial = true;
    result.push(uri);
  }
  return result;
}

function webAgent(): UserAgent {
  return { kind: 'unknown', description: 'the browser of a web app' };
}

/** enable_broker_on_windows / _mac: WAM or the macOS broker signs in; elsewhere the loopback browser flow. */
function brokerAgent(range: Range): UserAgent {
  return {
    kind: 'broker',
    fallback: 'system-browser',
    range,
    description: 'the broker (WAM on Windows, Company Portal on macOS) where it is enabled, otherwise the system browser with a loopback redirect',
  };
}
