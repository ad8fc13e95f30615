import { tokenizeBash } from '../lexing/languages/bash';
import type { LexToken } from '../lexing/lexer';
import type { ParsedFile, Range } from '../model';
import { RegistrationBuilder, appIdOf, readAzCommand, readM365Command } from './registration-script';
import { holeText, literalText, concatTexts, knownText, overridableText, type ScriptText } from './script-values';
import { shiftTokens, stringText } from './script-tokens';
import { defineFormat, emptyParsed, HASH_COMMENTS, MAX_PROBLEMS } from './types';

// Shell scripts that register apps with the Azure CLI or the CLI for Microsoft 365: `az ad app
// create|update`, `az rest` against Graph's applications, `m365 entra app add|set`. Read from the shared
// lexer's bash tokens: commands split at newlines (not after a `\` continuation), `;`, `&&`, `||` and `|`;
// words are tokens written next to each other; variables assigned earlier in the file (`REDIRECT="…"`,
// `APP_ID=$(az ad app create … --query appId -o tsv)`, `${1:-default}`) are followed, the rest is unknown.
// Shapes from Azure-Samples azd hooks (scripts/postprovision.sh) and Azure/azure-cli's `ad app` docs.

/** Text that makes a file worth reading: a command that creates or changes an app registration. */
export const REGISTRATION_COMMANDS =
  /\baz\s+(?:ad\s+app\s+(?:create|update)|rest\b[^\n]{0,400}\/applications)|\bm365\s+(?:entra|aad)\s+app(?:registration)?\s+(?:add|set)\b/;

export const shellFormat = defineFormat({
  id: 'shell-script',
  title: 'Shell scripts',
  files: '`*.sh`, `*.bash` that call `az ad app`, `az rest` on applications or `m365 entra app`',
  reads:
    '`az ad app create|update` (`--public-client-redirect-uris`, `--web-redirect-uris`, `--sign-in-audience`, `--is-fallback-public-client`, implicit grant flags, `--id`), `az rest` Graph bodies (`spa`, `web`, `publicClient`), `m365 entra app add|set`; variables set in the script',
  globs: ['**/*.sh', '**/*.bash'],
  comments: HASH_COMMENTS,
  literal: 'code',
  languageIds: ['shellscript'],
  untitled: [{ languageId: 'shellscript', name: 'register-app.sh', hint: REGISTRATION_COMMANDS }],
  byName: (path) => (/\.(?:sh|bash)$/i.test(path) ? 'sniff' : 'no'),
  sniff: (text) => REGISTRATION_COMMANDS.test(text),
  parse(path, text) {
    const parsed = emptyParsed(path, 'shell-script', text);
    readShellInto(parsed, text);
    return parsed;
  },
});

/**
 * Reads the registration commands of a bash text into `parsed` (registrations, comments, problems). The
 * CI YAML reader calls it on a copy of the file where everything but script bodies is blank, so offsets
 * are those of the file. With `builder`, the registrations go there (the caller builds them).
 */
export function readShellInto(parsed: ParsedFile, text: string, builder?: RegistrationBuilder): void {
  const { tokens, comments, problems } = tokenizeBash(text);
  parsed.comments = [...(parsed.comments ?? []), ...comments];
  parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
  const reader = new ShellReader(text, tokens, builder);
  reader.run();
  if (!builder) parsed.registrations.push(...reader.builder.build());
}

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  'for',
  'case',
  'esac',
  '!',
  'time',
  'exec',
  'command',
  'eval',
  '[[',
  ']]',
]);
const DECLARATIONS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
const ASSIGNMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `"$(…"$(…)"…)"` strings are lexed again per level; past this many levels the rest is not read. */
const MAX_NESTED_SUBSTITUTIONS = 8;

type Token = LexToken<string>;

interface Variable {
  text?: ScriptText;
  /** The variable holds what a registration command returned (the app's id): its key. */
  appKey?: string;
}

/** The command groups, after the tool's name, under which apps are registered (`az ad app …`, `az rest`, `m365 entra app …`). */
const REGISTERING_GROUPS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['az', new Set(['ad', 'rest'])],
  ['m365', new Set(['entra', 'aad'])],
]);

class ShellReader {
  /** For each `$` token that opens `$(`, the index of its closing `)`. */
  private readonly substitutionEnd = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    readonly builder = new RegistrationBuilder(),
    private readonly variables = new Map<string, Variable>(),
    /** How many `"$(…)"` strings this reader is inside (each is lexed again; hostile nesting stops). */
    private readonly nesting = 0,
  ) {
    this.matchSubstitutions();
  }

  run(): void {
    this.statements(0, this.tokens.length);
  }

  /** Indices, in order, of the tokens that hold a command: a `$(` opener, or a string with `$(` in it. */
  private readonly commandTokens: number[] = [];

  /**
   * Pairs each `$(` with its `)`, and notes the command tokens. The text says where `$(` is written, so
   * only the tokens from each one to its close are walked, not the whole list; pairing inside is the same
   * as from the file's start, since brackets opened before a `$(` stay below it on the stack.
   */
  private matchSubstitutions(): void {
    const { text, tokens, commandTokens } = this;
    let walkedTo = 0;
    for (let at = text.indexOf('$('); at >= 0; at = text.indexOf('$(', at + 1)) {
      const k = this.tokenHolding(at);
      if (k < 0) continue; // in a comment or a heredoc body
      const t = tokens[k];
      if (t.kind === 'string') {
        if (t.text.includes('$(') && commandTokens[commandTokens.length - 1] !== k) commandTokens.push(k);
      } else if (k >= walkedTo && this.opensSubstitution(k + 1)) walkedTo = this.pairBrackets(k + 1);
    }
    // Openers inside a walk were noted before strings after them in the walk.
    commandTokens.sort((a, b) => a - b);
  }

  /** Index of the token whose range holds `offset` (-1: none). */
  private tokenHolding(offset: number): number {
    const { tokens } = this;
    let low = 0;
    let high = tokens.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle].start <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found >= 0 && offset < tokens[found].end ? found : -1;
  }

  /** Whether the `(` token at `k` opens a command substitution: written right after a `$`. */
  private opensSubstitution(k: number): boolean {
    const t = this.tokens[k];
    const before = this.tokens[k - 1];
    return t?.kind === 'punct' && t.text === '(' && k > 0 && before.text === '$' && before.end === t.start;
  }

  /** Pairs brackets from the `(` at `first` to its `)` (an explicit stack: nesting cannot overflow); returns the index after it. */
  private pairBrackets(first: number): number {
    const open: number[] = [];
    const kinds: boolean[] = [];
    const { tokens } = this;
    for (let k = first; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.kind !== 'punct') continue;
      if (t.text === '(') {
        const substitution = this.opensSubstitution(k);
        open.push(substitution ? k - 1 : k);
        kinds.push(substitution);
        if (substitution) this.commandTokens.push(k - 1);
      } else if (t.text === ')' && open.length) {
        const start = open.pop()!;
        if (kinds.pop()) this.substitutionEnd.set(start, k);
        if (!open.length) return k + 1;
      }
    }
    return tokens.length;
  }

  /**
   * The statements between tokens `from` and `to`. Every token of a file passes here, so the loop looks
   * at kinds and single-character texts only (a Set lookup per token cost more than the rest of the walk).
   */
  private statements(from: number, to: number): void {
    const { tokens, substitutionEnd } = this;
    let start = from;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t.kind === 'newline') {
        if (this.continued(k)) continue;
      } else if (t.kind !== 'punct') continue;
      else if (t.text === '$') {
        // A whole `$(…)` belongs to the statement around it.
        const end = substitutionEnd.get(k);
        if (end !== undefined && end < to) k = end;
        continue;
      } else if (t.text === '\\') {
        if (tokens[k + 1]?.kind === 'newline' && tokens[k + 1].start === t.end) k++; // a line continuation: the command goes on
        continue;
      } else if (!this.separates(k)) continue;
      if (k > start) this.statement(start, k);
      start = k + 1;
    }
    if (start < to) this.statement(start, to);
  }

  /** Whether the newline token at `k` is escaped: written right after a `\` (the command goes on). */
  private continued(k: number): boolean {
    const before = this.tokens[k - 1];
    return before !== undefined && before.text === '\\' && before.end === this.tokens[k].start;
  }

  /** Whether the punctuation token at `k` separates commands. */
  private separates(k: number): boolean {
    switch (this.tokens[k].text) {
      case ';':
      case '&':
      case '|':
        return true;
      case '(':
      case ')':
      case '{':
      case '}':
        // Brackets written against a word belong to it (`f() {`, `${{ vars.X }}`); alone, or first on
        // their line, they group commands.
        return this.tokens[k - 1] === undefined || this.tokens[k - 1].kind === 'newline' || this.tokens[k - 1].end !== this.tokens[k].start;
      default:
        return false;
    }
  }

  /** One simple command (with the assignments before it), tokens `from`..`to`. */
  private statement(from: number, to: number): void {
    // Kept apart from the reading: the closures there would make every call allocate their context, and
    // all but a few statements of a file stop at this check.
    if (this.mayMatter(from, to)) this.readStatement(from, to);
  }

  private readStatement(from: number, to: number): void {
    const runs = this.runs(from, to).filter((r) => !this.isContinuation(r.start, r.end) && this.tokens[r.start].kind !== 'newline');
    let w = 0;
    while (w < runs.length && KEYWORDS.has(this.tokens[runs[w].start].text) && runs[w].end - runs[w].start === 1) w++;
    if (w < runs.length && DECLARATIONS.has(this.tokens[runs[w].start].text)) {
      w++;
      while (w < runs.length && this.tokens[runs[w].start].text === '-') w++;
    }
    // Assignments: NAME=value words before the command (or alone).
    while (w < runs.length) {
      const run = runs[w];
      const head = this.tokens[run.start];
      const eq = this.tokens[run.start + 1];
      if (head.kind !== 'identifier' || eq?.text !== '=' || eq.start !== head.end || !ASSIGNMENT_NAME.test(head.text)) break;
      this.assign(head.text, run.start + 2, run.end);
      w++;
    }
    if (w >= runs.length) return;
    // Substitutions inside the arguments are commands of their own.
    for (const run of runs.slice(w)) this.innerCommands(run.start, run.end, undefined);
    const command = this.tokens[runs[w].start];
    // Only `az ad app …`, `az rest …` and `m365 entra|aad app …` lines are read word by word.
    if (runs[w].end - runs[w].start !== 1 || !this.registrationCommand(runs, w)) return;
    const words = runs.slice(w + 1).map((r) => this.word(r.start, r.end));
    this.command(command.text, command, words, this.rangeOf(from, to), undefined);
  }

  /**
   * A cheap look before a statement is read word by word: it matters when it assigns a variable, is an
   * az or m365 command (after keywords), or holds a `$(…)` command.
   */
  private mayMatter(from: number, to: number): boolean {
    let k = from;
    while (k < to && (this.tokens[k].kind === 'newline' || (this.tokens[k].kind === 'identifier' && KEYWORDS.has(this.tokens[k].text)))) k++;
    const head = this.tokens[k];
    if (!head) return false;
    const next = this.tokens[k + 1];
    if (head.kind === 'identifier') {
      if (REGISTERING_GROUPS.has(head.text)) return !this.otherCommandGroup(k, to) || this.holdsSubstitution(from, to);
      if (DECLARATIONS.has(head.text)) return true;
      if (next && next.text === '=' && next.start === head.end) return true;
    }
    return this.holdsSubstitution(from, to);
  }

  /**
   * `az group create …`, `m365 spo …`: a command group that never registers an app, named by a plain word
   * after the tool's (most az lines of a provisioning script). A line break or anything else after it is
   * read in full.
   */
  private otherCommandGroup(k: number, to: number): boolean {
    const tool = this.tokens[k];
    const next = this.tokens[k + 1];
    const after = this.tokens[k + 2];
    if (k + 1 >= to || next.kind !== 'identifier' || next.start === tool.end) return false;
    if (k + 2 < to && after.start === next.end) return false; // the word goes on (`ad"…"`): read in full
    return !REGISTERING_GROUPS.get(tool.text)?.has(next.text);
  }

  /** Any `$(…)` or a string holding one, inside tokens `from`..`to`. */
  private holdsSubstitution(from: number, to: number): boolean {
    const list = this.commandTokens;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo] < to;
  }

  /** Whether the words from `w` start a command that may register an app (a cheap look at plain words). */
  private registrationCommand(runs: { start: number; end: number }[], w: number): boolean {
    const word = (k: number) => (runs[w + k] && runs[w + k].end - runs[w + k].start === 1 ? this.tokens[runs[w + k].start].text : '');
    const head = this.tokens[runs[w].start].text;
    if (!REGISTERING_GROUPS.get(head)?.has(word(1))) return false;
    if (head === 'az') return word(1) === 'rest' || word(2) === 'app';
    return word(2) === 'app' || word(2) === 'appregistration';
  }

  /** Words of tokens `from`..`to`: adjacent tokens, with a whole `$(…)` inside one word. */
  private runs(from: number, to: number): { start: number; end: number }[] {
    const runs: { start: number; end: number }[] = [];
    let k = from;
    while (k < to) {
      const start = k;
      for (;;) {
        const end = this.substitutionEnd.get(k);
        k = end !== undefined && end < to ? end + 1 : k + 1;
        if (k >= to || this.tokens[k].start !== this.tokens[k - 1].end || this.tokens[k].kind === 'newline' || this.tokens[k - 1].kind === 'newline') break;
      }
      runs.push({ start, end: k });
    }
    return runs;
  }

  private isContinuation(start: number, end: number): boolean {
    return end - start === 1 && this.tokens[start].text === '\\';
  }

  private command(name: string, token: Token | undefined, words: ScriptText[], range: Range, assignedTo: string | undefined): void {
    if (!token) return;
    const keyOf = (t: ScriptText) => this.keyOf(t);
    const op = name === 'az' ? readAzCommand(words, range, keyOf, assignedTo) : name === 'm365' ? readM365Command(words, range, keyOf, assignedTo) : undefined;
    if (op) this.builder.apply(op);
  }

  /** `NAME=value` (the value is tokens `from`..`to`): remembers what NAME holds. */
  private assign(name: string, from: number, to: number): void {
    const first = this.tokens[from];
    // NAME=$(az ad app create …): NAME holds the new app's id (or object).
    const end = first ? this.substitutionEnd.get(from) : undefined;
    if (first && end !== undefined && end === to - 1) {
      const appKey = this.innerCommand(from + 2, end, name.toLowerCase());
      this.variables.set(name, { text: holeText(this.text.slice(first.start, this.tokens[end].end), this.rangeOf(from, to)), appKey });
      return;
    }
    if (first?.text === '(' && first.kind === 'punct') {
      // NAME=( a b c ): an array; its words, space-joined, as one text that lists split again.
      const close = this.closingParen(from);
      const items = this.runs(from + 1, close)
        .filter((r) => this.tokens[r.start].kind !== 'newline')
        .map((r) => this.word(r.start, r.end));
      const joined: ScriptText[] = [];
      items.forEach((item, i) => {
        if (i) joined.push(literalText(' ', { start: item.range.start, end: item.range.start }, false));
        joined.push(item);
      });
      this.variables.set(name, { text: concatTexts(joined) ?? literalText('', this.rangeOf(from, from)) });
      return;
    }
    const text = from < to ? this.word(from, to) : literalText('', { start: this.tokens[from - 1].end, end: this.tokens[from - 1].end });
    // A string holding `$(az …)` whole (`NAME="$(az ad app create …)"`): NAME keeps what it returns.
    const only = from + 1 === to ? this.tokens[from] : undefined;
    const hole = only?.kind === 'string' && only.parts?.length === 1 && 'expression' in only.parts[0] ? only.parts[0] : undefined;
    let appKey: string | undefined;
    if (hole && this.text[hole.range.start - 1] === '(') appKey = this.lexedCommand(hole.range, name.toLowerCase());
    else {
      this.innerCommands(from, to, undefined);
      if (hole) appKey = this.variables.get(hole.expression)?.appKey;
      else if (only?.kind === 'variable') appKey = this.variables.get(only.text)?.appKey;
    }
    this.variables.set(name, { text, appKey: appKey ?? this.keyOfKnown(text) });
  }

  /** The `)` closing the `(` at `from` (array assignments may run over several words and lines). */
  private closingParen(from: number): number {
    let depth = 0;
    for (let k = from; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.kind !== 'punct') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) return k;
    }
    return this.tokens.length;
  }

  /** Commands inside `$(…)` of tokens `from`..`to`. */
  private innerCommands(from: number, to: number, assignedTo: string | undefined): void {
    // Only the tokens that can hold a command are looked at (found by binary search).
    const list = this.commandTokens;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let n = lo; n < list.length && list[n] < to; n++) {
      const k = list[n];
      const end = this.substitutionEnd.get(k);
      if (end !== undefined) {
        this.innerCommand(k + 2, end, assignedTo);
        while (n + 1 < list.length && list[n + 1] <= end) n++;
      } else if (this.tokens[k].kind === 'string') {
        for (const part of this.tokens[k].parts ?? []) {
          if ('expression' in part && this.text[part.range.start - 1] === '(' && this.text[part.range.start - 2] === '$')
            this.lexedCommand(part.range, assignedTo);
        }
      }
    }
  }

  /** The command of tokens `from`..`to` (inside a substitution); returns the app key it assigns, if any. */
  private innerCommand(from: number, to: number, assignedTo: string | undefined): string | undefined {
    const runs = this.runs(from, to).filter((r) => !this.isContinuation(r.start, r.end) && this.tokens[r.start].kind !== 'newline');
    if (!runs.length) return undefined;
    const head = this.tokens[runs[0].start];
    const words = runs.slice(1).map((r) => this.word(r.start, r.end));
    return this.commandKey(head, runs[0].end - runs[0].start === 1, words, this.rangeOf(from, to), assignedTo);
  }

  /** A substitution written inside a double-quoted string: lexed again at its own offset. */
  private lexedCommand(range: Range, assignedTo: string | undefined): string | undefined {
    if (this.nesting >= MAX_NESTED_SUBSTITUTIONS) return undefined;
    const source = this.text.slice(range.start, range.end);
    if (!/\b(?:az|m365)\b/.test(source)) return undefined;
    // The hole is lexed alone; its tokens are moved to where it is in the file.
    const tokens = shiftTokens(tokenizeBash(source).tokens, range.start);
    const inner = new ShellReader(this.text, tokens, this.builder, this.variables, this.nesting + 1);
    return inner.innerCommand(0, inner.tokens.length, assignedTo);
  }

  private commandKey(head: Token, single: boolean, words: ScriptText[], range: Range, assignedTo: string | undefined): string | undefined {
    if (!single) return undefined;
    const keyOf = (t: ScriptText) => this.keyOf(t);
    if (head.text === 'az') {
      const op = readAzCommand(words, range, keyOf, assignedTo);
      if (op) {
        this.builder.apply(op);
        return op.key;
      }
      // `az ad app show --id X --query id`: the result names the same app as X.
      const verbs = words.slice(0, 3).map((w) => knownText(w));
      if (verbs[0] === 'ad' && verbs[1] === 'app' && (verbs[2] === 'show' || verbs[2] === 'list')) {
        const id = words.findIndex((w) => knownText(w) === '--id');
        const target = id >= 0 ? words[id + 1] : undefined;
        if (!target) return undefined;
        const key = this.keyOf(target);
        const appId = appIdOf(target);
        if (key && appId) this.builder.noteAppId(key, appId);
        return key;
      }
      return undefined;
    }
    if (head.text === 'm365') {
      const op = readM365Command(words, range, keyOf, assignedTo);
      if (op) this.builder.apply(op);
      return op?.key;
    }
    return undefined;
  }

  /** The app a value names: a GUID written out, or a variable holding a registration command's result. */
  private keyOf(text: ScriptText): string | undefined {
    const known = knownText(text, true)?.trim();
    if (known) return known.toLowerCase();
    for (const piece of text.pieces) {
      if (!('hole' in piece)) continue;
      const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(piece.hole)?.[1];
      if (name) return this.variables.get(name)?.appKey ?? name.toLowerCase();
    }
    return undefined;
  }

  private keyOfKnown(text: ScriptText): string | undefined {
    const known = knownText(text, true)?.trim();
    return known && /^[0-9a-f-]{36}$/i.test(known) ? known.toLowerCase() : undefined;
  }

  /** One shell word (tokens `from`..`to`, no spaces between them) as text. */
  private word(from: number, to: number): ScriptText {
    const parts: ScriptText[] = [];
    for (let k = from; k < to; k++) {
      const t = this.tokens[k];
      const end = this.substitutionEnd.get(k);
      if (end !== undefined) {
        const close = this.tokens[Math.min(end, to - 1)];
        parts.push(holeText(this.text.slice(t.start, close.end), { start: t.start, end: close.end }));
        k = end;
        continue;
      }
      if (t.kind === 'string') parts.push(stringText(t, this.text, (expression, range) => this.resolve(expression, range)));
      else if (t.kind === 'variable' && t.text.startsWith('{') && this.tokens[k + 1]?.text === '}' && this.tokens[k + 1].start === t.end && k + 1 < to) {
        // A CI expression (`${{ vars.CLIENT_ID }}`, GitHub and Azure Pipelines templates): unknown here.
        parts.push(holeText(this.text.slice(t.start, this.tokens[k + 1].end), { start: t.start, end: this.tokens[k + 1].end }));
        k++;
      } else if (t.kind === 'variable')
        parts.push(this.resolve(t.text, { start: t.start, end: t.end }) ?? holeText(t.text && this.text.slice(t.start, t.end), { start: t.start, end: t.end }));
      else if (t.kind === 'punct' && t.text === '\\' && k + 1 < to) {
        // An escaped character outside quotes stands for itself.
        const next = this.tokens[k + 1];
        parts.push(literalText(this.text[t.end] ?? '', { start: t.end, end: t.end + 1 }));
        if (next.start === t.end && next.end - next.start > 1)
          parts.push(literalText(this.text.slice(t.end + 1, next.end), { start: t.end + 1, end: next.end }));
        k++;
      } else parts.push(literalText(this.text.slice(t.start, t.end), { start: t.start, end: t.end }));
    }
    return concatTexts(parts, parts.length > 1 ? this.rangeOf(from, to) : undefined) ?? literalText('', this.rangeOf(from, from));
  }

  /** `$NAME`, `${NAME}`, `${NAME:-default}`: what the file assigned, a default (replaceable), or unknown. */
  private resolve(expression: string, range: Range): ScriptText | undefined {
    const simple = /^\{?([A-Za-z_][A-Za-z0-9_]*)(\[[@*]\])?\}?$/.exec(expression);
    if (simple) return known(this.variables.get(simple[1])?.text);
    const fallback = /^\{?([A-Za-z_][A-Za-z0-9_]*|\d+):?[-=]([^$`"'}]*)\}?$/.exec(expression);
    if (fallback) {
      const assigned = known(this.variables.get(fallback[1])?.text);
      if (assigned) return assigned;
      const value = fallback[2];
      const at = this.text.indexOf(value, range.start);
      if (!value || at < 0 || at + value.length > range.end) return undefined;
      return overridableText(literalText(value, { start: at, end: at + value.length }));
    }
    return undefined;
  }

  private rangeOf(from: number, to: number): Range {
    const first = this.tokens[from];
    const last = this.tokens[Math.max(from, to - 1)];
    if (!first) return { start: this.text.length, end: this.text.length };
    return { start: first.start, end: Math.max(first.start, last?.end ?? first.end) };
  }
}

/** A variable's value when some of it is known; a value that is wholly unknown keeps its name at the use. */
function known(text: ScriptText | undefined): ScriptText | undefined {
  return text && text.pieces.some((p) => 'text' in p) ? text : undefined;
}
