import type { AuthConfig, Library, Located, ParsedFile, Platform, Range, RedirectUri, UserAgent } from '../model';
import { defaultUserAgent, identityProvider } from '../entra/libraries';
import { parseAuthority } from '../entra/authority';
import type { LexToken } from '../lexing/lexer';
import { tokenizeDart } from '../lexing/languages/dart';
import { androidUserAgent } from './android-config';
import { redirectUri } from './config-util';
import { defineFormat, emptyParsed, MAX_PROBLEMS, SLASH_COMMENTS } from './types';
import {
  expressionOf,
  stringOf,
  unknown,
  ValueEvaluator,
  type Declaration as ValueDeclaration,
  type NameExpr,
  type TokenSyntax,
  type Value,
  type ValueExpr,
} from '../values';

// Flutter apps in Dart: the sign-in calls of flutter_appauth, aad_oauth, msal_auth, msal_flutter,
// flutter_web_auth_2 and oauth2_client, read from the shared lexer's tokens; values go through the shared
// evaluator (../values) with a scope over the file's const / final / static fields, getters, locals and
// objects built in the file (string interpolation, adjacent literals, `+`, `??` and `?:`: each alternative
// is a redirect the app may send). What the reader cannot see stays unknown: a redirect whose scheme is
// unknown is left out, and a multi-provider library's call whose issuer cannot be seen is left out too
// (it may be Google, Okta or Keycloak; guessing would be a false alarm).

/** Cheap content test for `*.dart` files: a sign-in library or a redirect is mentioned. */
const MARKERS =
  /flutter_appauth|AuthorizationTokenRequest|AuthorizationRequest|aad_oauth|msal|MSAL|FlutterWebAuth|redirectU[rR][lLiI]|redirect_uri|login\.microsoftonline\.|\.b2clogin\.com|\.ciamlogin\.com/;

/** The names whose calls the reader reads (a class, or the object whose member is called). */
const CALLEES = new Set([
  'AuthorizationTokenRequest',
  'AuthorizationRequest',
  'Config',
  'SingleAccountPca',
  'MultipleAccountPca',
  'MsalAuth',
  'MSALPublicClientApplicationConfig',
  'PublicClientApplication',
  'FlutterWebAuth2',
  'FlutterWebAuth',
  'MicrosoftOauth2Client',
  'OAuth2Client',
]);
const CALLEE_NAMES = [...CALLEES];
/** First characters of CALLEES: the bracket pass looks a name up only when it starts with one. */
const CALLEE_FIRST = new Uint8Array(128);
for (const name of CALLEE_NAMES) CALLEE_FIRST[name.charCodeAt(0)] = 1;
/** The keywords indexDeclarations starts at (a name before `=` is the other start). */
const DECLARERS = new Set(['class', 'mixin', 'enum', 'import', 'get']);
const DECLARER_FIRST = new Uint8Array(128);
for (const name of DECLARERS) DECLARER_FIRST[name.charCodeAt(0)] = 1;
/** Operators that, right before `=`, make it no declaration (`a == b`, `a != b`, `a <= b`, `a += b`). */
const OPERATOR_BEFORE_EQUALS = '!<>=+-*/%&|^~?';

/** Resolving a value through declarations and interpolation holes stops here (cycles, hostile nesting). */
const MAX_DEPTH = 8;
/** Alternatives kept per value (`a ?? b`, ternaries, fields assigned in several places). */
const MAX_ALTERNATIVES = 8;
/** Declarations kept per name (a field assigned in several methods). */
const MAX_DECLARATIONS = 6;
/** Evaluation steps per file: a guard against hostile chains of names (each declaration is evaluated once anyway). */
const EVALUATION_BUDGET = 50_000;

/** Unknown parts of a Dart value show as `${expression}`, as Dart writes them. */
const DART_SYNTAX: TokenSyntax = { display: (source) => `\${${source}}` };

export const dartFormat = defineFormat({
  id: 'dart',
  title: 'Flutter (Dart)',
  files: '`*.dart` that sign in (flutter_appauth, aad_oauth, msal_auth, msal_flutter, flutter_web_auth_2, oauth2_client)',
  reads:
    '`AuthorizationTokenRequest(…)` redirect and issuer, aad_oauth `Config(…)`, msal_auth `AndroidConfig` / `AppleConfig` (and its asset config), msal_flutter `MSALPublicClientApplicationConfig`, `FlutterWebAuth2.authenticate(url:, callbackUrlScheme:)`, oauth2_client `MicrosoftOauth2Client`; const / final values, interpolation',
  globs: ['**/*.dart'],
  comments: SLASH_COMMENTS,
  literal: 'code',
  languageIds: ['dart'],
  untitled: [{ languageId: 'dart', name: 'main.dart', hint: MARKERS }],
  facts: { reads: ['android-msal-settings'] },
  byName: (path) => (/\.dart$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => MARKERS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'dart', text);
    const { tokens, comments, problems } = tokenizeDart(text);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    new DartReader(text, tokens, parsed).read();
    return parsed;
  },
});

type Token = LexToken;

/** A slice of a token list (the file's, or an interpolation hole's re-lexed expression). */
interface Slice {
  tokens: Token[];
  start: number;
  end: number;
  /** Index in the file's tokens whose scope names are resolved from. */
  at: number;
}

interface Declaration {
  /** Index of the name token. */
  name: number;
  /** The value's tokens (file indexes). */
  start: number;
  end: number;
  /** The `{` block the declaration sits in (-1: top level). */
  block: number;
}

interface Call {
  /** Index of the callee's name token. */
  name: number;
  positional: Slice[];
  named: Map<string, Slice>;
  range: Range;
}

const known = (value: Value): boolean => !value.partial;
/** The text of a value up to its first unknown part (all of it when fully known). */
const knownPrefix = (value: Value): string => {
  if (!value.partial) return value.value;
  const hole = value.value.indexOf('${');
  return hole < 0 ? value.value : value.value.slice(0, hole);
};

class DartReader {
  /** For each bracket token, the index of its partner (-1 when unbalanced). */
  private readonly partner: Int32Array;
  /** For each token, the `{` block it sits in (-1: top level). */
  private readonly blockOf: Int32Array;
  /** For each `{`, the block it sits in (-1: top level). */
  private readonly parentBlock: Int32Array;
  /** Bracket partners of the file's tokens (precomputed) or of a hole's tokens (scanned). */
  private readonly match = (tokens: Token[], i: number): number => (tokens === this.tokens ? this.partner[i] : scanPartner(tokens, i));
  /** Class name -> the index of its body's `{`. */
  private readonly classBodies = new Map<string, number>();
  private readonly declarations = new Map<string, Declaration[]>();
  private readonly imports: string[] = [];
  private readonly configs: AuthConfig[] = [];
  /** The IR of each declaration, made once. */
  private readonly declarationIrs = new Map<number, ValueDeclaration>();
  /** Name resolutions left for this file (a guard against hostile fan-out of names). */
  private budget = EVALUATION_BUDGET;
  private readonly evaluator = new ValueEvaluator(
    { resolve: (path, reference) => this.resolveReference(path, reference) },
    { maxDepth: MAX_DEPTH, maxValues: MAX_ALTERNATIVES },
  );

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly parsed: ParsedFile,
  ) {
    this.partner = new Int32Array(tokens.length).fill(-1);
    this.blockOf = new Int32Array(tokens.length).fill(-1);
    this.parentBlock = new Int32Array(tokens.length).fill(-1);
  }

  read(): void {
    const { tokens } = this;
    // Most Dart files that pass the sniff call none of the libraries: index nothing for them. The text test
    // is a cheap first filter; the bracket pass finds the calls themselves (one pass fewer over the tokens).
    if (!CALLEE_NAMES.some((name) => this.text.includes(name))) return;
    const { calls, declarers } = this.indexBrackets();
    if (!calls.length) return;
    this.indexDeclarations(declarers);
    for (const i of calls) {
      const t = tokens[i];
      switch (t.text) {
        case 'AuthorizationTokenRequest':
        case 'AuthorizationRequest':
          this.readAppAuth(i);
          break;
        case 'Config':
          this.readAadOauth(i);
          break;
        case 'SingleAccountPca':
        case 'MultipleAccountPca':
          if (this.member(i, 'create')) this.readMsalAuth(i + 2);
          break;
        case 'MsalAuth':
          if (this.member(i, 'createPublicClientApplication')) this.readMsalAuth(i + 2);
          break;
        case 'MSALPublicClientApplicationConfig':
          this.readMsalFlutter(i);
          break;
        case 'PublicClientApplication':
          if (this.member(i, 'createPublicClientApplication')) this.readMsalFlutterLegacy(i + 2);
          break;
        case 'FlutterWebAuth2':
        case 'FlutterWebAuth':
          if (this.member(i, 'authenticate')) this.readWebAuth(i + 2);
          break;
        case 'MicrosoftOauth2Client':
        case 'OAuth2Client':
          this.readOauth2Client(i);
          break;
      }
    }
    this.parsed.configs.push(...dedupe(this.configs));
  }

  // --- indexes ---------------------------------------------------------------------------------------

  /**
   * Bracket partners and the `{` block of every token, in one pass with an explicit stack. Returns the indexes
   * of the CALLEES names and of the names indexDeclarations reads (a keyword it reads, or a name before `=`),
   * so that pass looks at those only instead of going over every token again.
   */
  private indexBrackets(): { calls: number[]; declarers: number[] } {
    const stack: number[] = [];
    const blocks: number[] = [];
    const calls: number[] = [];
    const declarers: number[] = [];
    const { tokens, text } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      this.blockOf[i] = blocks.length ? blocks[blocks.length - 1] : -1;
      if (t.kind === 'identifier') {
        // The source's character, not the token's text: the text is one more object to bring in per name.
        const first = text.charCodeAt(t.start);
        if (first < 128 && CALLEE_FIRST[first] === 1 && CALLEES.has(t.text)) calls.push(i);
        if (first < 128 && DECLARER_FIRST[first] === 1 && DECLARERS.has(t.text)) declarers.push(i);
        continue;
      }
      if (t.kind !== 'punct') continue;
      if (t.text === '=') {
        if (tokens[i - 1]?.kind === 'identifier' && declarers[declarers.length - 1] !== i - 1) declarers.push(i - 1);
      } else if (t.text === '(' || t.text === '[' || t.text === '{') {
        stack.push(i);
        if (t.text === '{') {
          this.parentBlock[i] = blocks.length ? blocks[blocks.length - 1] : -1;
          blocks.push(i);
        }
      } else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const open = stack.pop();
        if (open === undefined) continue;
        this.partner[open] = i;
        this.partner[i] = open;
        if (tokens[open].text === '{' && blocks[blocks.length - 1] === open) blocks.pop();
      }
    }
    return { calls, declarers };
  }

  /**
   * `name = value` (const, final, var, typed, fields and assignments), getters `get name => value`, imports,
   * class bodies; at the names indexBrackets found (every other name has none of these after it).
   */
  private indexDeclarations(declarers: readonly number[]): void {
    const { tokens } = this;
    for (const i of declarers) {
      const t = tokens[i];
      const name = t.text;
      const next = tokens[i + 1];
      if ((name === 'class' || name === 'mixin' || name === 'enum') && next?.kind === 'identifier') {
        const body = this.nextBrace(i + 2);
        if (body >= 0 && !this.classBodies.has(next.text)) this.classBodies.set(next.text, body);
        continue;
      }
      if (name === 'import' && next?.kind === 'string') {
        this.imports.push(this.literalText(next));
        continue;
      }
      if (next?.kind === 'punct' && next.text === '=' && !this.joined(i + 1, '=') && !this.joined(i + 1, '>')) {
        const before = tokens[i - 1];
        // `a == b`, `a != b`, `a <= b`, named arguments and compound assignments are not declarations.
        if (before?.kind === 'punct' && before.text.length === 1 && OPERATOR_BEFORE_EQUALS.includes(before.text) && before.end === t.start) continue;
        this.declare(t.text, i, i + 2, this.valueEnd(i + 2));
      } else if (t.text === 'get' && next?.kind === 'identifier' && this.isPunct(i + 2, '=') && this.joined(i + 2, '>')) {
        this.declare(next.text, i + 1, i + 4, this.valueEnd(i + 4));
      } else if (t.text === 'get' && next?.kind === 'identifier' && this.isPunct(i + 2, '{')) {
        // `get name { return value; }`: the first return of the body.
        const close = this.partner[i + 2];
        for (let j = i + 3; j < close && j >= 0; j++) {
          if (tokens[j].kind === 'identifier' && tokens[j].text === 'return') {
            this.declare(next.text, i + 1, j + 1, this.valueEnd(j + 1));
            break;
          }
        }
      }
    }
  }

  private declare(name: string, at: number, start: number, end: number): void {
    if (end <= start) return;
    const list = this.declarations.get(name) ?? [];
    if (list.length >= MAX_DECLARATIONS) return;
    list.push({ name: at, start, end, block: this.blockOf[at] });
    this.declarations.set(name, list);
  }

  /** The end (exclusive) of a value starting at `i`: the first `;` or `,` at its depth, or a bracket it does not open. */
  private valueEnd(i: number): number {
    const { tokens } = this;
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j];
      if (t.kind === 'punct') {
        if (t.text === ';' || t.text === ',' || t.text === ')' || t.text === ']' || t.text === '}') return j;
        if ((t.text === '(' || t.text === '[' || t.text === '{') && this.partner[j] > j) {
          j = this.partner[j] + 1;
          continue;
        }
        if (t.text === '(' || t.text === '[' || t.text === '{') return tokens.length; // unclosed: runs to the end
      }
      j++;
    }
    return j;
  }

  private nextBrace(from: number): number {
    for (let j = from; j < this.tokens.length && j < from + 64; j++) {
      const t = this.tokens[j];
      if (t.kind === 'punct' && t.text === '{') return j;
      if (t.kind === 'punct' && (t.text === ';' || t.text === '}')) return -1;
    }
    return -1;
  }

  private isPunct(i: number, text: string, tokens: Token[] = this.tokens): boolean {
    return tokens[i]?.kind === 'punct' && tokens[i].text === text;
  }

  /** The punct after `i` is `text` and touches it (`=` `>` is `=>`). */
  private joined(i: number, text: string, tokens: Token[] = this.tokens): boolean {
    const next = tokens[i + 1];
    return next?.kind === 'punct' && next.text === text && next.start === tokens[i].end;
  }

  /** `Name.member(`: the callee name at `i` is followed by `.member` and an argument list. */
  private member(i: number, name: string): boolean {
    return this.isPunct(i + 1, '.') && this.tokens[i + 2]?.kind === 'identifier' && this.tokens[i + 2].text === name && this.isPunct(i + 3, '(');
  }

  private imported(pkg: string): boolean {
    return this.imports.some((uri) => uri.startsWith(`package:${pkg}/`));
  }

  // --- calls -----------------------------------------------------------------------------------------

  /** The arguments of the call whose name is at `i` (its `(` follows), split at top-level commas. */
  private call(i: number, tokens: Token[] = this.tokens, at = i): Call | undefined {
    const open = i + 1;
    if (!this.isPunct(open, '(', tokens)) return undefined;
    const close = this.match(tokens, open);
    if (close < 0) return undefined;
    const positional: Slice[] = [];
    const named = new Map<string, Slice>();
    this.readItems(tokens, open, close, (start, end) => {
      const label = tokens[start];
      if (label.kind === 'identifier' && this.isPunct(start + 1, ':', tokens) && end > start + 2)
        named.set(label.text, { tokens, start: start + 2, end, at: this.atOf(tokens, start, at) });
      else positional.push({ tokens, start, end, at: this.atOf(tokens, start, at) });
    });
    return { name: i, positional, named, range: { start: tokens[i].start, end: tokens[close].end } };
  }

  private atOf(tokens: Token[], index: number, fallback: number): number {
    return tokens === this.tokens ? index : fallback;
  }

  /**
   * The constructor call a value is (`Foo(…)`, `const Foo(…)`, `new Foo(…)`, `Foo.named(…)`), following a
   * variable to its declaration: the call and the callee's name.
   */
  private constructorCall(slice: Slice | undefined, depth = 0): { call: Call; name: string; member?: string } | undefined {
    if (!slice || depth > MAX_DEPTH) return undefined;
    const { tokens } = slice;
    let s = slice.start;
    while (s < slice.end && tokens[s].kind === 'identifier' && (tokens[s].text === 'const' || tokens[s].text === 'new' || tokens[s].text === 'await')) s++;
    if (tokens[s]?.kind !== 'identifier') return undefined;
    let nameAt = s;
    let member: string | undefined;
    if (s + 3 < slice.end && this.isPunct(s + 1, '.', tokens) && tokens[s + 2]?.kind === 'identifier' && this.isPunct(s + 3, '(', tokens)) {
      member = tokens[s + 2].text;
      nameAt = s + 2;
    }
    if (nameAt + 1 < slice.end && this.isPunct(nameAt + 1, '(', tokens)) {
      const call = this.call(nameAt, tokens, slice.at);
      return call ? { call, name: tokens[s].text, member } : undefined;
    }
    const declaration = this.resolveSlice(slice, s);
    if (declaration.length !== 1) return undefined;
    const [d] = declaration;
    return this.constructorCall({ tokens: this.tokens, start: d.start, end: d.end, at: d.start }, depth + 1);
  }

  // --- values: the Dart front end of the shared evaluator (../values) -------------------------------

  /** Every value a slice may take, by the shared evaluator's rules (alternatives, partial values). */
  private evaluate(slice: Slice | undefined): Value[] {
    if (!slice || slice.end <= slice.start) return [];
    return this.evaluator.values(this.ir(slice));
  }

  /**
   * The IR of a value's tokens. Dart's own shapes are read here (adjacent literals, `Uri.parse(x)`,
   * `x.toString()`, `String.fromEnvironment(…, defaultValue: v)`, `const`/`new`/`await`); the operators
   * split here too, so those shapes are found on either side of `??`, `?:` and `+`.
   */
  private ir(slice: Slice, depth = 0): ValueExpr {
    const { tokens, end } = slice;
    let start = slice.start;
    const range = { start: tokens[start].start, end: tokens[end - 1].end };
    const display = DART_SYNTAX.display(this.source(tokens, start, end));
    if (depth > MAX_DEPTH) return unknown(range, display);
    const sub = (s: number, e: number): ValueExpr => (e > s ? this.ir({ tokens, start: s, end: e, at: s }, depth + 1) : unknown(range, display));
    if (this.isPunct(start, '(', tokens) && this.match(tokens, start) === end - 1) return sub(start + 1, end - 1);
    const split = this.topLevelOperator(tokens, start, end);
    if (split?.kind === 'ternary') return { kind: 'alternatives', options: [sub(split.at + 1, split.colon), sub(split.colon + 1, end)], range, display };
    if (split?.kind === 'ifNull') return { kind: 'alternatives', options: [sub(start, split.at), sub(split.at + 2, end)], range, display };
    if (split?.kind === 'plus') return { kind: 'concat', operands: [sub(start, split.at), sub(split.at + 1, end)], range, display };
    while (start < end - 1 && tokens[start].kind === 'identifier' && /^(const|new|await)$/.test(tokens[start].text)) start++;
    if (tokens[start].kind === 'string') {
      let j = start;
      while (j < end && tokens[j].kind === 'string') j++;
      if (j < end) return unknown(range, display); // `'a'.toUpperCase()` and the like
      if (end - start === 1) return stringOf(tokens[start], DART_SYNTAX);
      // Adjacent literals are one string; its range runs from the first literal's content to the last's.
      const operands = tokens.slice(start, end).map((t) => stringOf(t, DART_SYNTAX));
      return { kind: 'concat', operands, range: { start: operands[0].range.start, end: operands[operands.length - 1].range.end }, display };
    }
    // `x.toString()` / `x.trim()`: the value of x.
    if (
      end - start >= 4 &&
      this.isPunct(end - 1, ')', tokens) &&
      this.isPunct(end - 2, '(', tokens) &&
      /^(toString|trim)$/.test(tokens[end - 3].text) &&
      this.isPunct(end - 4, '.', tokens)
    )
      return sub(start, end - 4);
    // `Uri.parse(x)`, `Uri.encodeFull(x)`, `String.fromEnvironment('X', defaultValue: v)`.
    if (
      tokens[start].kind === 'identifier' &&
      this.isPunct(start + 1, '.', tokens) &&
      tokens[start + 2]?.kind === 'identifier' &&
      this.isPunct(start + 3, '(', tokens) &&
      this.match(tokens, start + 3) === end - 1
    ) {
      const callee = `${tokens[start].text}.${tokens[start + 2].text}`;
      const call = this.call(start + 2, tokens, start);
      if (call && /^Uri\.(parse|tryParse|encodeFull)$/.test(callee) && call.positional[0]) return this.ir(call.positional[0], depth + 1);
      if (call && callee === 'String.fromEnvironment') {
        // The build may define it (unknown here) or not (the default): both are values the app may have.
        const fallback = call.named.get('defaultValue');
        const options: ValueExpr[] = [unknown(range, display)];
        if (fallback) options.push(this.ir(fallback, depth + 1));
        return { kind: 'alternatives', options, range, display };
      }
      return unknown(range, display);
    }
    return expressionOf(tokens.slice(start, end), DART_SYNTAX);
  }

  /** The scope the shared evaluator asks: this file's declarations, seen from the reference. */
  private resolveReference(path: readonly string[], reference: NameExpr): readonly ValueDeclaration[] | undefined {
    if (--this.budget < 0) return []; // hostile fan-out of names: stop resolving
    if (path.length > 2) return undefined;
    const at = this.tokenAt(reference.range.start);
    const found = this.resolveName(path, at);
    if (!found) return undefined;
    return found.map((d) => this.declarationIr(d));
  }

  private declarationIr(d: Declaration): ValueDeclaration {
    let cached = this.declarationIrs.get(d.start);
    if (!cached) {
      cached = {
        expr: this.ir({ tokens: this.tokens, start: d.start, end: d.end, at: d.start }),
        range: { start: this.tokens[d.name].start, end: this.tokens[d.name].end },
      };
      this.declarationIrs.set(d.start, cached);
    }
    return cached;
  }

  /** The index of the file's token at `offset` (a name, or the string literal holding an interpolated name). */
  private tokenAt(offset: number): number {
    const { tokens } = this;
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (tokens[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The declarations a name (`name`, `this.name`, `Class.name`, `object.name`) refers to from token `at`:
   * those of the innermost block that declares it; several in one block are alternatives. An empty list:
   * the name is a parameter there (its value comes from the callers); undefined: not declared in this file.
   */
  private resolveName(path: readonly string[], at: number): Declaration[] | undefined {
    const owner = path.length === 2 ? path[0] : undefined;
    const name = path[path.length - 1];
    if (owner && owner !== 'this' && !this.classBodies.has(owner)) return this.objectMember(owner, name, at);
    const candidates = this.declarations.get(name);
    if (!candidates?.length) return undefined;
    // Never the declaration the reference sits in (`x = x ?? 'a'`).
    const others = candidates.filter((d) => !(at >= d.start && at < d.end));
    if (owner && owner !== 'this') return others.filter((d) => d.block === this.classBodies.get(owner));
    // A parameter of the function the reference sits in hides every declaration outside it.
    if (this.arrowParameter(name, at)) return [];
    for (let block = this.blockOf[at] ?? -1; ; block = block >= 0 ? this.parentBlock[block] : -1) {
      const here = others.filter((d) => d.block === block);
      if (here.length) return here;
      if (block === -1) break;
      if (this.hasParameter(this.parameterListBefore(block), name)) return [];
    }
    return undefined;
  }

  /** The declarations of a name written as a slice (`name` or `A.b`), or undefined when it is not one. */
  private resolveSlice(slice: Slice, s: number): Declaration[] {
    const { tokens, end } = slice;
    if (end - s === 1 && tokens[s].kind === 'identifier') return this.resolveName([tokens[s].text], s) ?? [];
    if (end - s === 3 && tokens[s].kind === 'identifier' && this.isPunct(s + 1, '.', tokens) && tokens[s + 2]?.kind === 'identifier')
      return this.resolveName([tokens[s].text, tokens[s + 2].text], s) ?? [];
    return [];
  }
  /** The `(` of the parameter list a function body `{` follows (`f(a, b) {`, `f(a) async {`), or -1. */
  private parameterListBefore(body: number): number {
    let j = body - 1;
    const t = this.tokens[j];
    if (t?.kind === 'identifier' && (t.text === 'async' || t.text === 'sync')) j--;
    else if (this.isPunct(j, '*') && this.tokens[j - 1]?.kind === 'identifier' && /^(async|sync)$/.test(this.tokens[j - 1].text)) j -= 2;
    if (!this.isPunct(j, ')')) return -1;
    const open = this.partner[j];
    const before = this.tokens[open - 1];
    // `if (…) {`, `for (…) {` and the like are not functions.
    if (before?.kind === 'identifier' && /^(if|for|while|switch|catch|on)$/.test(before.text)) return -1;
    return open;
  }

  /** Whether the parameter list opening at `open` names a parameter `name`. */
  private hasParameter(open: number, name: string): boolean {
    if (open < 0) return false;
    const close = this.partner[open];
    for (let j = open + 1; j < close; j++) {
      const t = this.tokens[j];
      if (t.kind !== 'identifier' || t.text !== name) continue;
      const next = this.tokens[j + 1];
      if (next?.kind === 'punct' && /^[,)}\]=]$/.test(next.text) && !(next.text === '=' && this.joined(j + 1, '='))) return true;
    }
    return false;
  }

  /**
   * Whether the reference at `at` sits in an expression-bodied function (`f(String url) => …`) that has a
   * parameter `name`: the `) =>` before it in the same statement.
   */
  private arrowParameter(name: string, at: number): boolean {
    const { tokens } = this;
    for (let j = at - 1, steps = 0; j > 0 && steps < 4096; j--, steps++) {
      const t = tokens[j];
      if (t.kind !== 'punct') continue;
      if (t.text === ';' || (t.text === '{' && this.partner[j] < 0)) return false;
      if ((t.text === ')' || t.text === ']' || t.text === '}') && this.partner[j] >= 0 && this.partner[j] < j) {
        j = this.partner[j];
        continue;
      }
      if (t.text === '{') return false; // the block the reference sits in: a statement boundary
      if (t.text === '>' && this.isPunct(j - 1, '=') && this.joined(j - 1, '>') && this.isPunct(j - 2, ')')) {
        if (this.hasParameter(this.partner[j - 2], name)) return true;
        j -= 2;
      }
    }
    return false;
  }

  /**
   * `object.name` where the object is a variable of this file holding `Foo(name: value, …)`: that argument,
   * as a declaration. Anything else (a parameter, an import prefix, a getter of another file) is not seen.
   */
  private objectMember(owner: string, name: string, at: number): Declaration[] | undefined {
    const objects = this.resolveName([owner], at);
    if (objects?.length !== 1) return undefined;
    const built = this.constructorCall({ tokens: this.tokens, start: objects[0].start, end: objects[0].end, at: objects[0].start });
    const argument = built?.call.named.get(name);
    if (!argument) return undefined;
    return [{ name: argument.start, start: argument.start, end: argument.end, block: this.blockOf[argument.start] }];
  }

  /** The top-level `?:`, `??` or `+` of a value (the loosest binding first). */
  private topLevelOperator(
    tokens: Token[],
    start: number,
    end: number,
  ): { kind: 'ternary'; at: number; colon: number } | { kind: 'ifNull' | 'plus'; at: number } | undefined {
    let ifNull = -1;
    let plus = -1;
    for (let j = start; j < end; j++) {
      const t = tokens[j];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') {
        const close = this.match(tokens, j);
        if (close > j) j = close;
        continue;
      }
      if (t.text === '?') {
        const next = tokens[j + 1];
        const touching = next?.kind === 'punct' && next.start === t.end;
        if (touching && next.text === '?') {
          if (ifNull < 0) ifNull = j;
          j++;
          continue;
        }
        if (touching && (next.text === '.' || next.text === '[')) continue;
        const colon = this.ternaryColon(tokens, j + 1, end);
        if (colon > 0 && ifNull < 0) return { kind: 'ternary', at: j, colon };
      }
      if (t.text === '+' && plus < 0 && j > start && !this.joined(j, '=', tokens) && !this.joined(j, '+', tokens)) plus = j;
    }
    if (ifNull >= 0) return { kind: 'ifNull', at: ifNull };
    if (plus >= 0) return { kind: 'plus', at: plus };
    return undefined;
  }

  /** The `:` that ends the `?` branch of a ternary starting at `from` (nested ternaries counted). */
  private ternaryColon(tokens: Token[], from: number, end: number): number {
    let open = 0;
    for (let j = from; j < end; j++) {
      const t = tokens[j];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') {
        const close = this.match(tokens, j);
        if (close > j) j = close;
      } else if (t.text === '?' && !(tokens[j + 1]?.kind === 'punct' && tokens[j + 1].start === t.end && /^[?.[]$/.test(tokens[j + 1].text))) open++;
      else if (t.text === ':') {
        if (open === 0) return j;
        open--;
      }
    }
    return -1;
  }

  private source(tokens: Token[], start: number, end: number): string {
    if (tokens === this.tokens) return this.text.slice(tokens[start].start, tokens[end - 1].end);
    return tokens
      .slice(start, end)
      .map((t) => t.text)
      .join('');
  }

  private literalText(token: Token): string {
    return (token.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('');
  }

  // --- what the values mean ---------------------------------------------------------------------------

  /**
   * A single value (client id, tenant, path) when every alternative is known: the first. With an unknown
   * alternative (`env['ID'] ?? ''`) the value at run time is not seen, so there is none.
   */
  private knownValue(slice: Slice | undefined): Located<string> | undefined {
    if (!slice || slice.end <= slice.start) return undefined;
    const expr = this.ir(slice);
    if (this.hasUnseenOption(expr, 0)) return undefined;
    const value = this.evaluator.known(expr);
    return value ? { value: value.value, range: value.range } : undefined;
  }

  /** Whether an alternative of the value (through the names it is declared by) holds nothing the evaluator can see. */
  private hasUnseenOption(expr: ValueExpr, depth: number): boolean {
    if (depth > MAX_DEPTH) return true;
    const target = this.evaluator.follow(expr);
    if (target.kind !== 'alternatives') return false;
    return target.options.some((option) => this.evaluator.values(option).length === 0 || this.hasUnseenOption(option, depth + 1));
  }

  /** An identifier value such as `ExternalUserAgent.sfSafariViewController` or `Broker.webView`: its last name. */
  private enumValue(slice: Slice | undefined): Located<string> | undefined {
    if (!slice || slice.end - slice.start < 1) return undefined;
    const last = slice.tokens[slice.end - 1];
    if (last.kind !== 'identifier') return undefined;
    return { value: last.text, range: { start: last.start, end: last.end } };
  }

  private boolValue(slice: Slice | undefined): Located<boolean> | undefined {
    if (!slice || slice.end - slice.start !== 1) return undefined;
    const t = slice.tokens[slice.start];
    if (t.kind !== 'identifier' || (t.text !== 'true' && t.text !== 'false')) return undefined;
    return { value: t.text === 'true', range: { start: t.start, end: t.end } };
  }

  /**
   * The provider a URL names: the authority to record (the URL, or its known start when the rest is not
   * known), or `seen: false` when the host cannot be seen.
   */
  private authorityOf(slice: Slice | undefined): { seen: boolean; authority?: Located<string> } {
    if (!slice) return { seen: false };
    for (const value of this.evaluate(slice)) {
      const authority = authorityText(value);
      if (authority) return { seen: true, authority: { value: authority, range: value.range } };
    }
    return { seen: false };
  }

  private addRedirects(config: AuthConfig, slice: Slice | undefined, role: RedirectUri['role']): void {
    for (const value of this.evaluate(slice)) {
      const uri = redirectOf(value, config.platform, role);
      if (uri) config.redirectUris.push(uri);
    }
  }

  private newConfig(library: Library, platform: Platform, range: Range): AuthConfig {
    const config: AuthConfig = { kind: 'config', library, platform, redirectUris: [], range };
    this.configs.push(config);
    return config;
  }

  // --- flutter_appauth ---------------------------------------------------------------------------------

  /** `AuthorizationTokenRequest(clientId, redirectUrl, issuer: | discoveryUrl: | serviceConfiguration:, externalUserAgent:)`. */
  private readAppAuth(i: number): void {
    const call = this.call(i);
    if (!call || call.positional.length < 2) return;
    const provider = call.named.get('issuer') ?? call.named.get('discoveryUrl');
    const service = call.named.get('serviceConfiguration');
    if (!provider && !service) return; // flutter_appauth requires one; without one it is another library's class
    let endpoint: Slice | undefined = provider;
    if (!endpoint && service) {
      const configuration = this.constructorCall(service);
      if (configuration?.name === 'AuthorizationServiceConfiguration')
        endpoint = configuration.call.named.get('authorizationEndpoint') ?? configuration.call.positional[0];
    }
    const { seen, authority } = this.authorityOf(endpoint);
    if (!seen) return; // the provider cannot be seen: it may be any OIDC provider
    if (otherProvider(authority)) return; // Google, Okta, Keycloak …: nothing here is Entra's
    const config = this.newConfig('flutter-appauth', 'publicClient', call.range);
    config.authority = authority;
    config.clientId = this.knownValue(call.positional[0]);
    config.userAgent = appAuthUserAgent(this.enumValue(call.named.get('externalUserAgent')), this.boolValue(call.named.get('preferEphemeralSession')));
    this.addRedirects(config, call.positional[1], 'redirect');
  }

  // --- aad_oauth ----------------------------------------------------------------------------------------

  /** aad_oauth's `Config(tenant:, clientId:, scope:, navigatorKey:, redirectUri:, isB2C:, policy:, …)`. */
  private readAadOauth(i: number): void {
    if (this.isPunct(i - 1, '.') || this.isPunct(i - 1, '<')) return; // `x.Config(`, generic type arguments
    const call = this.call(i);
    if (!call || call.positional.length) return;
    const { named } = call;
    const shaped = named.has('tenant') && named.has('clientId') && named.has('navigatorKey');
    if (!shaped && !(this.imported('aad_oauth') && named.has('tenant') && named.has('clientId'))) return;
    const config = this.newConfig('aad-oauth', 'publicClient', call.range);
    config.clientId = this.knownValue(named.get('clientId'));
    const tenant = this.knownValue(named.get('tenant'));
    const custom = named.get('customAuthorizationUrl') ?? named.get('customDomainUrlWithTenantId');
    const b2c = this.boolValue(named.get('isB2C'))?.value === true;
    if (custom) config.authority = this.authorityOf(custom).authority;
    else if (tenant && b2c) {
      const policy = this.knownValue(named.get('policy'))?.value ?? '';
      config.authority = { value: `https://${tenant.value}.b2clogin.com/${tenant.value}.onmicrosoft.com/${policy}`, range: tenant.range };
    } else if (tenant) {
      config.tenant = tenant;
      config.authority = { value: `https://login.microsoftonline.com/${tenant.value}`, range: tenant.range };
    }
    config.userAgent = defaultUserAgent('aad-oauth');
    this.addRedirects(config, named.get('redirectUri'), 'redirect');
    this.addRedirects(config, named.get('postLogoutRedirectUri'), 'postLogout');
  }

  // --- msal_auth ----------------------------------------------------------------------------------------

  /**
   * msal_auth: `SingleAccountPca.create(clientId:, androidConfig: AndroidConfig(configFilePath:, redirectUri:),
   * appleConfig: AppleConfig(authority:, authorityType:, broker:))` (3.x) and
   * `MsalAuth.createPublicClientApplication(clientId:, androidConfig: AndroidConfig(configFilePath:, tenantId:),
   * iosConfig: IosConfig(authority:, authMiddleware:))` (1.x, 2.x). One config per platform.
   */
  private readMsalAuth(i: number): void {
    const call = this.call(i);
    if (!call) return;
    const clientId = this.knownValue(call.named.get('clientId'));
    const android = this.constructorCall(call.named.get('androidConfig'));
    if (android?.name === 'AndroidConfig') {
      const config = this.newConfig('msal-auth-flutter', 'android', android.call.range);
      config.clientId = clientId;
      config.tenant = this.knownValue(android.call.named.get('tenantId'));
      const file = this.knownValue(android.call.named.get('configFilePath'));
      if (file) config.settingsFile = file;
      // Until the asset config is in view: MSAL Android's defaults (broker on, Custom Tabs).
      config.userAgent = {
        ...androidUserAgent(undefined, undefined),
        description: `${androidUserAgent(undefined, undefined).description} (MSAL defaults; the asset config is not in view)`,
      };
      this.addRedirects(config, android.call.named.get('redirectUri'), 'redirect');
    }
    const apple = this.constructorCall(call.named.get('appleConfig') ?? call.named.get('iosConfig'));
    if (apple?.name === 'AppleConfig' || apple?.name === 'IosConfig') {
      const { named } = apple.call;
      const config = this.newConfig('msal-auth-flutter', 'ios', apple.call.range);
      config.clientId = clientId;
      config.authority = this.authorityOf(named.get('authority')).authority;
      const b2c = /b2c/i.test(this.enumValue(named.get('authorityType') ?? named.get('tenantType'))?.value ?? '');
      const broker = this.enumValue(named.get('broker') ?? named.get('authMiddleware'));
      config.userAgent = msalAuthAppleUserAgent(broker, b2c || !brokerEligible(config));
      this.addRedirects(config, named.get('redirectUri'), 'redirect');
    }
  }

  // --- msal_flutter -------------------------------------------------------------------------------------

  /** msal_flutter 2.x/3.x: `MSALPublicClientApplicationConfig(clientId:, androidRedirectUri:, iosRedirectUri:, authority:, androidConfig:)`. */
  private readMsalFlutter(i: number): void {
    const call = this.call(i);
    if (!call) return;
    const { named } = call;
    const clientId = this.knownValue(named.get('clientId'));
    const authority = this.authorityOf(named.get('authority')).authority;
    const androidOptions = this.constructorCall(named.get('androidConfig'));
    const androidNamed = androidOptions?.name === 'MSALAndroidConfig' ? androidOptions.call.named : undefined;
    if (named.has('androidRedirectUri') || androidNamed) {
      const config = this.newConfig('msal-flutter', 'android', call.range);
      config.clientId = clientId;
      const first = this.firstAuthority(androidNamed?.get('authorities'));
      config.authority = first?.url ?? authority;
      // msal_flutter's Authority type defaults to B2C, and MSAL never uses the broker for B2C.
      const eligible = brokerEligible(config) && (!first || first.type.toUpperCase() === 'AAD');
      config.userAgent = androidUserAgent(
        this.enumValue(androidNamed?.get('authorizationUserAgent')),
        this.boolValue(androidNamed?.get('brokerRedirectUriRegistered')),
        eligible,
      );
      this.addRedirects(config, named.get('androidRedirectUri'), 'redirect');
    }
    if (named.has('iosRedirectUri') || !named.has('androidRedirectUri')) {
      const config = this.newConfig('msal-flutter', 'ios', call.range);
      config.clientId = clientId;
      config.authority = authority;
      config.userAgent = msalIosUserAgent(!brokerEligible(config));
      this.addRedirects(config, named.get('iosRedirectUri'), 'redirect');
    }
  }

  /** `authorities: [Authority(authorityUrl: Uri.parse(…), type: 'AAD')]`: the first entry's URL and type (default B2C). */
  private firstAuthority(slice: Slice | undefined): { url?: Located<string>; type: string } | undefined {
    if (!slice || !this.isPunct(slice.start, '[', slice.tokens)) return undefined;
    const entry = this.constructorCall({ ...slice, start: slice.start + 1, end: this.valueEndIn(slice.tokens, slice.start + 1, slice.end) });
    if (entry?.name !== 'Authority') return undefined;
    return { url: this.authorityOf(entry.call.named.get('authorityUrl')).authority, type: this.knownValue(entry.call.named.get('type'))?.value ?? 'B2C' };
  }

  private valueEndIn(tokens: Token[], start: number, end: number): number {
    for (let j = start; j < end; j++) {
      const t = tokens[j];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') {
        const close = this.match(tokens, j);
        if (close > j) j = close;
      } else if (t.text === ',' || t.text === ']') return j;
    }
    return end;
  }

  /** msal_flutter 1.x: `PublicClientApplication.createPublicClientApplication(clientId, authority:, redirectUri:, androidRedirectUri:, iosRedirectUri:)`. */
  private readMsalFlutterLegacy(i: number): void {
    const call = this.call(i);
    if (!call || !call.positional.length) return;
    const { named } = call;
    const clientId = this.knownValue(call.positional[0]);
    const authority = this.authorityOf(named.get('authority')).authority;
    const shared = named.get('redirectUri');
    for (const platform of ['android', 'ios'] as const) {
      const own = named.get(platform === 'android' ? 'androidRedirectUri' : 'iosRedirectUri');
      if (!own && !shared) continue;
      const config = this.newConfig('msal-flutter', platform, call.range);
      config.clientId = clientId;
      config.authority = authority;
      config.userAgent = platform === 'android' ? androidUserAgent(undefined, undefined, brokerEligible(config)) : msalIosUserAgent(!brokerEligible(config));
      this.addRedirects(config, own ?? shared, 'redirect');
    }
  }

  // --- oauth2_client ------------------------------------------------------------------------------------

  /**
   * oauth2_client: `MicrosoftOauth2Client(tenant:, redirectUri:, customUriScheme:)` (its authorize URL is
   * login.microsoftonline.com/<tenant>) and `OAuth2Client(authorizeUrl:, tokenUrl:, redirectUri:, customUriScheme:)`.
   * It signs in through flutter_web_auth_2.
   */
  private readOauth2Client(i: number): void {
    if (this.isPunct(i - 1, '.')) return;
    const call = this.call(i);
    if (!call || call.positional.length || !call.named.has('redirectUri')) return;
    const { named } = call;
    let authority: Located<string> | undefined;
    if (this.tokens[i].text === 'MicrosoftOauth2Client') {
      const tenant = this.knownValue(named.get('tenant'));
      authority = { value: `https://login.microsoftonline.com/${tenant?.value ?? ''}`, range: tenant?.range ?? call.range };
    } else {
      const { seen, authority: url } = this.authorityOf(named.get('authorizeUrl'));
      if (!seen || otherProvider(url)) return;
      authority = url;
    }
    const config = this.newConfig('oauth2-client', 'publicClient', call.range);
    config.authority = authority;
    config.userAgent = defaultUserAgent('oauth2-client');
    this.addRedirects(config, named.get('redirectUri'), 'redirect');
  }

  // --- flutter_web_auth_2 -----------------------------------------------------------------------------

  /** `FlutterWebAuth2.authenticate(url:, callbackUrlScheme:, options: FlutterWebAuth2Options(preferEphemeral:))`. */
  private readWebAuth(i: number): void {
    const call = this.call(i);
    if (!call) return;
    const url = this.urlOf(call.named.get('url'));
    if (!url?.authority) return; // the provider cannot be seen
    if (otherProvider(url.authority)) return; // another provider, or the app's own backend in front of Entra
    const config = this.newConfig('flutter-web-auth', 'publicClient', call.range);
    config.authority = url.authority;
    config.clientId = url.clientId;
    const options = this.constructorCall(call.named.get('options'));
    const ephemeral = options?.name === 'FlutterWebAuth2Options' ? this.boolValue(options.call.named.get('preferEphemeral')) : undefined;
    config.userAgent = webAuthUserAgent(ephemeral);
    for (const value of url.redirects) {
      const uri = redirectOf(value, 'publicClient', 'redirect');
      if (uri) config.redirectUris.push(uri);
    }
    if (config.redirectUris.length) return;
    // No redirect_uri in view: the redirect must use the callback scheme to come back to the app.
    const scheme = this.knownValue(call.named.get('callbackUrlScheme'));
    const name = scheme?.value.trim();
    if (!scheme || !name || /^https?$/i.test(name) || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(name)) return;
    config.redirectUris.push(redirectUri(`${name}://`, scheme.range, 'publicClient', 'scheme', { implied: true, raw: scheme.value, partial: true }));
  }

  /**
   * What an authorize URL says: its authority (the URL up to the query) when the host can be seen, and the
   * `redirect_uri` and `client_id` it carries. Follows `Uri.https(host, path, {query})`, `Uri(…)`,
   * `Uri.parse(…)`, `.toString()` and variables.
   */
  private urlOf(slice: Slice | undefined, depth = 0): { authority?: Located<string>; redirects: Value[]; clientId?: Located<string> } | undefined {
    if (!slice || depth > MAX_DEPTH) return undefined;
    const { tokens } = slice;
    let end = slice.end;
    if (
      end - slice.start >= 4 &&
      this.isPunct(end - 1, ')', tokens) &&
      this.isPunct(end - 2, '(', tokens) &&
      tokens[end - 3]?.text === 'toString' &&
      this.isPunct(end - 4, '.', tokens)
    )
      end -= 4;
    const trimmed = { ...slice, end };
    const built = this.constructorCall(trimmed);
    if (built?.name === 'Uri' && (built.member === 'https' || built.member === 'http' || built.member === undefined)) {
      const { call, member } = built;
      const scheme = member ?? this.knownValue(call.named.get('scheme'))?.value ?? 'https';
      const host = this.knownValue(member ? call.positional[0] : call.named.get('host'));
      const path = this.knownValue(member ? call.positional[1] : call.named.get('path'));
      const query = member ? call.positional[2] : call.named.get('queryParameters');
      const authority = host ? { value: `${scheme}://${host.value}/${(path?.value ?? '').replace(/^\/+/, '')}`, range: host.range } : undefined;
      const entries = this.mapEntries(query);
      return {
        authority,
        redirects: entries.get('redirect_uri') ?? [],
        clientId: entries
          .get('client_id')
          ?.filter(known)
          .map((v) => ({ value: v.value, range: v.range }))[0],
      };
    }
    if (built?.name === 'Uri' && (built.member === 'parse' || built.member === 'tryParse')) return this.urlOf(built.call.positional[0], depth + 1);
    for (const value of this.evaluate(trimmed)) {
      const authority = authorityText(value);
      if (!authority) continue;
      return { authority: { value: authority, range: value.range }, redirects: queryRedirect(value, this.text) };
    }
    return undefined;
  }

  /** `{'key': value, …}`: the values per literal key. */
  private mapEntries(slice: Slice | undefined): Map<string, Value[]> {
    const entries = new Map<string, Value[]>();
    if (!slice) return entries;
    let { tokens, start } = slice;
    if (!this.isPunct(start, '{', tokens)) {
      const declared = this.resolveSlice(slice, start);
      if (declared.length !== 1) return entries;
      start = declared[0].start;
      tokens = this.tokens;
      if (!this.isPunct(start, '{', tokens)) return entries;
    }
    const close = this.match(tokens, start);
    if (close < 0) return entries;
    const list = tokens;
    this.readItems(list, start, close, (entryStart, end) => {
      const key = list[entryStart];
      if (key.kind === 'string' && this.isPunct(entryStart + 1, ':', list) && end > entryStart + 2)
        entries.set(this.literalText(key), this.evaluate({ tokens: list, start: entryStart + 2, end, at: list === this.tokens ? entryStart + 2 : slice.at }));
    });
    return entries;
  }

  /**
   * Calls `readItem(start, end)` for each non-empty comma-separated item between the brackets at `open`
   * and `close` (arguments, map entries); a nested bracket group is skipped whole.
   */
  private readItems(tokens: Token[], open: number, close: number, readItem: (start: number, end: number) => void): void {
    let start = open + 1;
    for (let j = open + 1; j <= close; j++) {
      const t = tokens[j];
      if (j < close && t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
        const end = this.match(tokens, j);
        if (end > j) j = end;
        continue;
      }
      if (j < close && !(t.kind === 'punct' && t.text === ',')) continue;
      if (j > start) readItem(start, j);
      start = j + 1;
    }
  }
}

// --- helpers ------------------------------------------------------------------------------------------

/** The partner of the bracket at `i` in a token list that has no precomputed index (a hole's tokens). */
function scanPartner(tokens: Token[], i: number): number {
  const open = tokens[i]?.text;
  const close = open === '(' ? ')' : open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (!close || tokens[i].kind !== 'punct') return -1;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      if (depth === 0) return t.text === close ? j : -1;
    }
  }
  return -1;
}

/**
 * The authority of a URL value: the URL up to its query when fully known, else its known start when that
 * reaches past the host (`https://login.microsoftonline.com/$tenant` → `https://login.microsoftonline.com/`).
 */
function authorityText(value: Value): string | undefined {
  const full = known(value);
  const text = knownPrefix(value);
  const match = /^\s*https?:\/\/[^/?#\s]+(\/[^?#\s]*)?/i.exec(text);
  if (!match) return undefined;
  if (!full && match[1] === undefined) return undefined; // the host may go on in the unknown part
  return parseAuthority(match[0]) ? match[0] : undefined;
}

/** A redirect from a value; undefined when its scheme cannot be seen (it starts with an unknown piece). */
function redirectOf(value: Value, platform: Platform, role: RedirectUri['role']): RedirectUri | undefined {
  const prefix = knownPrefix(value);
  // A value whose scheme is not known cannot be judged; a relative or odd one only when fully known.
  if (!prefix.trim() || (!/^\s*[A-Za-z][A-Za-z0-9+.-]*:/.test(prefix) && !known(value))) return undefined;
  return redirectUri(value.value, value.range, platform, role, { partial: !known(value) });
}

/**
 * The `redirect_uri` query parameter of a URL written as a string, percent-decoded. Its range is the
 * parameter's text when the literal holds it verbatim, else the literal's.
 */
function queryRedirect(value: Value, text: string): Value[] {
  const match = /[?&]redirect_uri=([^&#]*)/.exec(value.value);
  if (!match) return [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    decoded = match[1];
  }
  let range = value.range;
  // The parameter written verbatim inside the value's literals (adjacent literals each hold part of the URL).
  const at = text.indexOf(`redirect_uri=${match[1]}`, value.range.start);
  if (at >= 0 && at < value.range.end) range = { start: at + 'redirect_uri='.length, end: at + 'redirect_uri='.length + match[1].length };
  return [{ value: decoded, range, ...(value.partial && /\$\{/.test(decoded) ? { partial: true } : {}) }];
}

/** An authority of another identity provider than Microsoft's (flutter_appauth and flutter_web_auth_2 serve any). */
function otherProvider(authority: Located<string> | undefined): boolean {
  return authority !== undefined && parseAuthority(authority.value)?.kind === 'other';
}

/** MSAL uses the broker only with Entra ID authorities (not B2C, External ID or ADFS); unknown counts as Entra. */
function brokerEligible(config: AuthConfig): boolean {
  const provider = config.authority ? parseAuthority(config.authority.value)?.kind : undefined;
  return provider === undefined || provider === 'entra';
}

function appAuthUserAgent(agent: Located<string> | undefined, ephemeral: Located<boolean> | undefined): UserAgent {
  const base = defaultUserAgent('flutter-appauth');
  if (agent?.value === 'sfSafariViewController')
    return { kind: 'system-browser', range: agent.range, description: 'SFSafariViewController on iOS and Custom Tabs on Android (flutter_appauth)' };
  if (agent?.value === 'ephemeralAsWebAuthenticationSession' || ephemeral?.value)
    return {
      kind: 'system-browser',
      range: (agent ?? ephemeral)?.range,
      description: 'an ephemeral ASWebAuthenticationSession on iOS and Custom Tabs on Android (flutter_appauth)',
    };
  return base;
}

function webAuthUserAgent(ephemeral: Located<boolean> | undefined): UserAgent {
  if (ephemeral?.value)
    return {
      kind: 'system-browser',
      range: ephemeral.range,
      description: 'an ephemeral ASWebAuthenticationSession on iOS and Custom Tabs on Android (flutter_web_auth_2)',
    };
  return defaultUserAgent('flutter-web-auth');
}

/** msal_auth on iOS: `Broker.msAuthenticator` (default) uses Microsoft Authenticator, `safariBrowser` SFSafariViewController, `webView` a WKWebView. */
function msalAuthAppleUserAgent(broker: Located<string> | undefined, noBroker: boolean): UserAgent {
  if (broker?.value === 'webView') return { kind: 'embedded', range: broker.range, description: 'an embedded WKWebView (msal_auth Broker.webView)' };
  if (broker?.value === 'safariBrowser')
    return { kind: 'system-browser', range: broker.range, description: 'SFSafariViewController (msal_auth Broker.safariBrowser)' };
  if (noBroker)
    return { kind: 'system-browser', range: broker?.range, description: 'ASWebAuthenticationSession (MSAL never uses the broker with this authority)' };
  return {
    kind: 'broker',
    fallback: 'system-browser',
    range: broker?.range,
    description: 'the broker when Microsoft Authenticator is installed, otherwise an ephemeral ASWebAuthenticationSession (msal_auth)',
  };
}

/** MSAL iOS as msal_flutter creates it: brokerAvailability .auto and the default web view. */
function msalIosUserAgent(noBroker: boolean): UserAgent {
  if (noBroker) return { kind: 'system-browser', description: 'ASWebAuthenticationSession (MSAL never uses the broker with this authority)' };
  return {
    kind: 'broker',
    fallback: 'system-browser',
    description: 'the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession',
  };
}

/**
 * One finding per redirect literal: a redirect written once and used by several calls that sign in the
 * same way (same provider kind and user agent) is kept in the first config only.
 */
function dedupe(configs: AuthConfig[]): AuthConfig[] {
  const seen = new Set<string>();
  for (const config of configs) {
    const how = `${identityProvider(config)}|${config.userAgent?.kind}|${config.userAgent?.fallback}|${config.platform}`;
    config.redirectUris = config.redirectUris.filter((uri) => {
      const key = `${uri.range.start}:${uri.range.end}:${uri.role}|${how}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return configs;
}
