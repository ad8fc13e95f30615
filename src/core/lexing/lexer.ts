import type { ParseProblem, Range } from '../model';
import { insideParse, Pool, scratch } from './scratch';

// The one tokenizer loop of the engine. A language is a `LanguageSpec` (comments, names, numbers, string
// forms with their escapes, interpolation holes, raw/verbatim/heredoc bodies); `lex(text, spec)` turns a
// text into tokens with exact UTF-16 offsets, the comment ranges and the problems of broken input.
//
// Guarantees, for any input: it never throws, never recurses (strings inside holes inside strings are an
// explicit stack of frames), runs in time linear in the text, and every token and range lies inside the
// text, in order. An unclosed string, comment, regex or heredoc becomes a ParseProblem and a token that
// runs as far as the construct does, so callers keep what they can read.
//
// How it works: a stack of frames. The bottom frame is code. A string opener pushes a string frame, whose
// body is read up to its close; an interpolation hole in it (`${`, `{`, `\(`, `$(`) pushes a code frame
// that ends at the hole's closing bracket at bracket depth 0. Code inside holes is lexed by the same loop
// (so nested strings, comments and regexes are followed), but only the bottom frame emits tokens, and
// only the outermost string records its parts (decoded text, and each hole's expression with its range).

export type TokenKind = 'identifier' | 'variable' | 'string' | 'char' | 'number' | 'regex' | 'punct' | 'directive' | 'newline';

/** A piece of a string literal: decoded text, or an interpolation hole with the source text and range of its expression. */
export type TemplatePart = { text: string } | { expression: string; range: Range };

export interface LexToken<Kind extends string = TokenKind> {
  kind: Kind;
  /**
   * Source text of the token. Exceptions: a `variable` is its name without the sigil (`$env:X` → `env:X`),
   * an `identifier` written `@class` or `` `class` `` is the bare name, a `directive` in line mode is the
   * line without its trailing comment, trimmed, and a `newline` is `\n` whatever the line break.
   */
  text: string;
  start: number;
  end: number;
  /** Strings and chars: the decoded parts (empty for ``""``) and the range of the content inside the delimiters. */
  parts?: TemplatePart[];
  /** For a heredoc whose opening line goes on as code (bash), the content follows the rest of that line. */
  content?: Range;
}

export interface LexResult<Kind extends string = TokenKind> {
  tokens: LexToken<Kind>[];
  comments: Range[];
  problems: ParseProblem[];
  /** Deepest nesting of brackets and interpolation holes seen (a caller may refuse deeper text). */
  maxNesting: number;
  /** Closing brackets inside interpolation holes that close nothing there (`${ a) }`). */
  strayClosers: number;
}

/** Decodes the escape whose lead (`\`, `` ` ``) starts at `i`: the text it stands for and how many characters it takes (≥ 1). */
export type EscapeDecoder = (text: string, i: number, leadLength: number) => [decoded: string, length: number];

/** An interpolation hole of a string form. */
export interface HoleForm {
  /** The text that opens it: `${`, `{`, `{{` (C# `$$"""`), `\(`, `\#(` (Swift raw), `$(`, `%{`, `$` (a name hole). */
  open: string;
  /**
   * `code`: an expression up to `close` at bracket depth 0 (strings, comments and brackets inside are
   * followed). `name`: a sigil and a name (`$user`, Groovy `$a.b`), which is its own expression.
   */
  kind: 'code' | 'name';
  /** The closing character of a code hole (`}` or `)`). */
  close?: string;
  /** C# `$$"""`: up to this many closing characters end the hole (`}}`). */
  closeRepeat?: number;
  /** The first character of `open` written twice is literal text (`{{` → `{` in C#/Python, `$${` → `${` in HCL). */
  doubledLeadIsLiteral?: boolean;
  /** Not a hole when `open` is followed by this (C# `$$"""`: `{{{` is a literal brace and then a hole). */
  notFollowedBy?: string;
  /** Characters that end the expression at depth 0 while the hole goes on (C# `{x:N0}`, `{x,10}`; Python `{x!r}`). */
  cut?: string;
  /** A hole of a one-line string ends at a line break (C# `$"…{…"`). */
  singleLine?: boolean;
  /** Name holes: the first character of the name, and the rest. */
  nameStart?: (code: number) => boolean;
  namePart?: (code: number) => boolean;
  /** Groovy `$a.b.c`: a name hole continues over `.name`. */
  dotted?: boolean;
}

/** What kind of literal a string form is (static, one per form of a language). */
export interface StringForm {
  kind: 'string' | 'char';
  /** Named in problems: `string`, `raw string`, `character literal`, `heredoc`, `here-string`. */
  description: string;
  /** The body may span lines (raw, verbatim, triple-quoted, template, here-strings, heredocs). */
  multiline: boolean;
  /** Decodes escapes; absent means none are decoded (an escape lead, if given, still keeps the close from counting). */
  decode?: EscapeDecoder;
  /** The close written twice is one literal close (`@"a""b"`, PowerShell `'it''s'`, `"a""b"`). */
  doubledClose?: boolean;
  /** These characters written twice are one literal (C# `}}` in `$"…"`). */
  doubledLiterals?: string;
  /** The close counts only at the start of a line (PowerShell `"@`). */
  closeAtLineStart?: boolean;
  /** Kotlin `"""a""""`: quotes before the final close are text. */
  greedyClose?: boolean;
  /** A line break right after the opening delimiter is not part of the text (here-strings, Swift/Java `"""`). */
  dropFirstLineBreak?: boolean;
  /** How many characters of the opener an "is not closed" problem marks (default 1: the quote). */
  markLength?: number;
  /** Heredoc (`<<EOF`): the body ends at a line that is the marker (trimmed as said); see StringOpening.marker. */
  heredoc?: {
    /** `<<-` in bash strips leading tabs of each line; HCL `<<-` drops the indentation the lines share. */
    indent?: 'tabs' | 'common';
    /** HCL: the rest of the opening line is ignored and the token runs to the marker; bash: the rest of the line is code. */
    restOfLine: 'ignored' | 'code';
  };
}

/** A string literal recognised at an offset: its form and the delimiters of this occurrence. */
export interface StringOpening {
  form: StringForm;
  /** Characters from the string's start to its content (the opening delimiter and any prefix). */
  contentOffset: number;
  /** The closing delimiter (`"`, `"""`, `"#`, `'@`); for a heredoc, the marker. */
  close: string;
  /** The escape lead of this occurrence (`\`, Swift raw `\#`, PowerShell `` ` ``); absent: no escapes at all. */
  escapeLead?: string;
  holes?: readonly HoleForm[];
}

/** Character classes of ASCII codes, as bits in LanguageSpec tables. */
const SPACE = 1;
const IDENT_START = 2;
const IDENT_PART = 4;
const STRING_START = 8;
const DIGIT = 16;
/** Punctuation that can mean nothing else in the language (no comment, regex, heredoc, name or string starts with it). */
const PLAIN_PUNCT = 32;
/** bash, PowerShell: a character of a `$name` variable. */
const VARIABLE_PART = 64;
/** The first character of a comment opener (a cheap test before comment()). */
const COMMENT_START = 128;

export interface LanguageSpec {
  /** Prefix of problem messages (`C# `), or ''. */
  problemPrefix: string;
  /** Line comment openers (`//`, `#`). */
  lineComments: readonly string[];
  /** bash, PowerShell: `#` opens a comment only where a word starts (not in `a#b`, `$#`, `${#x}`). */
  hashCommentAtWordStart?: boolean;
  blockComment?: { open: string; close: string; nested?: boolean };
  /**
   * `#` at the start of a line: `line` = the whole line is one directive token (C# `#if`), `keyword` = the
   * `#word` is a directive token and the rest of the line is code (C `#define NAME "value"`).
   */
  directives?: 'line' | 'keyword';
  /** Emit a `newline` token per line break of the code (languages where a line break ends a statement). */
  newlines?: boolean;
  /** A first line starting with `#!` is skipped. */
  hashbang?: boolean;
  isIdentifierStart(code: number): boolean;
  isIdentifierPart(code: number): boolean;
  /** Whitespace besides the ASCII space, tab, vertical tab, form feed and the BOM (e.g. JS Unicode spaces). */
  isOtherSpace?(code: number): boolean;
  /** Line breaks besides `\n` and `\r` (JS U+2028, U+2029). */
  isOtherLineBreak?(code: number): boolean;
  /** C# `@class`: this character before a name makes it a plain name. */
  verbatimIdentifierPrefix?: string;
  /** Swift, Kotlin: `` `name` `` is a name. */
  backtickIdentifiers?: boolean;
  /** bash, PowerShell: `$name` / `${name}` in code is a `variable` token. */
  variables?: { namePart(code: number): boolean };
  /** `.5` is a number (JS). */
  leadingDotNumbers?: boolean;
  /** Characters that may start a string literal (quotes and prefix letters such as `@`, `$`, `r`). */
  stringStarts: string;
  /** Recognises a string literal at `i` (whose character is one of `stringStarts`); undefined when there is none. */
  openString(text: string, i: number): StringOpening | undefined;
  /** JS: whether a `/` after this token starts a regex literal (no token before: true). */
  regexAfter?(kind: TokenKind | undefined, text: string): boolean;
  /** Heredoc opener at `<<` (HCL, bash): the opening, with `close` = the marker; the token starts at `i`. */
  openHeredoc?(text: string, i: number): (StringOpening & { openerEnd: number }) | undefined;
}

/** Openings by form, shared by every string written with the same delimiters (see sharedOpening). */
const SHARED_OPENINGS = new WeakMap<StringForm, StringOpening[]>();
/** Delimiter variants kept per form (C# raw strings: one close per number of quotes). */
const MAX_SHARED_OPENINGS = 16;

/**
 * The opening of a string form with these delimiters, one object for all the strings that use them: a
 * language's openString is called for every string of a file, and an object per string was a good part of
 * a parse's garbage. All openings have one shape, so the lexer's reads of them stay fast.
 */
export function sharedOpening(form: StringForm, contentOffset: number, close: string, escapeLead?: string, holes?: readonly HoleForm[]): StringOpening {
  let known = SHARED_OPENINGS.get(form);
  if (known === undefined) SHARED_OPENINGS.set(form, (known = []));
  for (const opening of known) {
    if (opening.contentOffset === contentOffset && opening.close === close && opening.escapeLead === escapeLead && opening.holes === holes) return opening;
  }
  const opening: StringOpening = { form, contentOffset, close, escapeLead, holes };
  if (known.length < MAX_SHARED_OPENINGS) known.push(opening);
  return opening;
}

/**
 * A spec with every field present, in one order: the languages' specs each have their own optional fields,
 * so the lexer's reads of them (several per token) saw a dozen object shapes once a process had lexed a few
 * languages (the lint worker, the CLI, the benchmark) and became slow generic lookups. One shape keeps them fast.
 */
const uniformSpecs = new WeakMap<LanguageSpec, LanguageSpec>();

function uniform(spec: LanguageSpec): LanguageSpec {
  let same = uniformSpecs.get(spec);
  if (same) return same;
  same = {
    problemPrefix: spec.problemPrefix,
    lineComments: spec.lineComments,
    hashCommentAtWordStart: spec.hashCommentAtWordStart,
    blockComment: spec.blockComment,
    directives: spec.directives,
    newlines: spec.newlines,
    hashbang: spec.hashbang,
    isIdentifierStart: spec.isIdentifierStart,
    isIdentifierPart: spec.isIdentifierPart,
    isOtherSpace: spec.isOtherSpace,
    isOtherLineBreak: spec.isOtherLineBreak,
    verbatimIdentifierPrefix: spec.verbatimIdentifierPrefix,
    backtickIdentifiers: spec.backtickIdentifiers,
    variables: spec.variables,
    leadingDotNumbers: spec.leadingDotNumbers,
    stringStarts: spec.stringStarts,
    openString: spec.openString,
    regexAfter: spec.regexAfter,
    openHeredoc: spec.openHeredoc,
  } satisfies { [K in keyof Required<LanguageSpec>]: LanguageSpec[K] };
  uniformSpecs.set(spec, same);
  uniformSpecs.set(same, same);
  return same;
}

/** A spec with its ASCII class table (built once per spec). */
const tables = new WeakMap<LanguageSpec, Uint8Array>();

function classTable(spec: LanguageSpec): Uint8Array {
  let table = tables.get(spec);
  if (table) return table;
  table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (c === 32 || c === 9 || c === 11 || c === 12) table[c] |= SPACE;
    if (spec.isIdentifierStart(c)) table[c] |= IDENT_START;
    if (spec.isIdentifierPart(c)) table[c] |= IDENT_PART;
    if (c >= 48 && c <= 57) table[c] |= DIGIT;
  }
  for (const ch of spec.stringStarts) if (ch.charCodeAt(0) < 128) table[ch.charCodeAt(0)] |= STRING_START;
  const special = new Set<string>(['#', '/']);
  for (const open of [...spec.lineComments, spec.blockComment?.open ?? '']) if (open) special.add(open[0]);
  if (spec.openHeredoc) special.add('<');
  if (spec.backtickIdentifiers) special.add('`');
  if (spec.verbatimIdentifierPrefix) special.add(spec.verbatimIdentifierPrefix);
  if (spec.variables) special.add('$');
  // A character codeStep can only make a one-character punct token of: no name, number, string or comment
  // starts with it. A name part that starts none (bash's and PowerShell's `-`) is one when it stands alone.
  const starts = SPACE | IDENT_START | DIGIT | STRING_START;
  for (let c = 33; c < 127; c++) if (!(table[c] & starts) && !special.has(String.fromCharCode(c))) table[c] |= PLAIN_PUNCT;
  if (spec.variables) for (let c = 0; c < 128; c++) if (spec.variables.namePart(c)) table[c] |= VARIABLE_PART;
  for (const open of [...spec.lineComments, spec.blockComment?.open ?? '']) if (open && open.charCodeAt(0) < 128) table[open.charCodeAt(0)] |= COMMENT_START;
  tables.set(spec, table);
  return table;
}

/**
 * Receives the bottom frame's tokens instead of the token list (no objects are made): for scans that only
 * need kinds and offsets. Strings and chars still arrive once, when they end.
 */
export type TokenSink = (kind: TokenKind, start: number, end: number) => void;

interface CodeFrame {
  type: 'code';
  /** For a hole: its closing character code (-1 for the bottom frame). */
  close: number;
  closeRepeat: number;
  singleLine: boolean;
  cut: string;
  depth: number;
  /** Offset where the hole's expression starts, and where a cut character ended it (-1: none). */
  holeStart: number;
  cutAt: number;
  /** The previous token of this frame, for `regexAfter`. */
  prevKind: TokenKind | undefined;
  prevStart: number;
  prevEnd: number;
}

interface StringFrame {
  type: 'string';
  opening: StringOpening;
  start: number;
  /** A string of the bottom frame (it makes a token); strings inside holes are only read past. */
  outermost: boolean;
  /** The parts, recorded when the token needs them now (eager lexing, a decode, a heredoc). */
  parts: TemplatePart[] | undefined;
  literal: string;
  /** The token to fill when the string ends (pre-made for a heredoc). */
  token?: LexToken;
  /** Where the content starts (after a dropped first line break). */
  contentStart: number;
  specials: Uint8Array;
}

type Frame = CodeFrame | StringFrame;

const LF = 10;
const CR = 13;
/** At most this many token slots are made up front (a 4 MB file's worth); more grow the list. */
const TOKEN_SLOTS_MAX = 1 << 20;
/** Tokens per character of the last text of each language (of at least DENSITY_SAMPLE_MIN characters). */
const tokenDensity = new WeakMap<LanguageSpec, number>();
const DENSITY_SAMPLE_MIN = 4096;

/** Token slots to make for a text: its language's last density, a little over, or one token per 8 characters. */
function expectedTokens(spec: LanguageSpec, length: number): number {
  const density = tokenDensity.get(spec) ?? 1 / 8;
  return Math.min(TOKEN_SLOTS_MAX, Math.ceil(length * density * 1.1) + 16);
}
const BOM = 0xfeff;
/** What a string token of an engine parse needs to decode its parts when they are first read. */
interface LazySource {
  text: string;
  spec: LanguageSpec;
  /** One decoder per lexed text, made on the first read. */
  decoder?: Lexer;
}

/**
 * A token of an engine parse. Its string parts and content range are decoded when first read: most strings
 * of a file are never read (the readers look at the few near the calls they know), and decoding every
 * one made most of a parse's garbage (the parts arrays, text pieces and ranges). A decode lexes the one
 * string again from its start, with the same spec, so it gives what an eager lex gives (the differential
 * fuzz test holds the two equal).
 */
class ParseToken implements LexToken {
  kind: TokenKind = 'punct';
  text = '';
  start = -1;
  end = -1;
  private decodedParts: TemplatePart[] | undefined = undefined;
  private decodedContent: Range | undefined = undefined;
  /** Set while a string's parts are not decoded yet. */
  source: LazySource | undefined = undefined;

  get parts(): TemplatePart[] | undefined {
    if (this.source !== undefined) this.decode(this.source);
    return this.decodedParts;
  }

  set parts(parts: TemplatePart[] | undefined) {
    this.decodedParts = parts;
  }

  get content(): Range | undefined {
    if (this.source !== undefined) this.decode(this.source);
    return this.decodedContent;
  }

  set content(content: Range | undefined) {
    this.decodedContent = content;
  }

  /** Empties the token (the parse that held it ended): nothing of its text stays. */
  reset(): void {
    this.text = '';
    this.start = -1;
    this.end = -1;
    // Most tokens have none of these: a read is cheaper than a store.
    if (this.decodedParts !== undefined) this.decodedParts = undefined;
    if (this.decodedContent !== undefined) this.decodedContent = undefined;
    if (this.source !== undefined) this.source = undefined;
  }

  private decode(source: LazySource): void {
    this.source = undefined;
    const decoder = (source.decoder ??= new Lexer(source.text, source.spec, undefined, true));
    decoder.decodeStringAt(this.start);
    this.decodedParts = decoder.decodedParts;
    this.decodedContent = decoder.decodedContent;
  }
}

/**
 * Token objects of the engine's parses (scratch.ts): 80,000 kept (a file of about 300 KB), up to 300,000 while
 * files of about a megabyte are being linted, fresh objects beyond.
 */
const TOKENS_KEPT = 80_000;
const TOKENS = new Pool<ParseToken>(
  () => new ParseToken(),
  (token) => token.reset(),
  TOKENS_KEPT,
  300_000,
);

/** A token that holds nothing: what a kept token list reads once its parse is over. */
const EMPTY_TOKEN = new ParseToken();
/** Lists of fewer slots are made per lex (young-generation arrays, cheap); these and bigger ones are kept. */
const KEPT_LIST_MIN = 8_192;
/** A list grown past this (a file of a megabyte) is let go when its parse ends instead of kept. */
const KEPT_LIST_MAX = 100_000;

/**
 * Token lists of the engine's big lexes, two kept from one parse to the next. A new list of a 100 KB file's
 * 25,000 slots is over V8's regular object size, so it is made in the large-object space, in the old
 * generation: making it cost about a tenth of the file's lint (Swift 100 KB CPU minimum 2.5 → 2.2 ms kept)
 * and each one brought the next full GC nearer. A kept list holds no token of the file once its parse ends:
 * the pool's tokens are reset then (see Pool), and a list that also got others is filled with EMPTY_TOKEN.
 */
const TOKEN_LISTS = new Pool<LexToken[]>(
  () => [],
  (list) => {
    for (const memo of MEMOS) memo.forget(list);
    if (list.length > KEPT_LIST_MAX) list.length = 0;
    else if (HOLDS_UNKEPT_TOKENS.delete(list)) list.fill(EMPTY_TOKEN);
  },
  2,
);

/**
 * Lists whose lex took tokens the pool does not keep for good (its burst, or fresh ones past it): only
 * these are filled when their parse ends. Filling the others (25,000 slots per 100 KB) cost about 2% of a
 * lint and dropped no pointer the pool does not hold anyway.
 */
const HOLDS_UNKEPT_TOKENS = new WeakSet<LexToken[]>();

const MEMOS: TokenListMemo<unknown>[] = [];

/**
 * What a reader computes once per token list (a bracket table), kept by the list's identity. Not a plain
 * WeakMap: a kept list is the next parse's list too, so its entries are dropped when its parse ends.
 */
export class TokenListMemo<V> {
  private readonly entries = new WeakMap<readonly LexToken[], V>();

  constructor() {
    MEMOS.push(this as TokenListMemo<unknown>);
  }

  get(list: readonly LexToken[]): V | undefined {
    return this.entries.get(list);
  }

  set(list: readonly LexToken[], value: V): void {
    this.entries.set(list, value);
  }

  /** @internal The list's parse ended. */
  forget(list: readonly LexToken[]): void {
    this.entries.delete(list);
  }
}

/** The token list of a lex of about `expected` tokens. */
function tokenList(expected: number): LexToken[] {
  const kept = expected >= KEPT_LIST_MIN ? TOKEN_LISTS.take() : undefined;
  if (!kept) return scratch(new Array<LexToken>(expected));
  if (kept.length < expected) kept.length = expected;
  return kept;
}

/** Characters of a hole read without its frame (openHole): ASCII letters, digits, `_`, `.`, space and tab. */
const PLAIN_HOLE = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (/[A-Za-z0-9_. \t]/.test(String.fromCharCode(c))) PLAIN_HOLE[c] = 1;

/** @internal For the differential test only: false sends every string, name and hole through the general path. */
export const FAST_PATHS = { enabled: true };

/** A token object of the engine's parse: from the pool, or a fresh one when the pool is exhausted. */
function parseToken(kind: TokenKind, text: string, start: number, end: number): ParseToken {
  const token = TOKENS.take() ?? new ParseToken();
  token.kind = kind;
  token.text = text;
  token.start = start;
  token.end = end;
  return token;
}

/** A token, from the pool during an engine parse. Every token of a parse is a ParseToken, so readers see one shape. */
function makeToken(kind: TokenKind, text: string, start: number, end: number, parts?: TemplatePart[], content?: Range): LexToken {
  if (!insideParse()) return parts === undefined && content === undefined ? { kind, text, start, end } : { kind, text, start, end, parts, content };
  const token = parseToken(kind, text, start, end);
  token.parts = parts;
  token.content = content;
  return token;
}

/** A string or char of an engine parse whose parts are decoded when first read. */
function lazyString(kind: TokenKind, text: string, start: number, end: number, source: LazySource): LexToken {
  const token = parseToken(kind, text, start, end);
  token.source = source;
  return token;
}

const specialTables = new Map<string, Uint8Array>();

/** A specials table with the delimiters it is for. */
interface KnownSpecials {
  form: StringForm;
  close: string;
  escapeLead?: string;
  holes?: readonly HoleForm[];
  table: Uint8Array;
}

/** Tables by string form (static objects of the language specs), a few delimiters each. */
const SPECIALS_BY_FORM = new WeakMap<StringForm, KnownSpecials[]>();
/** Delimiters kept per form (Swift raw strings: one close per number of `#`). */
const MAX_KNOWN_SPECIALS = 8;

const sameDelimiters = (known: KnownSpecials, opening: StringOpening): boolean =>
  known.form === opening.form && known.close === opening.close && known.escapeLead === opening.escapeLead && known.holes === opening.holes;

/** Characters that interrupt a literal run of a string body: line breaks, and the first character of each delimiter. */
function specialsOf(opening: StringOpening): Uint8Array {
  let key = opening.close[0] ?? '';
  if (opening.escapeLead) key += opening.escapeLead[0];
  for (const hole of opening.holes ?? []) key += hole.open[0];
  key += opening.form.doubledLiterals ?? '';
  let table = specialTables.get(key);
  if (!table) {
    table = new Uint8Array(128);
    table[LF] = 1;
    table[CR] = 1;
    for (const ch of key) if (ch.charCodeAt(0) < 128) table[ch.charCodeAt(0)] = 1;
    specialTables.set(key, table);
  }
  return table;
}

/** Index of the token that starts at `offset` in a list in text order (binary search), or -1 (inside a token, string or comment). */
export function tokenStartingAt(tokens: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = tokens[middle].start;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Tokenizes `text` with `spec`. Never throws; see the module header for the guarantees. */
export function lex<Kind extends string = TokenKind>(text: string, spec: LanguageSpec, sink?: TokenSink): LexResult<Kind> {
  return new Lexer(text, spec, sink).run() as unknown as LexResult<Kind>;
}

class Lexer {
  /** Dropped when the engine's parse of the file ends (see scratch.ts). */
  private readonly tokens: LexToken[];
  /** Tokens made so far (the list is sized up front and cut to this when the run ends). */
  private count = 0;
  private readonly comments: Range[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly frames: Frame[] = [];
  /** Frame objects by stack depth, for reuse (see pushString, openHole). */
  private readonly spareStringFrames: (StringFrame | undefined)[] = [];
  private readonly spareCodeFrames: (CodeFrame | undefined)[] = [];
  private readonly table: Uint8Array;
  private lastSpecials?: KnownSpecials;
  private readonly length: number;
  private i = 0;
  private atLineStart = true;
  private nesting = 0;
  private maxNesting = 0;
  private strayClosers = 0;
  /** bash heredocs whose bodies start after the current line. */
  private pendingHeredocs: { token: LexToken; opening: StringOpening }[] = [];
  /** In an engine parse: strings get their parts when first read (ParseToken). */
  private readonly lazy: LazySource | undefined;
  /** What decodeStringAt found. */
  decodedParts: TemplatePart[] | undefined;
  decodedContent: Range | undefined;

  /** `decoding`: this lexer only decodes strings of `text` for lazy tokens (decodeStringAt). */
  private readonly spec: LanguageSpec;

  constructor(
    private readonly text: string,
    spec: LanguageSpec,
    private readonly sink?: TokenSink,
    private readonly decoding = false,
  ) {
    this.spec = spec = uniform(spec);
    this.table = classTable(spec);
    this.length = text.length;
    // Sized up front from the density of the language's last text (8 characters a token before any): a
    // list grown by push copies itself a dozen times on the way to a big file's 25,000 tokens, all of it
    // garbage; one made at its size is made once (a big one is kept from the last parse, see tokenList).
    // Writes past the end still grow it.
    this.tokens = sink || decoding ? [] : tokenList(expectedTokens(spec, text.length));
    this.lazy = !decoding && !sink && insideParse() ? { text, spec } : undefined;
  }

  /** The parts and content range of the string or char that starts at `start` (a token of an earlier lex of this text). */
  decodeStringAt(start: number): void {
    // Called for every string a reader reads: the bottom frame and the lists are kept from one call to the next.
    if (this.frames.length === 0) this.frames.push(codeFrame(-1, 1, false, '', -1));
    this.frames.length = 1;
    if (this.problems.length) this.problems.length = 0;
    if (this.comments.length) this.comments.length = 0;
    this.nesting = 0;
    this.decodedParts = [];
    this.decodedContent = { start, end: start };
    const opening = this.spec.openString(this.text, start);
    if (!opening) return; // not a string start: the token was made otherwise (never for a lazy token)
    this.pushString(opening, start);
    while (this.frames.length > 1 && this.i < this.length) {
      const frame = this.frames[this.frames.length - 1];
      if (frame.type === 'string') this.stringStep(frame);
      else this.holeRun(frame);
    }
    if (this.frames.length > 1) this.abandon(this.length);
  }

  run(): LexResult {
    const { text, spec } = this;
    if (spec.hashbang && text.startsWith('#!')) this.i = this.lineEnd(0);
    this.frames.push(codeFrame(-1, 1, false, '', -1));
    while (this.i < this.length) {
      const frame = this.frames[this.frames.length - 1];
      if (frame.type === 'string') this.stringStep(frame);
      else if (this.frames.length === 1) this.codeRun(frame);
      else this.holeRun(frame);
    }
    this.endOfText();
    this.tokens.length = this.count;
    // More lent than kept: this list may hold tokens the pool lets go (a lex of a megabyte, or of many files).
    if (TOKENS.mark() > TOKENS_KEPT) HOLDS_UNKEPT_TOKENS.add(this.tokens);
    if (this.length >= DENSITY_SAMPLE_MIN) tokenDensity.set(spec, this.count / this.length);
    return {
      tokens: this.tokens,
      comments: this.comments,
      problems: this.problems,
      maxNesting: this.maxNesting,
      strayClosers: this.strayClosers,
    };
  }

  private isLineBreak(code: number): boolean {
    return code === LF || code === CR || (code > 127 && this.spec.isOtherLineBreak?.(code) === true);
  }

  private lineEnd(from: number): number {
    let j = from;
    while (j < this.length && !this.isLineBreak(this.text.charCodeAt(j))) j++;
    return j;
  }

  private lineBreakLength(at: number): number {
    return this.text.charCodeAt(at) === CR && this.text.charCodeAt(at + 1) === LF ? 2 : 1;
  }

  private emit(kind: TokenKind, start: number, end: number, text?: string): void {
    this.notePrevious(kind, start, end);
    if (this.frames.length !== 1) return;
    if (this.sink) this.sink(kind, start, end);
    else this.tokens[this.count++] = makeToken(kind, text ?? this.text.slice(start, end), start, end);
  }

  /**
   * specialsOf, remembered per form and delimiters: a file's strings mix a few (Python `"…"`, `f"…"`,
   * `"""…"""`), and building the table's key for each string made a string per string.
   */
  private specialsOf(opening: StringOpening): Uint8Array {
    const last = this.lastSpecials;
    if (last && sameDelimiters(last, opening)) return last.table;
    let known = SPECIALS_BY_FORM.get(opening.form);
    if (!known) SPECIALS_BY_FORM.set(opening.form, (known = []));
    for (const entry of known) {
      if (!sameDelimiters(entry, opening)) continue;
      this.lastSpecials = entry;
      return entry.table;
    }
    const entry: KnownSpecials = { form: opening.form, close: opening.close, escapeLead: opening.escapeLead, holes: opening.holes, table: specialsOf(opening) };
    // Not kept across files: a heredoc's close is a marker of the file's own text.
    if (!opening.form.heredoc && known.length < MAX_KNOWN_SPECIALS) known.push(entry);
    this.lastSpecials = entry;
    return entry.table;
  }

  private problem(message: string, start: number, end: number): void {
    this.problems.push({ message: `${this.spec.problemPrefix}${message}`, range: { start, end: Math.min(this.length, end) } });
  }

  // --- code ------------------------------------------------------------------------------------------

  /**
   * Code of the bottom frame, the bulk of any file: names, spaces, line breaks and plain punctuation in one
   * tight loop; anything else (and code inside holes) goes through codeStep.
   */
  private codeRun(frame: CodeFrame): void {
    const { text, table, length, tokens, spec, sink } = this;
    const newlines = spec.newlines === true;
    const leadingDot = spec.leadingDotNumbers === true;
    const fast = FAST_PATHS.enabled;
    let i = this.i;
    let count = this.count;
    while (i < length) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? table[c] : 0;
      // A letter that may open a string (Python `r"…"`, Dart `r'…'`) is a name when no string opens there.
      if (cls & IDENT_START && (!(cls & STRING_START) || (fast && spec.openString(text, i) === undefined))) {
        let j = i + 1;
        while (j < length) {
          const d = text.charCodeAt(j);
          if (d < 128 ? (table[d] & IDENT_PART) === 0 : !spec.isIdentifierPart(d)) break;
          j++;
        }
        // A slice per name: sharing one string per distinct name (a hash table lookup and a compare per
        // name) cost more than the short-lived strings it saved (A/B in one process: lints 2-9% slower).
        if (sink) sink('identifier', i, j);
        else tokens[count++] = makeToken('identifier', text.slice(i, j), i, j);
        frame.prevKind = 'identifier';
        frame.prevStart = i;
        frame.prevEnd = j;
        this.atLineStart = false;
        i = j;
      } else if (cls & SPACE) {
        i++;
      } else if (cls & PLAIN_PUNCT && !(c === 46 && leadingDot && isDigit(text.charCodeAt(i + 1)))) {
        if (c === 40 || c === 91 || c === 123) {
          frame.depth++;
          this.enter();
        } else if ((c === 41 || c === 93 || c === 125) && frame.depth > 0) {
          frame.depth--;
          this.nesting--;
        }
        if (sink) sink('punct', i, i + 1);
        else tokens[count++] = makeToken('punct', text[i], i, i + 1);
        frame.prevKind = 'punct';
        frame.prevStart = i;
        frame.prevEnd = i + 1;
        this.atLineStart = false;
        i++;
      } else if ((c === LF || c === CR) && this.pendingHeredocs.length === 0) {
        const end = c === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        if (newlines) {
          if (sink) sink('newline', i, end);
          else tokens[count++] = makeToken('newline', '\n', i, end);
        }
        this.atLineStart = true;
        i = end;
      } else break;
    }
    this.i = i;
    this.count = count;
    if (i < length) this.codeStep(frame);
  }

  /**
   * Code inside an interpolation hole (`"${a.b(c)}"`): names, spaces and plain punctuation in one loop, read
   * as codeStep reads them but without its other checks and a return to run() per token; the hole's close or
   * a cut character at depth 0, and anything else, go through codeStep.
   */
  private holeRun(frame: CodeFrame): void {
    if (!FAST_PATHS.enabled) {
      this.codeStep(frame);
      return;
    }
    const { text, table, length, spec } = this;
    const leadingDot = spec.leadingDotNumbers === true;
    let i = this.i;
    while (i < length) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? table[c] : 0;
      if (cls & IDENT_START && !(cls & STRING_START)) {
        this.atLineStart = false;
        this.identifier(i);
        i = this.i;
      } else if (cls & SPACE) {
        i++;
      } else if (cls & PLAIN_PUNCT && !(c === 46 && leadingDot && isDigit(text.charCodeAt(i + 1)))) {
        if (frame.depth === 0 && (c === frame.close || (frame.cutAt < 0 && frame.cut.includes(text[i])))) break;
        this.atLineStart = false;
        this.punct(frame, c, i);
        i = this.i;
      } else break;
    }
    this.i = i;
    if (i < length) this.codeStep(frame);
  }

  private codeStep(frame: CodeFrame): void {
    const { text, spec, table } = this;
    const i = this.i;
    const c = text.charCodeAt(i);
    const cls = c < 128 ? table[c] : 0;
    const bottom = this.frames.length === 1;

    if (cls & IDENT_START && !(cls & STRING_START)) {
      // The common case first: a name (no comment, directive or string starts with these letters).
      this.atLineStart = false;
      this.identifier(i);
      return;
    }
    if (c === LF || c === CR || (c > 127 && spec.isOtherLineBreak?.(c))) {
      const end = i + this.lineBreakLength(i);
      if (frame.close >= 0 && frame.singleLine) {
        this.endHole(frame, i, false);
        return;
      }
      if (bottom) {
        this.atLineStart = true;
        if (spec.newlines) {
          if (this.sink) this.sink('newline', i, end);
          else this.tokens[this.count++] = makeToken('newline', '\n', i, end);
        }
        this.i = end;
        if (this.pendingHeredocs.length) this.startHeredocBodies();
        return;
      }
      this.i = end;
      return;
    }
    if (cls & SPACE || c === BOM || (c > 127 && spec.isOtherSpace?.(c))) {
      let j = i + 1;
      while (j < this.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      this.i = j;
      return;
    }
    if (frame.close >= 0 && frame.depth === 0) {
      if (c === frame.close) {
        this.endHole(frame, i, true);
        return;
      }
      if (frame.cutAt < 0 && frame.cut.includes(text[i])) frame.cutAt = i;
    }
    if (((cls & COMMENT_START) !== 0 || c > 127) && this.comment(c, i)) return;
    if (c === 35 /* # */ && spec.directives && bottom && this.atLineStart && this.directive(i)) return;
    this.atLineStart = false;
    if (cls & STRING_START || (c > 127 && spec.stringStarts.includes(text[i]))) {
      const opening = spec.openString(text, i);
      if (opening) {
        this.pushString(opening, i);
        return;
      }
    }
    if (cls & IDENT_START || (c > 127 && spec.isIdentifierStart(c))) {
      this.identifier(i);
      return;
    }
    if (cls & DIGIT || (spec.leadingDotNumbers && c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      this.i = this.numberEnd(i);
      this.emit('number', i, this.i);
      return;
    }
    if (this.specialName(c, i)) return;
    if (c === 60 /* < */ && spec.openHeredoc && text.charCodeAt(i + 1) === 60 && bottom) {
      const heredoc = spec.openHeredoc(text, i);
      if (heredoc) {
        this.heredoc(heredoc, i);
        return;
      }
    }
    if (c === 47 /* / */ && spec.regexAfter && spec.regexAfter(frame.prevKind, text.slice(frame.prevStart, frame.prevEnd))) {
      this.regex(i);
      return;
    }
    this.punct(frame, c, i);
  }

  /** A name at `i`. */
  private identifier(i: number): void {
    const { text } = this;
    let j = i + 1;
    for (let d = text.charCodeAt(j); j < this.length && this.isPart(d); d = text.charCodeAt(++j));
    this.i = j;
    this.emit('identifier', i, j);
  }

  private isPart(code: number): boolean {
    return code < 128 ? (this.table[code] & IDENT_PART) !== 0 : this.spec.isIdentifierPart(code);
  }

  private punct(frame: CodeFrame, c: number, i: number): void {
    this.i = i + 1;
    if (c === 40 || c === 91 || c === 123) {
      frame.depth++;
      this.enter();
    } else if (c === 41 || c === 93 || c === 125) {
      if (frame.depth > 0) {
        frame.depth--;
        this.nesting--;
      } else if (frame.close >= 0) this.strayClosers++;
    }
    this.emit('punct', i, i + 1, this.text[i]);
  }

  private enter(): void {
    if (++this.nesting > this.maxNesting) this.maxNesting = this.nesting;
  }

  /** Line and block comments at `i`; true when one was read. */
  private comment(c: number, i: number): boolean {
    const { text, spec } = this;
    const block = spec.blockComment;
    if (block && c === block.open.charCodeAt(0) && text.startsWith(block.open, i)) {
      this.i = this.blockCommentEnd(i, block);
      this.comments.push({ start: i, end: this.i });
      return true;
    }
    for (const open of spec.lineComments) {
      if (c !== open.charCodeAt(0) || !text.startsWith(open, i)) continue;
      if (c === 35 && spec.hashCommentAtWordStart && !isWordBoundary(text.charCodeAt(i - 1))) continue;
      if (c === 35 && spec.directives && this.frames.length === 1 && this.atLineStart && this.isDirectiveAt(i)) continue;
      this.i = this.lineEnd(i);
      this.comments.push({ start: i, end: this.i });
      return true;
    }
    return false;
  }

  private blockCommentEnd(start: number, block: { open: string; close: string; nested?: boolean }): number {
    const { text } = this;
    if (!block.nested) {
      const close = text.indexOf(block.close, start + block.open.length);
      if (close >= 0) return close + block.close.length;
    } else {
      let depth = 1;
      let j = start + block.open.length;
      while (j < this.length) {
        if (text.startsWith(block.close, j)) {
          j += block.close.length;
          if (--depth === 0) return j;
        } else if (text.startsWith(block.open, j)) {
          depth++;
          j += block.open.length;
        } else j++;
      }
    }
    this.problem(`comment is not closed (missing ${block.close})`, start, start + block.open.length);
    return this.length;
  }

  private isDirectiveAt(i: number): boolean {
    let j = i + 1;
    while (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9) j++;
    const c = this.text.charCodeAt(j);
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  }

  /** `#if …` (line mode: any `#` that starts a line) or `#define` (keyword mode: `#` and a word) at the start of a line. */
  private directive(i: number): boolean {
    const { text } = this;
    if (this.spec.directives === 'keyword' && !this.isDirectiveAt(i)) return false;
    this.atLineStart = false;
    if (this.spec.directives === 'keyword') {
      let j = i + 1;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      while (j < this.length && this.isPart(text.charCodeAt(j))) j++;
      this.i = j;
      this.emit('directive', i, j, text.slice(i, j).replace(/\s+/g, ''));
      return true;
    }
    const end = this.lineEnd(i);
    const line = text.slice(i, end);
    const comment = line.indexOf('//');
    if (comment >= 0) this.comments.push({ start: i + comment, end });
    this.i = end;
    this.emit('directive', i, end, (comment >= 0 ? line.slice(0, comment) : line).trim());
    return true;
  }

  private numberEnd(from: number): number {
    const { text } = this;
    // `0x…`, `0b…`, `0o…` (either case): no exponent sign follows.
    const prefix = text.charCodeAt(from + 1) | 32;
    const radix = text.charCodeAt(from) === 48 && (prefix === 120 || prefix === 98 || prefix === 111);
    let j = from + 1;
    while (j < this.length) {
      const c = text.charCodeAt(j);
      if (isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46) j++;
      else if ((c === 43 || c === 45) && !radix && isDigit(text.charCodeAt(j + 1)) && DECIMAL_WITH_EXPONENT.test(text.slice(from, j)))
        j++; // 1e-5
      else break;
    }
    return j;
  }

  /** `@name`, `` `name` ``, `$name`, `${name}`: true when one was read. */
  private specialName(c: number, i: number): boolean {
    const { text, spec } = this;
    if (spec.verbatimIdentifierPrefix && text[i] === spec.verbatimIdentifierPrefix && spec.isIdentifierStart(text.charCodeAt(i + 1))) {
      let j = i + 2;
      while (j < this.length && this.isPart(text.charCodeAt(j))) j++;
      this.i = j;
      this.emit('identifier', i, j, text.slice(i + 1, j));
      return true;
    }
    if (spec.backtickIdentifiers && c === 96) {
      let j = i + 1;
      while (j < this.length && text.charCodeAt(j) !== 96 && !this.isLineBreak(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 96 || j === i + 1) return false;
      this.i = j + 1;
      this.emit('identifier', i, j + 1, text.slice(i + 1, j));
      return true;
    }
    if (spec.variables && c === 36 /* $ */) {
      if (text.charCodeAt(i + 1) === 123 /* { */) {
        const close = text.indexOf('}', i + 2);
        const lineEnd = this.lineEnd(i);
        if (close < 0 || close > lineEnd) return false;
        this.i = close + 1;
        this.emit('variable', i, close + 1, text.slice(i + 2, close));
        return true;
      }
      let j = i + 1;
      const { table } = this;
      for (let d = text.charCodeAt(j); j < this.length && (d < 128 ? (table[d] & VARIABLE_PART) !== 0 : spec.variables.namePart(d)); d = text.charCodeAt(++j));
      if (j === i + 1) return false;
      this.i = j;
      // A token only the bottom frame keeps: the name is sliced only there.
      this.emit('variable', i, j, this.frames.length === 1 && !this.sink ? text.slice(i + 1, j) : '');
      return true;
    }
    return false;
  }

  private regex(start: number): void {
    const { text } = this;
    let inClass = false;
    for (let j = start + 1; j < this.length; j++) {
      const c = text.charCodeAt(j);
      if (this.isLineBreak(c)) break;
      if (c === 92) j++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        let k = j + 1;
        while (k < this.length && this.isPart(text.charCodeAt(k))) k++;
        this.i = k;
        this.emit('regex', start, k);
        return;
      }
    }
    const end = Math.min(this.length, this.lineEnd(start));
    this.problem('regular expression is not closed (missing /)', start, start + 1);
    this.i = end;
    this.emit('regex', start, end);
  }

  private endHole(frame: CodeFrame, at: number, closed: boolean): void {
    this.frames.pop();
    this.nesting -= 1 + frame.depth;
    const owner = this.frames[this.frames.length - 1] as StringFrame;
    if (owner.parts) {
      const end = frame.cutAt >= 0 ? frame.cutAt : at;
      owner.parts.push({ expression: this.text.slice(frame.holeStart, end).trim(), range: { start: frame.holeStart, end } });
    }
    let k = at;
    if (closed) for (let n = 0; n < frame.closeRepeat && this.text.charCodeAt(k) === frame.close; n++) k++;
    this.i = k;
  }

  // --- strings ---------------------------------------------------------------------------------------

  /** `contentStart`: where a heredoc's body starts (its opening line goes on); other strings' content follows their opener. */
  private pushString(opening: StringOpening, start: number, token?: LexToken, contentStart = start + opening.contentOffset): void {
    const outermost = this.frames.length === 1 || token !== undefined;
    if (opening.form.dropFirstLineBreak) {
      let j = contentStart;
      while (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9) j++;
      if (this.isLineBreak(this.text.charCodeAt(j))) contentStart = j + this.lineBreakLength(j);
    }
    const specials = this.specialsOf(opening);
    if (outermost && !token && FAST_PATHS.enabled && this.plainString(opening, start, contentStart, specials)) return;
    // Parts are recorded for a token that needs them now; a lazy token or a sink needs none.
    const parts = outermost && (token !== undefined || (this.lazy === undefined && this.sink === undefined)) ? [] : undefined;
    this.i = contentStart;
    // A frame object per stack depth, reused by every string at that depth (frames never outlive their pop).
    const depth = this.frames.length;
    const reused = this.spareStringFrames[depth];
    if (reused === undefined) {
      const frame: StringFrame = { type: 'string', opening, start, outermost, parts, literal: '', token, contentStart, specials };
      this.spareStringFrames[depth] = frame;
      this.frames.push(frame);
      return;
    }
    reused.opening = opening;
    reused.start = start;
    reused.outermost = outermost;
    reused.parts = parts;
    reused.literal = '';
    reused.token = token;
    reused.contentStart = contentStart;
    reused.specials = specials;
    this.frames.push(reused);
  }

  /**
   * Most strings are plain text up to their close on the same line (no escape, hole or line break): those
   * are read in one scan, with the token stringStep and endString would give; false (nothing done) otherwise.
   */
  private plainString(opening: StringOpening, start: number, contentStart: number, specials: Uint8Array): boolean {
    const { text, length } = this;
    const { form, close } = opening;
    if (form.heredoc || form.closeAtLineStart) return false;
    let j = contentStart;
    while (j < length) {
      const d = text.charCodeAt(j);
      if (d < 128 ? specials[d] : this.spec.isOtherLineBreak?.(d)) break;
      j++;
    }
    if (j >= length || !text.startsWith(close, j)) return false;
    if (form.doubledClose && text.startsWith(close, j + close.length)) return false;
    if (form.greedyClose && text[j + close.length] === close[0]) return false;
    const end = j + close.length;
    this.i = end;
    this.notePrevious(form.kind, start, end);
    if (this.sink) this.sink(form.kind, start, end);
    else if (this.lazy) this.tokens[this.count++] = lazyString(form.kind, text.slice(start, end), start, end, this.lazy);
    else {
      const parts: TemplatePart[] = j > contentStart ? [{ text: text.slice(contentStart, j) }] : [];
      const content = { start: contentStart, end: j };
      if (this.decoding) this.decoded(parts, content);
      else this.tokens[this.count++] = makeToken(form.kind, text.slice(start, end), start, end, parts, content);
    }
    return true;
  }

  private stringStep(frame: StringFrame): void {
    const { text } = this;
    const { opening, specials } = frame;
    const { form, close } = opening;
    const i = this.i;
    if (form.heredoc || form.closeAtLineStart) {
      if (this.atBodyLineStart(frame, i) && this.closesAtLine(frame, i)) return;
    }
    const c = text.charCodeAt(i);
    if (c < 128 && !specials[c]) {
      // A run of plain text.
      let j = i + 1;
      while (j < this.length) {
        const d = text.charCodeAt(j);
        if (d < 128 ? specials[d] : this.spec.isOtherLineBreak?.(d)) break;
        j++;
      }
      if (frame.parts) frame.literal += text.slice(i, j);
      this.i = j;
      return;
    }
    if (this.isLineBreak(c)) {
      if (!form.multiline) {
        // A one-line string ends here unclosed; one inside a hole ends the literal around it too.
        this.abandon(i);
        return;
      }
      const length = this.lineBreakLength(i);
      if (frame.parts) frame.literal += text.slice(i, i + length);
      this.i = i + length;
      return;
    }
    if (!form.heredoc && !form.closeAtLineStart && text.startsWith(close, i)) {
      if (form.doubledClose && text.startsWith(close, i + close.length)) {
        if (frame.parts) frame.literal += close;
        this.i = i + 2 * close.length;
        return;
      }
      if (form.greedyClose && text[i + close.length] === close[0]) {
        if (frame.parts) frame.literal += text[i];
        this.i = i + 1;
        return;
      }
      this.endString(frame, i, true);
      return;
    }
    for (const hole of opening.holes ?? []) {
      if (c !== hole.open.charCodeAt(0)) continue;
      if (hole.doubledLeadIsLiteral && text[i + 1] === hole.open[0] && text.startsWith(hole.open, i + 1)) {
        if (frame.parts) frame.literal += hole.open;
        this.i = i + 1 + hole.open.length;
        return;
      }
      if (!text.startsWith(hole.open, i) || (hole.notFollowedBy && text.startsWith(hole.notFollowedBy, i + hole.open.length))) continue;
      if (this.openHole(frame, hole, i)) return;
    }
    const lead = opening.escapeLead;
    if (lead && text.startsWith(lead, i)) {
      const [decoded, length] = form.decode ? form.decode(text, i, lead.length) : [text.slice(i, i + lead.length + 1), lead.length + 1];
      const end = Math.min(this.length, i + Math.max(1, length));
      // An escaped line break in a one-line string continues it (JS `\` + CRLF).
      if (frame.parts) frame.literal += decoded;
      this.i = end;
      if (this.text.charCodeAt(end - 1) === CR && this.text.charCodeAt(end) === LF) this.i = end + 1;
      return;
    }
    if (form.doubledLiterals?.includes(text[i]) && text[i + 1] === text[i]) {
      if (frame.parts) frame.literal += text[i];
      this.i = i + 2;
      return;
    }
    if (frame.parts) frame.literal += text[i];
    this.i = i + 1;
  }

  /** True at the start of a body line (the content start, or after a line break). */
  private atBodyLineStart(frame: StringFrame, i: number): boolean {
    if (i === frame.contentStart) return true;
    const before = this.text.charCodeAt(i - 1);
    return this.isLineBreak(before);
  }

  /** A heredoc marker line or a here-string close at `i` (a line start): ends the string and returns true. */
  private closesAtLine(frame: StringFrame, i: number): boolean {
    const { text } = this;
    const { form, close } = frame.opening;
    if (form.closeAtLineStart) {
      if (!text.startsWith(close, i)) return false;
      // The line break before the close is not part of the text.
      if (frame.parts) frame.literal = frame.literal.replace(/(\r\n|\r|\n)$/, '');
      const before = i > frame.contentStart ? i - (text.charCodeAt(i - 1) === LF && text.charCodeAt(i - 2) === CR ? 2 : 1) : i;
      this.endString(frame, i, true, i + close.length, Math.max(frame.contentStart, before));
      return true;
    }
    const lineEnd = this.lineEnd(i);
    const line = text.slice(i, lineEnd);
    const marker = form.heredoc?.restOfLine === 'ignored' ? line.trim() : form.heredoc?.indent === 'tabs' ? line.replace(/^\t+/, '') : line;
    if (marker !== close) return false;
    this.endString(frame, i, true, lineEnd);
    return true;
  }

  private openHole(frame: StringFrame, hole: HoleForm, i: number): boolean {
    const { text } = this;
    const start = i + hole.open.length;
    if (hole.kind === 'name') {
      if (!hole.nameStart?.(text.charCodeAt(start))) return false;
      let j = start + 1;
      for (;;) {
        while (j < this.length && hole.namePart?.(text.charCodeAt(j))) j++;
        if (hole.dotted && text[j] === '.' && hole.nameStart(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      this.flush(frame);
      frame.parts?.push({ expression: text.slice(start, j), range: { start, end: j } });
      this.i = j;
      return true;
    }
    // A hole whose parts nobody needs now (a lazy string, a sink, a string inside a hole) and that holds only
    // names, digits, dots and spaces (`\(value)`, `${items.size}`): nothing in it can open a string, a bracket
    // or a comment, so its close is the first close character, and it makes no token of the bottom frame.
    if (frame.parts === undefined && FAST_PATHS.enabled && (hole.closeRepeat ?? 1) === 1) {
      const end = this.plainHoleEnd(start, hole.close!.charCodeAt(0));
      if (end > start) {
        if (this.nesting + 1 > this.maxNesting) this.maxNesting = this.nesting + 1;
        this.i = end + 1;
        return true;
      }
    }
    this.flush(frame);
    const depth = this.frames.length;
    const code = (this.spareCodeFrames[depth] ??= codeFrame(-1, 1, false, '', -1));
    code.close = hole.close!.charCodeAt(0);
    code.closeRepeat = hole.closeRepeat ?? 1;
    code.singleLine = hole.singleLine ?? false;
    code.cut = hole.cut ?? '';
    code.depth = 0;
    code.holeStart = start;
    code.cutAt = -1;
    code.prevKind = undefined;
    code.prevStart = 0;
    code.prevEnd = 0;
    this.frames.push(code);
    this.enter();
    this.i = start;
    return true;
  }

  /** Where the hole starting at `start` closes when it holds only PLAIN_HOLE characters up to `close`; else -1. */
  private plainHoleEnd(start: number, close: number): number {
    const { text, length } = this;
    for (let j = start; j < length; j++) {
      const d = text.charCodeAt(j);
      if (d === close) return j;
      if (d >= 128 || PLAIN_HOLE[d] === 0) return -1;
    }
    return -1;
  }

  private flush(frame: StringFrame): void {
    if (frame.parts && frame.literal) frame.parts.push({ text: frame.literal });
    frame.literal = '';
  }

  /**
   * Ends the string at `at` (its close, or where it stopped); `end` is where its token ends (after the
   * close, or the heredoc marker line) and `contentEnd` where its content does.
   */
  private endString(frame: StringFrame, at: number, closed: boolean, end = closed ? at + frame.opening.close.length : at, contentEnd = at): void {
    const { text } = this;
    const { opening } = frame;
    this.frames.pop();
    this.i = end;
    if (!frame.outermost) {
      this.notePrevious(opening.form.kind, frame.start, end); // a string inside a hole: part of the outer string
      return;
    }
    const heredoc = opening.form.heredoc;
    if (!closed)
      this.problem(`${opening.form.description} is not closed (missing ${opening.close})`, frame.start, frame.start + (opening.form.markLength ?? 1));
    const { kind } = opening.form;
    if (!frame.token) {
      this.notePrevious(kind, frame.start, end);
      if (this.sink) this.sink(kind, frame.start, end);
      else if (this.lazy) this.tokens[this.count++] = lazyString(kind, text.slice(frame.start, end), frame.start, end, this.lazy);
      else {
        this.flush(frame);
        const parts = frame.parts!;
        const content = { start: Math.min(frame.contentStart, contentEnd), end: contentEnd };
        if (this.decoding) this.decoded(parts, content);
        else this.tokens[this.count++] = makeToken(kind, text.slice(frame.start, end), frame.start, end, parts, content);
      }
      return;
    }
    // A heredoc: its token was made at the opener.
    this.flush(frame);
    let parts = frame.parts!;
    if (heredoc && closed) parts = dedentParts(parts, heredoc.indent);
    if (heredoc && !closed && heredoc.restOfLine === 'ignored') parts = [];
    const token = frame.token;
    token.parts = parts;
    token.content = { start: Math.min(frame.contentStart, contentEnd), end: contentEnd };
    if (heredoc?.restOfLine === 'ignored') {
      token.end = end;
      token.text = text.slice(frame.start, end);
    } else if (this.pendingHeredocs.length && closed) {
      // bash `cat <<A <<B`: the next body starts on the line after this one's marker.
      this.i = Math.min(this.length, end + (end < this.length ? this.lineBreakLength(end) : 0));
      this.startHeredocBodies();
    }
  }

  /** decodeStringAt's result: the first string of the bottom frame ended. */
  private decoded(parts: TemplatePart[], content: Range): void {
    this.decodedParts = parts;
    this.decodedContent = content;
  }

  private notePrevious(kind: TokenKind, start: number, end: number): void {
    const frame = this.frames[this.frames.length - 1] as CodeFrame;
    frame.prevKind = kind;
    frame.prevStart = start;
    frame.prevEnd = end;
  }

  // --- heredocs --------------------------------------------------------------------------------------

  private heredoc(heredoc: StringOpening & { openerEnd: number }, start: number): void {
    const token = makeToken('string', this.text.slice(start, heredoc.openerEnd), start, heredoc.openerEnd, [], undefined);
    if (this.sink) this.sink('string', start, heredoc.openerEnd);
    else this.tokens[this.count++] = token;
    this.atLineStart = false;
    if (heredoc.form.heredoc?.restOfLine === 'code') {
      this.pendingHeredocs.push({ token, opening: heredoc });
      this.i = heredoc.openerEnd;
      return;
    }
    // HCL: the body starts on the next line; the rest of the opening line is not read.
    const lineEnd = this.lineEnd(heredoc.openerEnd);
    const contentStart = Math.min(this.length, lineEnd + (lineEnd < this.length ? this.lineBreakLength(lineEnd) : 0));
    this.pushString(heredoc, start, token, contentStart);
  }

  /** After the line that opened them, the bodies of pending bash heredocs follow one after the other. */
  private startHeredocBodies(): void {
    const first = this.pendingHeredocs.shift()!;
    this.pushString(first.opening, first.token.start, first.token, this.i);
  }

  /** Ends every open hole and string at `at`: the outermost string is reported unclosed there. */
  private abandon(at: number): void {
    while (this.frames.length > 1) {
      const frame = this.frames[this.frames.length - 1];
      if (frame.type === 'code') this.endHole(frame, at, false);
      else this.endString(frame, at, false);
    }
    this.i = at;
  }

  private endOfText(): void {
    this.abandon(this.length);
    for (const { token, opening } of this.pendingHeredocs) {
      this.problem(`${opening.form.description} is not closed (missing ${opening.close})`, token.start, token.start + 2);
      token.parts = [];
      token.content = { start: this.length, end: this.length };
    }
  }
}

function codeFrame(close: number, closeRepeat: number, singleLine: boolean, cut: string, holeStart: number): CodeFrame {
  return { type: 'code', close, closeRepeat, singleLine, cut, depth: 0, holeStart, cutAt: -1, prevKind: undefined, prevStart: 0, prevEnd: 0 };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const DECIMAL_WITH_EXPONENT = /^[0-9._]*[eE]$/;

/** Before a `#` that opens a bash/PowerShell comment: the text start, a space or a command separator. */
function isWordBoundary(code: number): boolean {
  return (
    Number.isNaN(code) || code === 32 || code === 9 || code === LF || code === CR || code === 59 || code === 38 || code === 124 || code === 40 || code === 41
  );
}

/**
 * Heredoc `<<-` indentation: bash strips the leading tabs of each line, HCL the indentation all lines
 * share. Lines run across text parts; a hole is never indentation.
 */
function dedentParts(parts: TemplatePart[], indent: 'tabs' | 'common' | undefined): TemplatePart[] {
  if (!indent) return parts;
  let common = Infinity;
  if (indent === 'common') {
    let lineStart = true;
    for (const part of parts) {
      if (!('text' in part)) {
        if (lineStart) common = 0;
        lineStart = false;
        continue;
      }
      for (const line of part.text.split(/(?<=\n)/)) {
        if (lineStart && line.trim()) common = Math.min(common, /^[ \t]*/.exec(line)![0].length);
        lineStart = line.endsWith('\n');
      }
    }
    if (common === Infinity) common = 0;
  }
  let lineStart = true;
  return parts.map((part) => {
    if (!('text' in part)) {
      lineStart = false;
      return part;
    }
    const lines = part.text.split(/(?<=\n)/).map((line) => {
      const atStart = lineStart;
      lineStart = line.endsWith('\n');
      if (!atStart) return line;
      return indent === 'tabs' ? line.replace(/^\t+/, '') : line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length));
    });
    return { text: lines.join('') };
  });
}
