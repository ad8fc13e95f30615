import { tokenizePowerShell } from '../lexing/languages/powershell';
import { tokenStartingAt, type LexToken } from '../lexing/lexer';
import type { ParsedFile, Range } from '../model';
import {
  RegistrationBuilder,
  appIdOf,
  newOp,
  pushList,
  readAzCommand,
  readGraphApplication,
  readM365Command,
  readPlatformObject,
  type OpPlatform,
  type RegistrationOp,
} from './registration-script';
import {
  boolOf,
  concatTexts,
  holeText,
  knownText,
  literalText,
  mapValue,
  overridableText,
  rangeOf,
  textValue,
  unknownValue,
  type ScriptText,
  type ScriptValue,
} from './script-values';
import { deferredStringText, stringText, type ResolveHole } from './script-tokens';
import { defineFormat, emptyParsed, MAX_PROBLEMS, type CommentSyntax } from './types';

// PowerShell scripts that register apps: Microsoft Graph PowerShell (`New-MgApplication`,
// `Update-MgApplication[ByAppId]`, `-Web/-Spa/-PublicClient @{ RedirectUris = … }`, `-BodyParameter`,
// the v1 flattened `-PublicClientRedirectUris`), Microsoft Entra PowerShell (`New-EntraApplication`), the
// retired AzureAD module (`New-AzureADApplication -ReplyUrls`: no platform type), Az (`New-AzADApplication`),
// `Invoke-MgGraphRequest` on applications, and `az` / `m365` command lines. Values are followed through
// variables, hashtables built first, splatting (`@params`), `param()` defaults (replaceable, so partial),
// `+` concatenation and string interpolation. Shapes from Azure-Samples AppCreationScripts `Configure.ps1`
// (backtick continuations, `RedirectUris = "a", "b";` inside `@{ }`, `#end of command`),
// microsoftgraph/msgraph-sdk-powershell samples/9-Applications.ps1 and active-directory-xamarin-native-v2.

const POWERSHELL_COMMENTS: CommentSyntax = { line: '#', block: ['<#', '#>'] };

/** Text that makes a file worth reading: a cmdlet or command that creates or changes an app registration. */
export const POWERSHELL_MARKERS =
  /(?:New|Update|Set)-(?:Mg(?:Beta)?Application(?:ByAppId)?|Entra(?:Beta)?Application|AzureAD(?:MS)?Application|AzADApplication)\b|Invoke-MgGraphRequest|\baz\s+(?:ad\s+app\s+(?:create|update)|rest\b)|\bm365\s+(?:entra|aad)\s+app/i;

export const powershellFormat = defineFormat({
  id: 'powershell',
  title: 'PowerShell scripts',
  files: '`*.ps1`, `*.psm1` that create or update app registrations',
  reads:
    '`New-MgApplication`/`Update-MgApplication` (`-Web`, `-Spa`, `-PublicClient` hashtables, `-SignInAudience`, `-IsFallbackPublicClient`, `-BodyParameter`), `New-EntraApplication`, `New-AzureADApplication -ReplyUrls` (no platform type), `New-AzADApplication`, `Invoke-MgGraphRequest`, `az ad app`, `m365 entra app`; variables, splatting, `param()` defaults',
  globs: ['**/*.ps1', '**/*.psm1'],
  comments: POWERSHELL_COMMENTS,
  literal: 'code',
  languageIds: ['powershell'],
  untitled: [{ languageId: 'powershell', name: 'Configure.ps1', hint: POWERSHELL_MARKERS }],
  byName: (path) => (/\.ps(?:m)?1$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => POWERSHELL_MARKERS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'powershell', text);
    readPowerShellInto(parsed, text);
    return parsed;
  },
});

/**
 * Reads the registration commands of a PowerShell text into `parsed` (the CI YAML reader reuses it).
 * With `builder`, the registrations go there (the caller builds them).
 */
export function readPowerShellInto(parsed: ParsedFile, text: string, builder?: RegistrationBuilder): void {
  const { tokens, comments, problems } = tokenizePowerShell(text);
  parsed.comments = [...(parsed.comments ?? []), ...comments];
  parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
  const reader = new PsReader(text, joinContinuations(tokens, text), builder);
  reader.run();
  if (!builder) parsed.registrations.push(...reader.builder.build());
}

type Token = LexToken<string>;

/**
 * A backtick right before a line break continues the line: both go (in place: the lexer's array is ours).
 * The backticks are found in the text, so only the tokens they start are read (most lines have none) and
 * only those after the first continuation move.
 */
function joinContinuations(tokens: Token[], text: string): Token[] {
  const continuations: number[] = [];
  for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at + 1)) {
    const k = tokenStartingAt(tokens, at);
    if (k >= 0 && isContinuation(tokens, k)) continuations.push(k);
  }
  if (!continuations.length) return tokens;
  let kept = continuations[0];
  for (let c = 0; c < continuations.length; c++) {
    const end = c + 1 < continuations.length ? continuations[c + 1] : tokens.length;
    for (let k = continuations[c] + 2; k < end; k++) tokens[kept++] = tokens[k];
  }
  tokens.length = kept;
  return tokens;
}

/** Token `k` is a backtick written right before a line break. */
function isContinuation(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t.kind === 'punct' && t.text === '`' && tokens[k + 1]?.kind === 'newline' && tokens[k + 1].start === t.end;
}

/** Past this depth of blocks and brackets the reader skips ahead instead of descending (hostile nesting). */
const MAX_DEPTH = 64;

const KEYWORDS = new Set([
  'if',
  'elseif',
  'else',
  'foreach',
  'for',
  'while',
  'do',
  'until',
  'switch',
  'try',
  'catch',
  'finally',
  'trap',
  'begin',
  'process',
  'end',
  'dynamicparam',
  'clean',
]);
const FLOW = new Set(['return', 'throw', 'exit', 'break', 'continue']);

/** Cmdlets that create an app (Graph, Entra, AzureAD, Az) and those that update one. */
const CREATE = new Set([
  'new-mgapplication',
  'new-mgbetaapplication',
  'new-entraapplication',
  'new-entrabetaapplication',
  'new-azureadapplication',
  'new-azureadmsapplication',
  'new-azadapplication',
]);
const UPDATE = new Set([
  'update-mgapplication',
  'update-mgbetaapplication',
  'update-mgapplicationbyappid',
  'update-mgbetaapplicationbyappid',
  'set-entraapplication',
  'set-entrabetaapplication',
  'set-azureadapplication',
  'set-azureadmsapplication',
  'update-azadapplication',
]);
/** Cmdlets whose result is an existing app (a handle later commands update). */
const LOOKUP = new Set([
  'get-mgapplication',
  'get-mgbetaapplication',
  'get-mgapplicationbyappid',
  'get-entraapplication',
  'get-azureadapplication',
  'get-azureadmsapplication',
  'get-azadapplication',
]);

/** Cmdlets whose arguments the reader reads (one look-up for the many commands it passes over). */
const ARGUMENTS_READ = new Set([...CREATE, ...UPDATE, ...LOOKUP, 'new-object', 'invoke-mggraphrequest', 'invoke-restmethod']);

/** A name as the reader sees it: lower-cased, and what it is at the start of a statement or a command. */
interface Name {
  lower: string;
  /** `if`, `foreach`, `try`, …: a block follows. */
  keyword: boolean;
  /** `return`, `throw`, …: a pipeline may follow. */
  flow: boolean;
  /** A cmdlet whose arguments are read. */
  argumentsRead: boolean;
}

/** The heads statement() and command() act on: every other head reads as PLAIN_HEAD. */
const HEAD_WORDS = [...KEYWORDS, ...FLOW, ...ARGUMENTS_READ, 'param', 'function', 'filter', 'workflow', 'az', 'm365', 'az.cmd'];
/** A head that is none of HEAD_WORDS (its lower case is not needed: nothing compares it). */
const PLAIN_HEAD: Name = { lower: '', keyword: false, flow: false, argumentsRead: false };
/** Per length, a bit per first letter (lower case, a-z and others folded) of a HEAD_WORDS word of that length. */
const HEAD_SHAPES = new Uint32Array(Math.max(...HEAD_WORDS.map((w) => w.length)) + 1);
const letterBit = (code: number): number => (code >= 97 && code <= 122 ? 1 << (code - 97) : 1 << 26);
for (const word of HEAD_WORDS) HEAD_SHAPES[word.length] |= letterBit(word.charCodeAt(0) | 0x20);

interface Variable {
  value: ScriptValue;
  /** The variable holds an app registration (or its id): the key its commands share. */
  appKey?: string;
  appId?: ReturnType<typeof appIdOf>;
}

/** What a pipeline gives: its value, and the app it names (a handle, with the app's client id when known). */
interface PipelineResult {
  value: ScriptValue;
  appKey?: string;
  appId?: ReturnType<typeof appIdOf>;
}

/** The result of a pipeline nothing reads (shared: never written to). */
const UNREAD: PipelineResult = { value: { kind: 'unknown', range: { start: 0, end: 0 } } };

/** Where a hashtable entry the reader cannot read ends. */
const ENTRY_ENDS: readonly string[] = ['}', ';'];

/** What a value read without being built stands for (shared: never written to). */
const UNBUILT: ScriptValue = UNREAD.value;

/** Thrown when a command starts in a value read without being built (see passUnkeptValue); made once. */
const START_OVER = new Error('a command in a value read without building it');

interface Argument {
  /** `-Name` (lower case, without the dash), or undefined for a positional value. */
  name?: string;
  nameRange?: Range;
  value?: ScriptValue;
  /** Splatting: `@params`. */
  splat?: ScriptValue;
}

class PsReader {
  private readonly variables = new Map<string, Variable>();
  /** Names by their text, each lower-cased once per file. */
  private readonly names = new Map<string, Name>();
  private readonly variableNames = new Map<string, string>();
  private i = 0;
  /** False while passUnkeptValue reads a value nothing keeps: values are not built (UNBUILT stands for them). */
  private building = true;
  // Made once: an arrow function in a method would make each of its calls allocate a context for `this`.
  private readonly keyOf = (text: ScriptText): string | undefined => this.keyOfText(text);
  private readonly resolveHole: ResolveHole = (expression, range) => this.resolve(expression, range);

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    readonly builder = new RegistrationBuilder(),
  ) {}

  run(): void {
    this.statements(undefined, 0);
  }

  // --- token helpers -------------------------------------------------------------------------------

  private name(text: string): Name {
    let name = this.names.get(text);
    if (name === undefined) {
      const lower = text.toLowerCase();
      name = { lower, keyword: KEYWORDS.has(lower), flow: FLOW.has(lower), argumentsRead: ARGUMENTS_READ.has(lower) };
      this.names.set(text, name);
    }
    return name;
  }

  private lower(text: string): string {
    return this.name(text).lower;
  }

  /**
   * A name at the start of a statement or a command: {@link name} when it may be one the reader acts on
   * (HEAD_WORDS), else PLAIN_HEAD. Most heads are other cmdlets, functions and values; a length and first
   * letter test spares them a map lookup (hashing a new string per token).
   */
  private head(text: string): Name {
    const length = text.length;
    const first = text.charCodeAt(0) | 0x20;
    // Past ASCII, lower case may turn a letter into an ASCII one (the Kelvin sign is `k`): looked up.
    const plain = first < 128 && (length >= HEAD_SHAPES.length || (HEAD_SHAPES[length] & letterBit(first)) === 0);
    return plain ? PLAIN_HEAD : this.name(text);
  }

  /** {@link variableName}, once per distinct name. */
  private variableName(name: string): string {
    let key = this.variableNames.get(name);
    if (key === undefined) this.variableNames.set(name, (key = variableName(name)));
    return key;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private is(token: Token | undefined, kind: string, text?: string): boolean {
    return token !== undefined && token.kind === kind && (text === undefined || token.text === text);
  }

  private punct(text: string, offset = 0): boolean {
    return this.is(this.peek(offset), 'punct', text);
  }

  /** Two tokens written without a space between them. */
  private touching(a: Token | undefined, b: Token | undefined): boolean {
    return a !== undefined && b !== undefined && a.end === b.start;
  }

  private atStatementEnd(): boolean {
    this.skipLoneBackticks();
    const t = this.peek();
    return !t || t.kind === 'newline' || (t.kind === 'punct' && (t.text === ';' || t.text === '}' || t.text === ')' || t.text === '|'));
  }

  /** A backtick before a space escapes the space (a continuation broken by a trailing space or comment). */
  private skipLoneBackticks(): void {
    while (this.punct('`') && !this.touching(this.peek(), this.peek(1))) this.i++;
  }

  /** Skips a balanced bracket group starting at the opener under the cursor (a flat loop, any depth). */
  private skipGroup(): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++];
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '{' || t.text === '[') depth++;
      else if ((t.text === ')' || t.text === '}' || t.text === ']') && --depth <= 0) return;
    }
  }

  /** A value not known here, written from token `start` to the cursor. */
  private unknownFrom(start: number): ScriptValue {
    return unknownValue(this.rangeFrom(start));
  }

  private rangeFrom(start: number): Range {
    const first = this.tokens[start];
    const last = this.tokens[Math.max(start, this.i - 1)];
    if (!first) return { start: this.text.length, end: this.text.length };
    return { start: first.start, end: Math.max(first.end, last?.end ?? first.end) };
  }

  // --- statements ----------------------------------------------------------------------------------

  /** Statements up to the `close` punctuation (`}` of a block; undefined: the end of the text). */
  private statements(close: string | undefined, depth: number): void {
    while (this.i < this.tokens.length) {
      const t = this.peek()!;
      if (t.kind === 'newline' || (t.kind === 'punct' && (t.text === ';' || t.text === '|'))) {
        this.i++;
        continue;
      }
      if (close !== undefined && t.kind === 'punct' && t.text === close) return;
      const before = this.i;
      this.statement(depth);
      if (this.i === before) this.i++; // never stall on a token nothing reads
    }
  }

  private block(depth: number): void {
    // At `{`: the statements up to its `}`.
    if (!this.punct('{')) return;
    if (depth >= MAX_DEPTH) {
      this.skipGroup();
      return;
    }
    this.i++;
    this.statements('}', depth + 1);
    if (this.punct('}')) this.i++;
  }

  private statement(depth: number): void {
    const t = this.peek()!;
    if (t.kind === 'punct' && t.text === '{') return this.block(depth);
    if (t.kind === 'punct' && (t.text === '}' || t.text === ')')) {
      this.i++;
      return;
    }
    const name = t.kind === 'identifier' ? this.head(t.text) : undefined;
    const word = name?.lower ?? '';
    if (word === 'param' && this.punct('(', 1)) return this.paramBlock();
    if (word === 'function' || word === 'filter' || word === 'workflow') {
      this.i += 2;
      if (this.punct('(')) this.skipGroup();
      return this.block(depth);
    }
    if (name?.keyword) {
      this.i++;
      while (!this.punct('{') && !this.atStatementEnd() && this.i < this.tokens.length) {
        if (this.punct('(')) this.condition(depth);
        else this.i++;
      }
      return this.block(depth);
    }
    if (name?.flow) {
      this.i++;
      if (!this.atStatementEnd()) this.pipeline(depth, undefined, false);
      return;
    }
    // `[type]$x = …`, `$x = …`, `$x.Prop = …`, `$x += …`
    const assignment = this.assignmentTarget();
    if (assignment >= 0) return this.assignment(assignment, depth);
    this.pipeline(depth, undefined, false);
  }

  /** `( … )` of an if/while/foreach: an assignment in it (`if (!($app = Get-MgApplication …)))` is read. */
  private condition(depth: number): void {
    if (depth >= MAX_DEPTH) return this.skipGroup();
    this.i++;
    while (this.i < this.tokens.length && !this.punct(')')) {
      const before = this.i;
      if (this.punct('(')) this.condition(depth + 1);
      else {
        const target = this.assignmentTarget();
        if (target >= 0) this.assignment(target, depth + 1);
        else this.i++;
      }
      if (this.i === before) this.i++;
    }
    if (this.punct(')')) this.i++;
  }

  /**
   * The variable token of an assignment at the cursor (its `.member` path and the `+` of `+=` follow it),
   * leaving the cursor after `=`; -1 when the statement is no assignment.
   */
  private assignmentTarget(): number {
    const start = this.i;
    let k = this.i;
    while (this.is(this.tokens[k], 'punct', '[')) {
      // a type constraint `[string[]]`
      let depth = 0;
      for (; k < this.tokens.length; k++) {
        const t = this.tokens[k];
        if (t.kind === 'newline') return -1;
        if (t.text === '[') depth++;
        else if (t.text === ']' && --depth === 0) break;
      }
      k++;
    }
    const variable = k;
    if (!this.is(this.tokens[variable], 'variable')) return -1;
    k++;
    while (this.is(this.tokens[k], 'punct', '.') && this.touching(this.tokens[k - 1], this.tokens[k]) && this.is(this.tokens[k + 1], 'identifier')) k += 2;
    if (this.is(this.tokens[k], 'punct', '+') && this.is(this.tokens[k + 1], 'punct', '=') && this.touching(this.tokens[k], this.tokens[k + 1])) k++;
    if (!this.is(this.tokens[k], 'punct', '=') || this.is(this.tokens[k + 1], 'punct', '=')) return -1;
    this.i = k + 1;
    if (start > this.tokens.length) return -1;
    return variable;
  }

  /** The assignment whose target's variable is token `variable` (see assignmentTarget), at its value. */
  private assignment(variable: number, depth: number): void {
    const name = this.variableName(this.tokens[variable].text);
    const equals = this.i - 1;
    // Only `+=` puts something other than a member name or the variable right before `=`.
    const append = this.is(this.tokens[equals - 1], 'punct', '+');
    const membersEnd = append ? equals - 1 : equals;
    while (this.is(this.peek(), 'newline')) this.i++;
    const member = membersEnd > variable + 1;
    if (member && this.variables.get(name)?.value.kind !== 'map' && this.passUnkeptValue(depth)) return;
    const result = this.pipeline(depth, name);
    const value = result.value;
    if (member) {
      // `$web.RedirectUris = @(…)`: a property of a map held in a variable (New-Object, @{}). The member
      // names are the identifiers after each `.` (tokens variable + 2, + 4, …).
      const holder = this.variables.get(name);
      if (holder?.value.kind === 'map') {
        let map = holder.value;
        for (let k = variable + 2; k < membersEnd - 1; k += 2) {
          const next = map.entries.get(this.lower(this.tokens[k].text));
          if (next?.kind !== 'map') return;
          map = next;
        }
        map.entries.set(this.lower(this.tokens[membersEnd - 1].text), value);
      }
      return;
    }
    if (append) {
      const previous = this.variables.get(name)?.value;
      if (previous && (previous.kind === 'list' || previous.kind === 'text')) {
        const items = [...(previous.kind === 'list' ? previous.items : [previous]), ...(value.kind === 'list' ? value.items : [value])];
        this.variables.set(name, { value: { kind: 'list', items, range: rangeOf(previous) } });
        return;
      }
    }
    this.variables.set(name, { value, appKey: result.appKey, appId: result.appId });
  }

  /**
   * Reads past the value at the cursor without building it, for a member of a variable that holds no map
   * (nothing keeps it). Reading a value changes nothing but the cursor until a command runs (commands
   * register apps and their script blocks assign variables): then the value is read again from its
   * start the ordinary way, and false says so.
   */
  private passUnkeptValue(depth: number): boolean {
    if (this.startsCommand()) return false; // its first element would start over at once
    const start = this.i;
    this.building = false;
    try {
      this.pipeline(depth, undefined, false);
      return true;
    } catch (error) {
      if (error !== START_OVER) throw error;
      this.i = start;
      return false;
    } finally {
      this.building = true;
    }
  }

  /** `param( [type] $Name = default, … )`: defaults a caller may replace. */
  private paramBlock(): void {
    this.i++; // param
    const open = this.i;
    this.i++; // (
    let depth = 1;
    while (this.i < this.tokens.length && depth > 0) {
      const t = this.peek()!;
      if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
        this.skipGroup();
        continue;
      }
      if (t.kind === 'punct' && t.text === ')') {
        depth--;
        this.i++;
        continue;
      }
      if (t.kind === 'variable' && this.punct('=', 1)) {
        const name = this.variableName(t.text);
        this.i += 2;
        // A default a caller may replace; only texts (and lists of them) are worth keeping.
        const first = this.peek();
        if (first && (first.kind === 'string' || first.kind === 'number' || (first.kind === 'punct' && first.text === '@'))) {
          this.variables.set(name, { value: markOverridable(this.expression(1, true)), appKey: undefined });
        } else this.variables.delete(name);
        continue;
      }
      this.i++;
    }
    if (this.i <= open) this.i = open + 1;
  }

  // --- pipelines and commands ------------------------------------------------------------------------

  /**
   * A pipeline (its first element is what counts); `assignedTo` names the variable that keeps its result.
   * Unless `wanted`, nothing reads the result (a statement of its own): {@link UNREAD} stands for it.
   */
  private pipeline(depth: number, assignedTo: string | undefined, wanted = true): PipelineResult {
    const start = this.i;
    const t = this.peek();
    let result: PipelineResult;
    if (this.startsCommand()) {
      if (t!.kind === 'punct') this.i++;
      result = this.command(depth, assignedTo, wanted);
    } else {
      const value = this.expression(depth, false);
      result = wanted ? { value, appKey: this.appKeyOfValue(value), appId: this.appIdOfValue(value) } : UNREAD;
    }
    // The rest of the pipeline (`| ConvertFrom-Json`, `| Select-Object -First 1`) keeps the app it carries.
    while (this.punct('|')) {
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      if (this.is(this.peek(), 'identifier')) this.command(depth, undefined, false);
      else if (!this.atStatementEnd()) this.expression(depth, false);
      else break;
    }
    if (this.i === start) this.i++;
    return result;
  }

  /** A command at the cursor: a name, or `&`/`.` and a name. */
  private startsCommand(): boolean {
    const t = this.peek();
    return t !== undefined && (t.kind === 'identifier' || (t.kind === 'punct' && (t.text === '&' || t.text === '.') && this.is(this.peek(1), 'identifier')));
  }

  private command(depth: number, assignedTo: string | undefined, wanted: boolean): PipelineResult {
    if (!this.building) throw START_OVER;
    const start = this.i;
    const head = this.tokens[this.i++];
    const { lower: name, argumentsRead } = this.head(head.text);
    if (name === 'az' || name === 'm365' || name === 'az.cmd') {
      const words = this.nativeArguments(depth);
      const range = this.rangeFrom(start);
      const op = name === 'm365' ? readM365Command(words, range, this.keyOf, assignedTo) : readAzCommand(words, range, this.keyOf, assignedTo);
      if (op) {
        this.applyOp(op);
        return { value: this.unknownFrom(start), appKey: op.key };
      }
      // `az ad app show --id X`: the result is the same app as X.
      const verbs = words.slice(0, 3).map((w) => knownText(w)?.toLowerCase());
      if (verbs[0] === 'ad' && verbs[1] === 'app' && (verbs[2] === 'show' || verbs[2] === 'list')) {
        const id = words.findIndex((w) => knownText(w)?.toLowerCase() === '--id');
        const idText = id >= 0 ? words[id + 1] : undefined;
        const appKey = idText ? this.keyOfText(idText) : undefined;
        const appId = appIdOf(idText);
        if (appKey && appId) this.builder.noteAppId(appKey, appId);
        return { value: this.unknownFrom(start), appKey, appId };
      }
      return { value: this.unknownFrom(start) };
    }
    if (!argumentsRead) {
      // Any other cmdlet: its arguments are not read, but script blocks in them may hold commands.
      this.skipArguments(depth);
      return wanted ? { value: this.unknownFrom(start) } : UNREAD;
    }
    const args = this.cmdletArguments(depth);
    const range = this.rangeFrom(start);
    if (name === 'new-object') return { value: mapValue([], range) };
    if (CREATE.has(name) || UPDATE.has(name)) {
      const op = this.cmdletOp(name, args, range, assignedTo);
      this.applyOp(op);
      return { value: this.unknownFrom(start), appKey: op.key, appId: op.appId };
    }
    if (name === 'invoke-mggraphrequest' || name === 'invoke-restmethod') {
      const op = this.graphRequest(args, range, assignedTo);
      if (op) this.applyOp(op);
      return { value: this.unknownFrom(start), appKey: op?.key };
    }
    if (LOOKUP.has(name)) {
      const found = this.lookup(args);
      if (found.appKey && found.appId) this.builder.noteAppId(found.appKey, found.appId);
      return { value: this.unknownFrom(start), ...found };
    }
    return { value: this.unknownFrom(start) };
  }

  /** Graph/Entra/AzureAD/Az cmdlet parameters → one operation. */
  private cmdletOp(name: string, args: Argument[], range: Range, assignedTo: string | undefined): RegistrationOp {
    const params = this.parameters(args);
    const create = CREATE.has(name);
    const op = newOp(create, range, create ? assignedTo : undefined);
    if (!create) {
      // *ByAppId and Az's -ApplicationId take the client id; the others the object id.
      const byAppId = name.endsWith('byappid') || name === 'update-azadapplication';
      const idValue = byAppId
        ? (params.get('appid') ?? params.get('applicationid'))
        : (params.get('applicationid') ?? params.get('objectid') ?? params.get('id'));
      const objectId = name === 'update-azadapplication' ? params.get('objectid') : undefined;
      const target = idValue ?? objectId;
      if (target?.kind === 'text') {
        if (byAppId && target === idValue) op.appId = appIdOf(target.text);
        op.key = this.keyOfText(target.text);
        if (op.key && !op.appId) op.appId = this.variables.get(op.key)?.appId ?? this.handleAppId(op.key);
      }
    }
    const body = params.get('bodyparameter');
    if (body) readGraphApplication(body, op);
    const text = (key: string) => {
      const v = params.get(key);
      return v?.kind === 'text' ? v.text : undefined;
    };
    const displayName = knownText(text('displayname'));
    if (displayName !== undefined) op.displayName = displayName;
    const audience = text('signinaudience');
    const audienceValue = knownText(audience)?.trim();
    if (audience && audienceValue) op.signInAudience = { value: audienceValue, range: audience.range };
    const otherTenants = boolOf(params.get('availabletoothertenants'));
    if (otherTenants && !op.signInAudience)
      op.signInAudience = { value: otherTenants.value ? 'AzureADMultipleOrgs' : 'AzureADMyOrg', range: otherTenants.range };
    const fallback = boolOf(params.get('isfallbackpublicclient'));
    if (fallback) op.allowPublicClient = fallback;
    readPlatformObject(params.get('web'), 'web', op);
    readPlatformObject(params.get('spa'), 'spa', op);
    const publicClient = params.get('publicclient');
    // AzureAD's -PublicClient is a boolean (the app is a public client); Graph's is an object.
    if (publicClient?.kind === 'map') readPlatformObject(publicClient, 'publicClient', op);
    else if (boolOf(publicClient)) op.allowPublicClient = boolOf(publicClient);
    pushList(op, 'web', params.get('webredirecturis') ?? params.get('webredirecturi'));
    pushList(op, 'spa', params.get('sparedirecturis') ?? params.get('sparedirecturi'));
    pushList(op, 'publicClient', params.get('publicclientredirecturis') ?? params.get('publicclientredirecturi'));
    // AzureAD (Azure AD Graph) reply URLs carry no platform type.
    const replyUrls = params.get('replyurls') ?? params.get('replyurl');
    if (replyUrls) pushList(op, 'unknown' satisfies OpPlatform, replyUrls);
    const idToken = boolOf(params.get('implicitgrantsettingenableidtokenissuance') ?? params.get('enableidtokenissuance'));
    const accessToken = boolOf(
      params.get('implicitgrantsettingenableaccesstokenissuance') ?? params.get('enableaccesstokenissuance') ?? params.get('oauth2allowimplicitflow'),
    );
    if (idToken) op.implicitIdToken = idToken;
    if (accessToken) op.implicitAccessToken = accessToken;
    return op;
  }

  /** `Invoke-MgGraphRequest -Method PATCH -Uri …/applications/{id} -Body …`. */
  private graphRequest(args: Argument[], range: Range, assignedTo: string | undefined): RegistrationOp | undefined {
    const params = this.parameters(args);
    const method = params.get('method');
    const uri = params.get('uri');
    const body = params.get('body');
    if (method?.kind !== 'text' || uri?.kind !== 'text' || !body) return undefined;
    const words = [literalText('rest', range), literalText('--method', range), method.text, literalText('--uri', range), uri.text];
    // A hashtable body is the application object itself; a string body is JSON.
    if (body.kind === 'map') {
      const op = readAzCommand([...words, literalText('--body', range), literalText('{}', range)], range, this.keyOf, assignedTo);
      if (op) readGraphApplication(body, op);
      return op;
    }
    if (body.kind !== 'text') return undefined;
    return readAzCommand([...words, literalText('--body', range), body.text], range, this.keyOf, assignedTo);
  }

  /** `Get-MgApplication -Filter "appId eq '…'"`, `Get-MgApplicationByAppId -AppId …`: the app it finds. */
  private lookup(args: Argument[]): { appKey?: string; appId?: ReturnType<typeof appIdOf> } {
    const params = this.parameters(args);
    const filter = params.get('filter');
    if (filter?.kind === 'text') {
      const rendered = knownText(filter.text, true) ?? '';
      const match = /appId\s+eq\s+'([0-9a-fA-F-]{36})'/i.exec(rendered);
      if (match) {
        const at = rendered.indexOf(match[1]);
        const appId = appIdOf(literalText(match[1], positionIn(filter.text, at, match[1].length)));
        return { appKey: match[1].toLowerCase(), appId };
      }
      return {};
    }
    const id = params.get('appid') ?? params.get('applicationid') ?? params.get('objectid');
    if (id?.kind === 'text') {
      const appId = params.has('appid') || params.has('applicationid') ? appIdOf(id.text) : undefined;
      return { appKey: this.keyOfText(id.text), appId };
    }
    return {};
  }

  private applyOp(op: RegistrationOp): void {
    if (op.key && !op.appId) op.appId = this.handleAppId(op.key);
    this.builder.apply(op);
  }

  /** The app id a handle variable (or app key) is known to carry. */
  private handleAppId(key: string): ReturnType<typeof appIdOf> {
    for (const variable of this.variables.values()) if (variable.appKey === key && variable.appId) return variable.appId;
    return undefined;
  }

  /** Named parameters (splatted hashtables included); a switch alone is true. */
  private parameters(args: Argument[]): Map<string, ScriptValue> {
    const params = new Map<string, ScriptValue>();
    for (const arg of args) {
      if (arg.splat?.kind === 'map') for (const [key, value] of arg.splat.entries) params.set(key, value);
      if (!arg.name) continue;
      params.set(arg.name, arg.value ?? { kind: 'bool', value: true, range: arg.nameRange! });
    }
    return params;
  }

  /** Cmdlet arguments up to the end of the statement: `-Name value`, `-Name:value`, switches, `@splat`, values. */
  private cmdletArguments(depth: number): Argument[] {
    const args: Argument[] = [];
    while (!this.atStatementEnd()) {
      const t = this.peek()!;
      const next = this.peek(1);
      if (t.kind === 'punct' && t.text === '-' && this.is(next, 'identifier') && this.touching(t, next)) {
        this.i += 2;
        const arg: Argument = { name: this.lower(next!.text), nameRange: { start: t.start, end: next!.end } };
        if (this.punct(':') && this.touching(next, this.peek())) {
          this.i++;
          arg.value = this.argumentValue(depth);
        } else if (!this.atStatementEnd() && !this.startsParameter()) {
          const v = this.peek()!;
          // A switch is followed by the next parameter; `-Switch $false` (Entra, AzureAD booleans) takes it.
          if (!SWITCHES.has(arg.name!) || (v.kind === 'variable' && /^(true|false)$/i.test(v.text))) arg.value = this.argumentValue(depth);
        }
        args.push(arg);
        continue;
      }
      if (t.kind === 'punct' && t.text === '@' && this.is(next, 'identifier') && this.touching(t, next)) {
        // `@params`: the lexer reads `$`-less names as identifiers.
        this.i += 2;
        args.push({ splat: this.variables.get(this.variableName(next!.text))?.value });
        continue;
      }
      const before = this.i;
      args.push({ value: this.argumentValue(depth) });
      if (this.i === before) this.i++;
    }
    return args;
  }

  /** Past a command's arguments to the end of its statement; `{ … }` script blocks are read as statements. */
  private skipArguments(depth: number): void {
    while (!this.atStatementEnd()) {
      const t = this.peek()!;
      if (t.kind === 'punct' && t.text === '{' && !this.is(this.tokens[this.i - 1], 'punct', '@')) this.block(depth);
      else if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || (t.text === '@' && this.punct('{', 1)))) {
        if (t.text === '@') this.i++;
        this.skipGroup();
      } else this.i++;
    }
  }

  private startsParameter(): boolean {
    const t = this.peek();
    const next = this.peek(1);
    return this.is(t, 'punct', '-') && this.is(next, 'identifier') && this.touching(t, next);
  }

  /** Arguments of a native command (`az`, `m365`): words, with arrays passed as several. */
  private nativeArguments(depth: number): ScriptText[] {
    const words: ScriptText[] = [];
    while (!this.atStatementEnd()) {
      const before = this.i;
      const value = this.argumentValue(depth, true);
      flattenWords(value, words);
      if (this.i === before) this.i++;
    }
    return words;
  }

  // --- values --------------------------------------------------------------------------------------

  /** A value in argument mode: a bare word or an expression, and a comma list of them. */
  private argumentValue(depth: number, native = false): ScriptValue {
    const first = this.argumentItem(depth, native);
    if (!this.punct(',')) return first;
    const items = [first];
    while (this.punct(',')) {
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      if (this.atStatementEnd()) break;
      items.push(this.argumentItem(depth, native));
    }
    return { kind: 'list', items, range: { start: rangeOf(first).start, end: rangeOf(items[items.length - 1]).end } };
  }

  private argumentItem(depth: number, native: boolean): ScriptValue {
    const t = this.peek()!;
    if (t.kind === 'string' || t.kind === 'variable' || t.kind === 'number' || (t.kind === 'punct' && (t.text === '@' || t.text === '(' || t.text === '$'))) {
      // An expression, possibly glued to more word characters (`"$x"/path` is one argument).
      const value = this.primary(depth);
      return this.glued(value, native);
    }
    return this.bareWord(native);
  }

  /** Tokens written against a value continue the same argument (`$base/auth`, `"a"b`). */
  private glued(value: ScriptValue, native: boolean): ScriptValue {
    if (value.kind !== 'text' && value.kind !== 'unknown') return value;
    const parts: ScriptText[] = [value.kind === 'text' ? value.text : holeText(this.text.slice(value.range.start, value.range.end), value.range)];
    while (this.touching(this.tokens[this.i - 1], this.peek()) && !this.atStatementEnd() && !this.punct(',')) {
      const more = this.bareWord(native, true);
      if (more.kind === 'text') parts.push(more.text);
      else break;
    }
    if (parts.length === 1) return value;
    return textValue(concatTexts(parts, { start: rangeOf(value).start, end: this.tokens[this.i - 1].end })!);
  }

  /** A bare word in argument mode (`AzureADMyOrg`, `http://localhost`, `--web-redirect-uris`). */
  private bareWord(native: boolean, glued = false): ScriptValue {
    const start = this.i;
    const parts: ScriptText[] = [];
    while (this.i < this.tokens.length) {
      const t = this.peek()!;
      if (this.i > start && !this.touching(this.tokens[this.i - 1], t)) break;
      if (t.kind === 'newline' || (t.kind === 'punct' && (t.text === ';' || t.text === '|' || t.text === ')' || t.text === '}' || t.text === ','))) break;
      if (t.kind === 'punct' && t.text === '(' && !native) break;
      if (t.kind === 'string' || t.kind === 'variable') {
        if (glued && this.i === start) {
          parts.push(this.textOf(this.primary(0)));
          continue;
        }
        if (this.i > start) {
          parts.push(this.textOf(this.primary(0)));
          continue;
        }
      }
      if (t.kind === 'punct' && t.text === '`' && this.tokens[this.i + 1] && this.touching(t, this.tokens[this.i + 1])) {
        // An escaped character stands for itself (`` `@file.json ``).
        this.i++;
        const escaped = this.tokens[this.i++];
        parts.push(literalText(escaped.text, { start: escaped.start, end: escaped.end }));
        continue;
      }
      parts.push(literalText(this.text.slice(t.start, t.end), { start: t.start, end: t.end }));
      this.i++;
    }
    if (!parts.length) return unknownValue(this.rangeFrom(start));
    const text = concatTexts(parts)!;
    const known = knownText(text)?.toLowerCase();
    if (known === '$true' || known === '$false') return { kind: 'bool', value: known === '$true', range: text.range };
    return textValue(text);
  }

  private textOf(value: ScriptValue): ScriptText {
    if (value.kind === 'text') return value.text;
    return holeText(this.text.slice(rangeOf(value).start, rangeOf(value).end), rangeOf(value));
  }

  /** An expression in value mode: `a, b` lists, `a + b` concatenation, and the primaries. */
  private expression(depth: number, stopAtComma: boolean): ScriptValue {
    const first = this.sum(depth);
    if (stopAtComma || !this.punct(',')) return first;
    const items = [first];
    while (this.punct(',')) {
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      if (this.atStatementEnd()) break;
      items.push(this.sum(depth));
    }
    return { kind: 'list', items, range: { start: rangeOf(first).start, end: rangeOf(items[items.length - 1]).end } };
  }

  private sum(depth: number): ScriptValue {
    const start = this.i;
    let left = this.unary(depth);
    while (this.punct('+') && !this.punct('=', 1)) {
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      if (this.atStatementEnd()) break;
      const right = this.unary(depth);
      left = add(left, right, this.text, this.rangeFrom(start));
    }
    return left;
  }

  private unary(depth: number): ScriptValue {
    // `!x` (any number of them, read in a loop): the result is a boolean not known here.
    const start = this.i;
    let negated = false;
    while (this.punct('!')) {
      this.i++;
      negated = true;
    }
    const value = this.primary(depth);
    return negated ? unknownValue(this.rangeFrom(start)) : value;
  }

  private primary(depth: number): ScriptValue {
    const start = this.i;
    const t = this.peek();
    if (!t) return unknownValue({ start: this.text.length, end: this.text.length });
    if (depth >= MAX_DEPTH) {
      if (t.kind === 'punct' && '@({['.includes(t.text)) this.skipGroup();
      else this.i++;
      return unknownValue(this.rangeFrom(start));
    }
    if (t.kind === 'punct' && t.text === '[') {
      // A cast or type literal: `[string[]]@(…)`, `[System.Uri]"…"`.
      this.skipGroup();
      if (this.touching(this.tokens[this.i - 1], this.peek()) || this.is(this.peek(), 'string') || this.is(this.peek(), 'variable') || this.punct('@')) {
        if (this.punct('.') || this.punct(':')) return this.postfix(unknownValue(this.rangeFrom(start)), start);
        return this.primary(depth + 1);
      }
      return unknownValue(this.rangeFrom(start));
    }
    if (t.kind === 'string') {
      this.i++;
      return this.postfix(this.building ? textValue(this.stringValue(t)) : UNBUILT, start);
    }
    if (t.kind === 'number') {
      this.i++;
      return this.building ? textValue(literalText(t.text, { start: t.start, end: t.end })) : UNBUILT;
    }
    if (t.kind === 'variable') {
      this.i++;
      const name = this.variableName(t.text);
      if (!this.building && (name === 'true' || name === 'false')) return UNBUILT;
      if (name === 'true' || name === 'false') return { kind: 'bool', value: name === 'true', range: { start: t.start, end: t.end } };
      if (name === 'null') return unknownValue({ start: t.start, end: t.end });
      // A variable's value keeps the ranges where it is written (where a URI would be fixed).
      const base = this.variables.get(name)?.value;
      return this.postfix(base ?? textValue(holeText(this.text.slice(t.start, t.end), { start: t.start, end: t.end })), start);
    }
    if (t.kind === 'punct' && t.text === '@' && this.punct('{', 1) && this.touching(t, this.peek(1))) return this.hashtable(depth);
    if (t.kind === 'punct' && t.text === '@' && this.punct('(', 1) && this.touching(t, this.peek(1))) return this.arrayExpression(depth);
    if (t.kind === 'punct' && t.text === '$' && this.punct('(', 1)) {
      this.i++;
      this.skipGroup();
      return textValue(holeText(this.text.slice(t.start, this.tokens[this.i - 1].end), this.rangeFrom(start)));
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      const inner = this.is(this.peek(), 'identifier') ? this.pipeline(depth + 1, undefined).value : this.expression(depth + 1, false);
      while (!this.punct(')') && this.i < this.tokens.length && !this.atStatementEnd()) this.i++;
      if (this.punct(')')) this.i++;
      return this.postfix(inner, start);
    }
    if (t.kind === 'identifier') {
      // A command in value position (`$app = Get-MgApplication …` is read as a pipeline before this).
      return this.bareWord(false);
    }
    this.i++;
    return unknownValue(this.rangeFrom(start));
  }

  /** A string's text; decoded when first read if nothing in it can name a variable (most are never read). */
  private stringValue(token: Token): ScriptText {
    // Every hole of an expandable string starts with `$` (`$name`, `${name}`, `$(…)`).
    for (let k = token.start; k < token.end; k++) if (this.text.charCodeAt(k) === 36) return stringText(token, this.text, this.resolveHole);
    return deferredStringText(token, this.text);
  }

  /** `.Member`, `[index]`, `.Method(…)` after a value: the result is not known (its root names an app). */
  private postfix(value: ScriptValue, start: number): ScriptValue {
    let changed = false;
    for (;;) {
      const t = this.peek();
      if (this.is(t, 'punct', '.') && this.touching(this.tokens[this.i - 1], t) && this.is(this.peek(1), 'identifier')) {
        this.i += 2;
        changed = true;
        if (this.punct('(') && this.touching(this.tokens[this.i - 1], this.peek())) this.skipGroup();
        continue;
      }
      if (this.is(t, 'punct', ':') && this.punct(':', 1)) {
        this.i += 2;
        changed = true;
        continue;
      }
      if (this.is(t, 'punct', '[') && this.touching(this.tokens[this.i - 1], t)) {
        this.skipGroup();
        changed = true;
        continue;
      }
      break;
    }
    if (!changed) return value;
    const range = this.rangeFrom(start);
    return textValue(holeText(this.text.slice(range.start, range.end), range));
  }

  private hashtable(depth: number): ScriptValue {
    const start = this.i;
    this.i += 2; // @{
    // Keys ignore case (as mapValue's); a later entry replaces an earlier one in its place.
    const entries = this.building ? new Map<string, ScriptValue>() : undefined;
    while (this.i < this.tokens.length && !this.punct('}')) {
      const t = this.peek()!;
      if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) {
        this.i++;
        continue;
      }
      let key: string | undefined;
      if (t.kind === 'identifier' || t.kind === 'number') key = this.lower(t.text);
      else if (t.kind === 'string') key = knownText(stringText(t, this.text))?.toLowerCase();
      this.i++;
      if (key === undefined || !this.punct('=')) {
        this.skipTo(ENTRY_ENDS, true);
        continue;
      }
      this.i++;
      while (this.is(this.peek(), 'newline')) this.i++;
      const before = this.i;
      const value = this.is(this.peek(), 'identifier') && !this.punct('=', 1) ? this.pipeline(depth + 1, undefined).value : this.expression(depth + 1, false);
      if (this.i === before) this.i++;
      entries?.set(key, value);
    }
    if (this.punct('}')) this.i++;
    return entries ? { kind: 'map', entries, range: this.rangeFrom(start) } : UNBUILT;
  }

  private arrayExpression(depth: number): ScriptValue {
    const start = this.i;
    this.i += 2; // @(
    const items: ScriptValue[] | undefined = this.building ? [] : undefined;
    while (this.i < this.tokens.length && !this.punct(')')) {
      const t = this.peek()!;
      if (t.kind === 'newline' || (t.kind === 'punct' && (t.text === ';' || t.text === ','))) {
        this.i++;
        continue;
      }
      const before = this.i;
      const value = this.is(t, 'identifier') ? this.pipeline(depth + 1, undefined).value : this.expression(depth + 1, false);
      if (items && value.kind === 'list') items.push(...value.items);
      else items?.push(value);
      if (this.i === before) this.i++;
    }
    if (this.punct(')')) this.i++;
    return items ? { kind: 'list', items, range: this.rangeFrom(start) } : UNBUILT;
  }

  /** Skips to one of `stops` at bracket depth 0 (a flat loop), newlines too when `newline`. */
  private skipTo(stops: readonly string[], newline: boolean): void {
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.peek()!;
      if (depth === 0 && ((t.kind === 'punct' && stops.includes(t.text)) || (newline && t.kind === 'newline'))) return;
      if (t.kind === 'punct' && '({['.includes(t.text)) depth++;
      else if (t.kind === 'punct' && ')}]'.includes(t.text)) {
        if (depth === 0) return;
        depth--;
      }
      this.i++;
    }
  }

  // --- names -----------------------------------------------------------------------------------------

  /** A `$name` or `$(…)` hole in a string: the variable's text when the file set it. */
  private resolve(expression: string, _range: Range): ScriptText | undefined {
    const name = /^\{?\$?([A-Za-z_][\w:]*)\}?$/.exec(expression.trim())?.[1];
    if (!name) return undefined;
    const value = this.variables.get(this.variableName(name))?.value;
    if (value?.kind === 'text' && value.text.pieces.some((p) => 'text' in p)) return value.text;
    if (value?.kind === 'list') {
      // An array in a string is joined with spaces.
      const texts = value.items.filter((v): v is Extract<ScriptValue, { kind: 'text' }> => v.kind === 'text').map((v) => v.text);
      if (texts.length === value.items.length && texts.length) {
        const joined: ScriptText[] = [];
        texts.forEach((t, k) => {
          if (k) joined.push(literalText(' ', { start: t.range.start, end: t.range.start }, false));
          joined.push(t);
        });
        return concatTexts(joined);
      }
    }
    return undefined;
  }

  /** The app a value names: a GUID written out, or the variable (root of `$app.Id`) that holds an app. */
  private keyOfText(text: ScriptText): string | undefined {
    const known = knownText(text, true)?.trim();
    if (known) return known.toLowerCase();
    for (const piece of text.pieces) {
      if (!('hole' in piece)) continue;
      const name = /^\$\{?\(?\$?([A-Za-z_][\w:]*)/.exec(piece.hole)?.[1];
      if (name) {
        const variable = this.variables.get(this.variableName(name));
        return variable?.appKey ?? this.variableName(name);
      }
    }
    return undefined;
  }

  private appKeyOfValue(value: ScriptValue): string | undefined {
    return value.kind === 'text' ? this.keyOfTextIfVariable(value.text) : undefined;
  }

  /** `$ObjId = $app.Id`: the new variable names the same app. */
  private keyOfTextIfVariable(text: ScriptText): string | undefined {
    if (text.pieces.length !== 1 || !('hole' in text.pieces[0])) return undefined;
    const name = /^\$\{?\(?\$?([A-Za-z_][\w:]*)/.exec(text.pieces[0].hole)?.[1];
    return name ? (this.variables.get(this.variableName(name))?.appKey ?? undefined) : undefined;
  }

  private appIdOfValue(value: ScriptValue): ReturnType<typeof appIdOf> {
    if (value.kind !== 'text') return undefined;
    const key = this.keyOfTextIfVariable(value.text);
    return key ? this.handleAppId(key) : appIdOf(value.text);
  }
}

/** Switch parameters: alone they mean true, and they do not take the next value. */
const SWITCHES = new Set([
  'isfallbackpublicclient',
  'implicitgrantsettingenableidtokenissuance',
  'implicitgrantsettingenableaccesstokenissuance',
  'enableidtokenissuance',
  'enableaccesstokenissuance',
  'availabletoothertenants',
  'oauth2allowimplicitflow',
  'passthru',
  'whatif',
  'confirm',
  'force',
]);

/** PowerShell names ignore case and a scope prefix (`$script:app` is `$app`). */
function variableName(name: string): string {
  if (!name.includes(':') && !name.includes('{')) return name.toLowerCase();
  return name
    .replace(/^\{|\}$/g, '')
    .replace(/^(?:script|global|local|private|using):/i, '')
    .toLowerCase();
}

/** Marks a default value (and every text in it) as replaceable by the caller. */
function markOverridable(value: ScriptValue): ScriptValue {
  switch (value.kind) {
    case 'text':
      return { kind: 'text', text: overridableText(value.text) };
    case 'list':
      return { ...value, items: value.items.map(markOverridable) };
    default:
      return value;
  }
}

/** `a + b`: text concatenation, or an array with more items. */
function add(left: ScriptValue, right: ScriptValue, text: string, site: Range): ScriptValue {
  if (left.kind === 'list')
    return {
      kind: 'list',
      items: [...left.items, ...(right.kind === 'list' ? right.items : [right])],
      range: { start: left.range.start, end: rangeOf(right).end },
    };
  const asText = (v: ScriptValue): ScriptText | undefined => {
    if (v.kind === 'text') return v.text;
    if (v.kind === 'unknown') return holeText(text.slice(v.range.start, v.range.end), v.range);
    return undefined;
  };
  const a = asText(left);
  const b = asText(right);
  if (!a || !b) return unknownValue(site);
  return textValue(concatTexts([a, b], site)!);
}

/** Native command arguments: texts, lists flattened (PowerShell passes each array item as an argument). */
function flattenWords(value: ScriptValue, into: ScriptText[]): void {
  if (value.kind === 'text') into.push(value.text);
  else if (value.kind === 'list') for (const item of value.items) flattenWords(item, into);
  else if (value.kind === 'bool') into.push(literalText(value.value ? 'true' : 'false', value.range, false));
  else if (value.kind === 'unknown') into.push(holeText('(unknown)', value.range));
}

/** The source range of characters `at`..`at + length` of a known text. */
function positionIn(text: ScriptText, at: number, length: number): Range {
  let offset = 0;
  for (const piece of text.pieces) {
    if ('hole' in piece) return text.range;
    if (at >= offset && at + length <= offset + piece.text.length) {
      if (!piece.exact) return piece.range;
      return { start: piece.range.start + (at - offset), end: piece.range.start + (at - offset) + length };
    }
    offset += piece.text.length;
  }
  return text.range;
}
