import type { Platform, Range } from '../model';
import type { LexToken } from '../lexing/lexer';
import type { NameExpr, ValueExpr } from './ir';
import type { Declaration, Scope } from './scope';

// Where C# names get their values in one file: locals of a method body, members of a type (fields,
// constants, auto-properties with initializers, expression-bodied properties), and assignments
// (`redirectUri = …`, `this.RedirectUri = …`, `PlatformConfig.Instance.RedirectUri = …`). Read from
// tokens with one pass and a brace stack (no recursion). What the file cannot resolve is left to the
// engine's cross-file link (see engine/link.ts), under the names `exportsOf` gives.

type Token = LexToken<string>;

export interface CsDeclaration {
  /** The name (member or local) or the assigned member path, without `this`. */
  path: string[];
  kind: 'member' | 'local' | 'assignment';
  /** The innermost type the declaration is in. */
  type?: string;
  /** For locals and assignments: the method body (outermost block inside a type member) they are in. */
  body?: Range;
  /** The value's tokens. */
  value: Token[];
  platform?: Platform;
  range: Range;
}

interface Frame {
  kind: 'type' | 'namespace' | 'body' | 'block' | 'accessors';
  name?: string;
  start: number;
  /** Index of the frame's `{` token. */
  open: number;
}

/** The body of top-level statements (a file without types). */
const TOP_LEVEL: Range = { start: 0, end: Number.MAX_SAFE_INTEGER };

const TYPE_KEYWORDS = new Set(['class', 'struct', 'record', 'interface']);
/** Words after which `name = value` is not a declaration with a type. */
const NOT_A_TYPE = new Set([
  'return',
  'await',
  'new',
  'case',
  'throw',
  'yield',
  'else',
  'in',
  'out',
  'ref',
  'is',
  'as',
  'using',
  'goto',
  'when',
  'and',
  'or',
  'not',
]);

/** The declarations of a file, and the type and method body at each offset. */
export class CsFileSymbols {
  readonly declarations: CsDeclaration[] = [];
  /** Type bodies and method bodies with their ranges (in file order). */
  private readonly types: { name: string; range: Range }[] = [];
  private readonly bodies: Range[] = [];

  constructor(
    private readonly tokens: readonly Token[],
    platformAt: (index: number) => Platform | undefined,
  ) {
    this.scan(platformAt);
    this.finish();
  }

  /** The innermost type whose body holds `offset`. */
  typeAt(offset: number): string | undefined {
    let found: { name: string; range: Range } | undefined;
    for (const t of this.types) if (t.range.start <= offset && offset < t.range.end && (!found || t.range.start >= found.range.start)) found = t;
    return found?.name;
  }

  /** The method body holding `offset` (the innermost, so a local function's body wins). */
  bodyAt(offset: number): Range | undefined {
    let found: Range | undefined;
    for (const b of this.bodies) if (b.start <= offset && offset < b.end && (!found || b.start > found.start)) found = b;
    return found;
  }

  /** Names of the types the file declares. */
  typeNames(): Set<string> {
    return new Set(this.types.map((t) => t.name));
  }

  private scan(platformAt: (index: number) => Platform | undefined): void {
    const { tokens } = this;
    const stack: Frame[] = [];
    let statementStart = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'directive') {
        statementStart = i + 1;
        continue;
      }
      if (t.kind === 'punct' && t.text === '{') {
        stack.push(this.open(i, statementStart, stack));
        statementStart = i + 1;
        continue;
      }
      if (t.kind === 'punct' && t.text === '}') {
        const frame = stack.pop();
        if (frame) {
          if (frame.kind === 'type' && frame.name) this.types.push({ name: frame.name, range: { start: frame.start, end: t.start } });
          if (frame.kind === 'body') this.bodies.push({ start: frame.start, end: t.start });
          // `{ get; set; } = "value";`: the initializer of the property the accessors belong to.
          if (frame.kind === 'accessors' && isPunct(tokens[i + 1], '=') && !isPunct(tokens[i + 2], '=')) {
            const name = tokens[frame.open - 1];
            if (name?.kind === 'identifier') this.add('member', [name.text], i + 2, stack, platformAt(i), name.start);
          }
        }
        statementStart = i + 1;
        continue;
      }
      if (t.kind === 'punct' && t.text === ';') {
        statementStart = i + 1;
        continue;
      }
      if (t.kind !== 'identifier') continue;
      const top = stack[stack.length - 1];
      const next = tokens[i + 1];
      const inType = top?.kind === 'type';
      // Code: method bodies, blocks in them, and top-level statements (a file without types).
      const inCode = top === undefined || top.kind === 'body' || top.kind === 'block';
      // `Type Name = value;` (a field, or a local in code), `Type Name => value;` (a member).
      if (isPunct(next, '=') && isTypeEnd(tokens[i - 1]) && i > statementStart) {
        const arrow = isPunct(tokens[i + 2], '>') && adjacent(next, tokens[i + 2]);
        const equality = isPunct(tokens[i + 2], '=') && adjacent(next, tokens[i + 2]);
        if (equality) continue;
        if (inType) this.add('member', [t.text], arrow ? i + 3 : i + 2, stack, platformAt(i), t.start);
        else if (inCode && !arrow) this.add('local', [t.text], i + 2, stack, platformAt(i), t.start);
        continue;
      }
      // `name = value;`, `this.Name = value;`, `A.B.C = value;` at the start of a statement in code.
      if (inCode && i === statementStart) {
        const path: string[] = [];
        let k = i;
        while (tokens[k]?.kind === 'identifier' && (path.length === 0 || isPunct(tokens[k - 1], '.'))) {
          path.push(tokens[k].text);
          if (isPunct(tokens[k + 1], '.') && tokens[k + 2]?.kind === 'identifier') k += 2;
          else break;
        }
        const equals = tokens[k + 1];
        if (isPunct(equals, '=') && !isPunct(tokens[k + 2], '=') && !(isPunct(tokens[k + 2], '>') && adjacent(equals, tokens[k + 2]))) {
          if (path[0] === 'this') path.shift();
          if (path.length) this.add('assignment', path, k + 2, stack, platformAt(i), t.start);
        }
      }
    }
  }

  /** Classifies the block opened at `i` from the tokens of its statement. */
  private open(i: number, statementStart: number, stack: Frame[]): Frame {
    const { tokens } = this;
    const start = tokens[i].end;
    const parent = stack[stack.length - 1];
    for (let k = statementStart; k < i; k++) {
      const t = tokens[k];
      if (t.kind === 'identifier' && TYPE_KEYWORDS.has(t.text) && tokens[k + 1]?.kind === 'identifier')
        return { kind: 'type', name: tokens[k + 1].text, start, open: i };
      if (t.kind === 'identifier' && t.text === 'namespace') return { kind: 'namespace', start, open: i };
    }
    if (parent?.kind === 'type') {
      // `Name { get; set; }` is a property's accessor list; `Method(…) {` or `Name { get { … } }` bodies.
      const before = tokens[i - 1];
      const first = tokens[i + 1]?.text;
      if (before?.kind === 'identifier' && (first === 'get' || first === 'set' || first === 'init')) return { kind: 'accessors', start, open: i };
      return { kind: 'body', start, open: i };
    }
    if (parent?.kind === 'accessors') return { kind: 'body', start, open: i };
    return { kind: parent?.kind === 'namespace' ? 'type' : 'block', start, open: i };
  }

  private add(kind: CsDeclaration['kind'], path: string[], valueStart: number, stack: Frame[], platform: Platform | undefined, start: number): void {
    const { tokens } = this;
    let end = valueStart;
    let depth = 0;
    for (; end < tokens.length; end++) {
      const t = tokens[end];
      if (t.kind === 'directive') break;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (depth === 0) break;
        depth--;
      } else if ((t.text === ';' || t.text === ',') && depth === 0) break;
    }
    const value = tokens.slice(valueStart, end);
    if (!value.length) return;
    const type = [...stack].reverse().find((f) => f.kind === 'type')?.name;
    const bodyFrame = stack.find((f) => f.kind === 'body');
    // Top-level statements share one body: the whole file.
    const body = kind === 'member' ? undefined : bodyFrame ? { start: bodyFrame.start, end: Number.MAX_SAFE_INTEGER } : TOP_LEVEL;
    this.declarations.push({ path, kind, type, body, value, platform, range: { start, end: tokens[end - 1].end } });
  }

  /** Bodies get their end when they close; declarations made before that keep an open end until then. */
  private finish(): void {
    const byStart = new Map(this.bodies.map((b) => [b.start, b]));
    for (const d of this.declarations) if (d.body && d.body !== TOP_LEVEL) d.body = byStart.get(d.body.start) ?? d.body;
    if (this.declarations.some((d) => d.body === TOP_LEVEL)) this.bodies.push(TOP_LEVEL);
  }
}

/**
 * The file's scope: a bare name resolves to locals of the method body (when one is declared there), else
 * to members of the enclosing type and assignments to them; a member path `A.B.C` resolves to
 * assignments of that path and members `C` of type `A` declared in this file. Anything else is
 * undefined (left to the cross-file link).
 */
export function csharpFileScope(symbols: CsFileSymbols, toExpr: (d: CsDeclaration) => ValueExpr): Scope {
  const cache = new Map<CsDeclaration, Declaration>();
  const declaration = (d: CsDeclaration): Declaration => {
    let found = cache.get(d);
    if (!found) cache.set(d, (found = { expr: toExpr(d), platform: d.platform }));
    return found;
  };
  const types = symbols.typeNames();
  return {
    resolve(fullPath, reference: NameExpr) {
      const path = fullPath[0] === 'this' ? fullPath.slice(1) : [...fullPath];
      if (!path.length) return undefined;
      const at = reference.range.start;
      const all = symbols.declarations;
      if (path.length === 1 && fullPath.length === 1) {
        const [name] = path;
        const body = symbols.bodyAt(at);
        const locals = body ? all.filter((d) => d.body?.start === body.start && d.path.length === 1 && d.path[0] === name) : [];
        if (locals.some((d) => d.kind === 'local')) return locals.map(declaration);
      }
      if (path.length === 1) {
        const [name] = path;
        const type = symbols.typeAt(at);
        const members = all.filter(
          (d) =>
            d.path.length === 1 &&
            d.path[0] === name &&
            d.type === type &&
            (d.kind === 'member' || (d.kind === 'assignment' && !all.some((l) => l.kind === 'local' && l.body?.start === d.body?.start && l.path[0] === name))),
        );
        return members.length ? members.map(declaration) : undefined;
      }
      const last = path[path.length - 1];
      const assigned = all.filter((d) => d.kind === 'assignment' && d.path.join('.') === path.join('.'));
      const members = types.has(path[0]) ? all.filter((d) => d.kind === 'member' && d.type === path[0] && d.path[0] === last) : [];
      const found = [...members, ...assigned];
      return found.length ? found.map(declaration) : undefined;
    },
  };
}

/** The names under which other files find a declaration: `Type.Member`, an assigned path, and `First.Last` of it. */
export function exportNames(d: CsDeclaration): string[] {
  if (d.kind === 'local') return [];
  if (d.path.length === 1) return d.type ? [`${d.type}.${d.path[0]}`] : [];
  const full = d.path.join('.');
  const short = `${d.path[0]}.${d.path[d.path.length - 1]}`;
  return full === short ? [full] : [full, short];
}

/** The names another file's declaration may have for a reference path (the full path, then `First.Last`). */
export function lookupNames(path: readonly string[]): string[] {
  const full = path.join('.');
  const short = path.length > 2 ? `${path[0]}.${path[path.length - 1]}` : full;
  return full === short ? [full] : [full, short];
}

const isPunct = (t: Token | undefined, text: string): boolean => t?.kind === 'punct' && t.text === text;
const adjacent = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

/** A token a type can end with: `string`, `Uri`, `string?`, `List<string>`, `string[]`. */
function isTypeEnd(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'identifier') return !NOT_A_TYPE.has(t.text);
  return t.kind === 'punct' && (t.text === '?' || t.text === '>' || t.text === ']');
}
