// The one glob matcher of the engine: discovery, `exclude`/`include`, `suppressions[].files` and the
// extension all match paths with it. Regex-based matchers (picomatch, minimatch) backtrack: fourteen
// stars against a long folder name took minutes. Here a pattern becomes a small NFA that is simulated
// over the path, so matching costs O(path length × pattern length) whatever the pattern says, and
// simple patterns (plain paths, `name/**`, `**/name`) are looked up in sets, so 200,000 of them are cheap.
//
// Syntax (paths are `/`-separated, relative; dotfiles match like any name):
//   *   any run of characters within one segment     **  any number of whole segments (`a/**/b`, `**/x`, `x/**`)
//   ?   one character other than `/`                 [abc] [a-z] [!a] [^a]  one character of (or not of) a set
//   {a,b} alternatives (nesting allowed)             \x  the character x itself
// Not supported (an error that says so): extglobs such as `@(a|b)` and `!(x)`, a leading `!` (negation).

export class GlobError extends Error {}

/** Longest pattern accepted, and most alternatives `{…}` may expand to (per pattern). */
export const MAX_GLOB_LENGTH = 4096;
export const MAX_BRACE_EXPANSIONS = 1024;
/** Most patterns that need the NFA (plain paths and `x/**` / `**\/x` forms do not count). */
export const MAX_WILDCARD_PATTERNS = 10_000;

/** Tests a `/`-separated relative path. */
export type PathMatcher = (path: string) => boolean;

type Test = (code: number) => boolean;
/** An NFA node: `test` consumes one UTF-16 unit; `split` is an epsilon fork; `accept` ends a match. */
type Node = { kind: 'test'; test: Test; next: number } | { kind: 'split'; a: number; b: number } | { kind: 'accept' };

const SLASH = 47;
const notSlash: Test = (c) => c !== SLASH;
const anyCode: Test = () => true;

/**
 * Compiles patterns into one matcher (true when any pattern matches). Throws GlobError naming the pattern
 * for syntax it does not support or limits it exceeds; `what` names the list in that message ("exclude").
 */
export function compileGlobs(patterns: readonly string[], what = 'pattern'): PathMatcher {
  const exact = new Set<string>();
  const underFolder = new Set<string>(); // `x/**`: x itself and everything below it
  const anyDepth = new Set<string>(); // `**/x`: x at any depth (x has no wildcard)
  const programs: Node[][] = [];
  for (const pattern of patterns) {
    for (const alternative of expandBraces(pattern, what)) {
      const body = checkSyntax(alternative, pattern, what);
      if (!hasWildcard(body)) exact.add(unescape(body));
      else if (body.endsWith('/**') && !hasWildcard(body.slice(0, -3))) underFolder.add(unescape(body.slice(0, -3)));
      else if (body.startsWith('**/') && !hasWildcard(body.slice(3))) anyDepth.add(unescape(body.slice(3)));
      else {
        programs.push(compile(body));
        if (programs.length > MAX_WILDCARD_PATTERNS)
          throw new GlobError(`${what}: more than ${MAX_WILDCARD_PATTERNS} patterns with wildcards; list plain paths or use folder patterns such as 'dir/**'`);
      }
    }
  }
  // Only prefixes and suffixes of a length some entry has are looked up, so a path 1,000 folders deep
  // costs one pass, not one slice per folder.
  const folderLengths = new Set([...underFolder].map((p) => p.length));
  const depthLengths = new Set([...anyDepth].map((p) => p.length));
  return (path) => {
    if (exact.has(path)) return true;
    if (underFolder.size || anyDepth.size) {
      if (underFolder.has(path) || anyDepth.has(path)) return true;
      for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        if (folderLengths.has(i) && underFolder.has(path.slice(0, i))) return true;
        if (depthLengths.has(path.length - i - 1) && anyDepth.has(path.slice(i + 1))) return true;
      }
    }
    for (const program of programs) if (run(program, path)) return true;
    return false;
  };
}

/** Whether `path` matches `pattern` (compiles it each time: for one-off tests). */
export function globMatches(pattern: string, path: string): boolean {
  return compileGlobs([pattern])(path);
}

/**
 * Problems of patterns as messages, for validating config files and flags before use; empty when all
 * compile. A string is checked alone; an array is checked as one list (its limits as a whole).
 */
export function globProblems(patterns: readonly (string | readonly string[])[], what = 'pattern'): string[] {
  const problems: string[] = [];
  for (const pattern of patterns) {
    try {
      compileGlobs(typeof pattern === 'string' ? [pattern] : pattern, what);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

function checkSyntax(body: string, pattern: string, what: string): string {
  const quoted = `'${pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern}'`;
  if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(`${what} ${quoted}: longer than ${MAX_GLOB_LENGTH} characters`);
  if (body.startsWith('!')) throw new GlobError(`${what} ${quoted}: negated patterns ('!…') are not supported; list what to match instead`);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if ('@!+*?'.includes(c) && body[i + 1] === '(')
      throw new GlobError(`${what} ${quoted}: extglob '${c}(' is not supported; use {a,b} for alternatives or escape it as \\(`);
  }
  // A leading './' means the same as no prefix; a trailing '/' names a folder and matches what is below it.
  let result = body.replace(/^(\.\/|\/)+/, '');
  if (result.endsWith('/') && !result.endsWith('\\/')) result = `${result}**`;
  return result;
}

function hasWildcard(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescape(body: string): string {
  return body.replace(/\\(.)/g, '$1');
}

/** `{a,b}` alternatives expanded (innermost first, bounded); a brace with no top-level comma is literal. */
function expandBraces(pattern: string, what: string): string[] {
  let results = [pattern];
  for (let rounds = 0; rounds < 64; rounds++) {
    const next: string[] = [];
    let changed = false;
    for (const item of results) {
      const group = firstGroup(item);
      if (!group) {
        next.push(item);
        continue;
      }
      changed = true;
      for (const option of group.options) next.push(item.slice(0, group.start) + option + item.slice(group.end));
      if (next.length > MAX_BRACE_EXPANSIONS)
        throw new GlobError(`${what} '${pattern.slice(0, 80)}': its {…} alternatives expand to more than ${MAX_BRACE_EXPANSIONS} patterns`);
    }
    results = next;
    if (!changed) return results;
  }
  throw new GlobError(`${what} '${pattern.slice(0, 80)}': {…} nested too deeply`);
}

/** The first innermost `{…}` group with a top-level comma, as its offsets and options. */
function firstGroup(text: string): { start: number; end: number; options: string[] } | undefined {
  const opens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') opens.push(i);
    else if (c === '}' && opens.length) {
      const start = opens.pop()!;
      const inner = text.slice(start + 1, i);
      const options = splitTopLevel(inner);
      if (options.length > 1) return { start, end: i + 1, options };
    }
  }
  return undefined;
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(inner.slice(from));
  return parts;
}

/** Builds the NFA of one brace-free pattern; node 0 is the start. */
function compile(body: string): Node[] {
  const nodes: Node[] = [];
  // Each step appends nodes whose `next` points at the node that will be appended after it.
  const add = (node: Node) => nodes.push(node) - 1;
  const consume = (test: Test) => add({ kind: 'test', test, next: nodes.length + 1 });
  /** `test*`: a fork that either consumes one more and comes back, or goes on. */
  const loop = (test: Test) => {
    const fork = nodes.length;
    add({ kind: 'split', a: fork + 1, b: fork + 2 });
    add({ kind: 'test', test, next: fork });
  };
  // Leading '/' anchors at the root, which every pattern is already; repeated `**` segments are one.
  const segments = body
    .replace(/^\/+/, '')
    .split('/')
    .filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    const last = s === segments.length - 1;
    if (segment === '**') {
      if (last) {
        // trailing `/**` (or the whole pattern `**`): nothing more, or `/` and anything.
        if (s === 0) loop(anyCode);
        else {
          // Undo the '/' consumed after the previous segment: it is optional here.
          nodes.pop();
          const fork = nodes.length;
          add({ kind: 'split', a: fork + 1, b: -1 });
          consume((c) => c === SLASH);
          loop(anyCode);
          (nodes[fork] as { b: number }).b = nodes.length;
        }
      } else {
        // `**/`: zero or more whole segments, each ending in '/'.
        const fork = nodes.length;
        add({ kind: 'split', a: fork + 1, b: -1 });
        loop(anyCode);
        consume((c) => c === SLASH);
        (nodes[fork] as { b: number }).b = nodes.length;
      }
      continue;
    }
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i];
      if (c === '\\' && i + 1 < segment.length) {
        const code = segment.charCodeAt(++i);
        consume((x) => x === code);
      } else if (c === '*') {
        while (segment[i + 1] === '*') i++; // `**` inside a segment is one star
        loop(notSlash);
      } else if (c === '?') {
        consume(notSlash);
      } else if (c === '[') {
        const parsed = characterClass(segment, i);
        if (parsed) {
          consume(parsed.test);
          i = parsed.end;
        } else {
          consume((x) => x === 91 /* [ */);
        }
      } else {
        const code = segment.charCodeAt(i);
        consume((x) => x === code);
      }
    }
    if (!last) consume((c) => c === SLASH);
  }
  add({ kind: 'accept' });
  return nodes;
}

/** `[...]` starting at `at`: its test and the offset of its `]`, or undefined when it is not closed. */
function characterClass(segment: string, at: number): { test: Test; end: number } | undefined {
  let i = at + 1;
  const negate = segment[i] === '!' || segment[i] === '^';
  if (negate) i++;
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < segment.length; i++) {
    let c = segment[i];
    if (c === ']' && !first) {
      const test: Test = (code) => code !== SLASH && ranges.some(([lo, hi]) => code >= lo && code <= hi) !== negate;
      return { test, end: i };
    }
    first = false;
    if (c === '\\' && i + 1 < segment.length) c = segment[++i];
    let lo = c.charCodeAt(0);
    let hi = lo;
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      let h = segment[i + 2];
      i += 2;
      if (h === '\\' && i + 1 < segment.length) h = segment[++i];
      hi = h.charCodeAt(0);
      if (hi < lo) [lo, hi] = [hi, lo];
    }
    ranges.push([lo, hi]);
  }
  return undefined;
}

/** Simulates the NFA over `path` with two state lists: linear in path length × nodes. */
function run(nodes: Node[], path: string): boolean {
  const mark = new Int32Array(nodes.length).fill(-1);
  let current: number[] = [];
  const addState = (list: number[], start: number, step: number) => {
    const stack = [start];
    while (stack.length) {
      const n = stack.pop()!;
      if (n < 0 || mark[n] === step) continue;
      mark[n] = step;
      const node = nodes[n];
      if (node.kind === 'split') stack.push(node.b, node.a);
      else list.push(n);
    }
  };
  addState(current, 0, 0);
  for (let i = 0; i < path.length && current.length; i++) {
    const code = path.charCodeAt(i);
    const next: number[] = [];
    for (const n of current) {
      const node = nodes[n];
      if (node.kind === 'test' && node.test(code)) addState(next, node.next, i + 1);
    }
    current = next;
  }
  return current.some((n) => nodes[n].kind === 'accept');
}
