import type * as BabelParser from '@babel/parser';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import type { ImportedSymbol, KnownAuthorities, ParsedFile, Platform, Range } from '../model';
import { exportedObject, keepWantedChunks, scanTopLevel } from '../lexing/js-scan';
import { MAX_PROBLEMS } from './types';
import { IMPORTED, inlineNames, MapScope, unknown, ValueEvaluator, type NameExpr, type StringExprPart, type Value, type ValueExpr } from '../values';

// The Babel front end of the JS/TS readers (msal-js, expo-config): parsing with exact offsets, error
// recovery and slicing of big files, one bounded walk over the tree, and the conversion of Babel nodes
// into the shared evaluator's IR (../values).

/** Keys of node objects that are not child nodes (skipped while walking). */
const NON_CHILD_KEYS = new Set([
  'loc',
  'start',
  'end',
  'range',
  'extra',
  'leadingComments',
  'trailingComments',
  'innerComments',
  'errors',
  'comments',
  'tokens',
]);

/** A file whose errors Babel cannot recover from is parsed again this many times, one broken line blanked each time. */
const MAX_PARSE_ATTEMPTS = 4;

/** Above this size a file is parsed without Babel's error recovery (see parseJs). */
const ERROR_RECOVERY_MAX_CHARS = 32 * 1024;

/**
 * From this size on, a file is first parsed with only the top-level statements that can matter (see
 * parseNeededStatements): Babel reads 100 KB in ~18 ms, the pre-scan and the sliced parse in ~1 ms.
 */
const SLICE_MIN_CHARS = 16 * 1024;

/** Nesting converted into the value IR before the rest counts as unknown (hostile nesting, cycles). */
const MAX_CONVERSION_DEPTH = 12;

export interface JsParseOptions {
  /** Parse big files with only the top-level statements matching `needed` (false: always the whole file). */
  slice: boolean;
  /** Top-level statements holding a match are kept when slicing (global flag). */
  needed: RegExp;
  /**
   * The keys of the exported object (`export default {…}`, a const it names) the reader reads: when
   * slicing, the values of its other plain properties are blanked too, so Babel reads a small object.
   */
  exportedKeys?: ReadonlySet<string>;
}

interface BabelError {
  message: string;
  pos?: number;
  loc?: { index?: number };
}

/** Parses JS/TS into `parsed` (problems, comments); undefined when nothing can be read. Never throws. */
export function parseJs(path: string, text: string, parsed: ParsedFile, options: JsParseOptions): t.File | undefined {
  // Required lazily: loading the extension must not pay for the parser until a JS/TS file is read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const babel = require('@babel/parser') as typeof BabelParser;
  // Babel's error recovery builds an Error per syntax error, and hostile text can hold one per character
  // (seconds per 100 KB): big files are parsed without it (first error, blank its line, retry).
  const errorRecovery = text.length <= ERROR_RECOVERY_MAX_CHARS;
  const babelOptions: ParserOptions = {
    sourceType: 'unambiguous',
    errorRecovery,
    allowReturnOutsideFunction: true,
    allowImportExportEverywhere: true,
    attachComment: false, // no reader looks at node.leadingComments: comments are read from file.comments
    plugins: pluginsFor(path),
  };
  let file: t.File | undefined = options.slice && text.length >= SLICE_MIN_CHARS ? parseNeededStatements(babel, path, text, babelOptions, options) : undefined;
  let source = text;
  for (let attempt = 0; attempt < MAX_PARSE_ATTEMPTS && !file; attempt++) {
    const stackTraceLimit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0; // syntax errors need no stack; capturing one per error doubles the cost
      file = babel.parse(source, babelOptions) as unknown as t.File;
    } catch (error) {
      const fatal = error instanceof RangeError;
      const reason = fatal ? 'nesting too deep to parse' : cleanMessage((error as BabelError).message);
      if (attempt === 0)
        parsed.problems.push({ message: `JavaScript/TypeScript could not be parsed: ${reason}`, range: errorRange(error as BabelError, text) });
      if (fatal) return undefined;
      // Keep what can be read: blank the offending line (offsets stay exact) and parse again.
      source = blankLineAt(source, errorRange(error as BabelError, text).start);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
  if (!file) return undefined;
  const recovered = (file as unknown as { errors?: BabelError[] }).errors ?? [];
  for (const error of recovered.slice(0, MAX_PROBLEMS)) {
    parsed.problems.push({ message: `JavaScript/TypeScript syntax error: ${cleanMessage(error.message)}`, range: errorRange(error, text) });
  }
  parsed.comments = (file.comments ?? []).map((c) => ({ start: c.start ?? 0, end: c.end ?? 0 }));
  return file;
}

/**
 * Parses the file with every top-level statement that cannot matter blanked out (offsets stay exact), and
 * the values of the exported object's properties the reader does not read (see JsParseOptions).
 * Undefined when the pre-scan is unsure or the sliced text does not parse cleanly: the caller then parses
 * the whole file and reports its problems. A syntax error inside a blanked statement (code that names no
 * needed word) or value goes unreported in files of SLICE_MIN_CHARS and more: the price of not parsing it.
 */
function parseNeededStatements(
  babel: typeof BabelParser,
  path: string,
  text: string,
  options: ParserOptions,
  { needed, exportedKeys }: JsParseOptions,
): t.File | undefined {
  if (/\.(jsx|tsx)$/i.test(path)) return undefined; // JSX text (`don't`) is not JavaScript to the pre-scan
  const scan = scanTopLevel(text);
  if (!scan) return undefined;
  const exported = exportedKeys && exportedObject(text, scan);
  const unread = exported ? exported.properties.filter((property) => !exportedKeys.has(property.key)).map((property) => property.value) : [];
  const sliced = keepWantedChunks(text, scan, needed, unread);
  const stackTraceLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    const sourceType = scan.moduleSyntax ? 'module' : options.sourceType;
    const file = babel.parse(sliced.text, { ...options, sourceType, errorRecovery: false }) as unknown as t.File;
    if (((file as unknown as { errors?: unknown[] }).errors ?? []).length) return undefined;
    const written = new Set(sliced.writtenComments);
    file.comments = file.comments?.filter((comment) => !written.has(comment.start ?? -1)); // the blanking's own
    return file;
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The text with the line holding `offset` replaced by spaces (same length, same line breaks). */
function blankLineAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (start === end) return text.slice(0, Math.max(0, offset - 1));
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function pluginsFor(path: string): ParserPlugin[] {
  const lower = path.toLowerCase();
  // `<T>value` casts of .ts files clash with JSX, so JSX is on only where it can appear.
  if (/\.(ts|mts|cts)$/.test(lower)) return ['typescript', 'decorators-legacy'];
  if (/\.tsx$/.test(lower)) return ['typescript', 'jsx', 'decorators-legacy'];
  return ['jsx', 'decorators-legacy', 'classProperties'];
}

function cleanMessage(message: string | undefined): string {
  return (message ?? 'unknown error').replace(/\s*\(\d+:\d+\)$/, '');
}

function errorRange(error: BabelError, text: string): Range {
  // Babel sometimes reports pos NaN (index null) for an error at a line start: fall back to 0.
  const reported = error.pos ?? error.loc?.index;
  const at = Math.min(text.length, Math.max(0, typeof reported === 'number' && Number.isFinite(reported) ? reported : 0));
  return { start: at, end: Math.min(text.length, at + 1) };
}

export function isNode(value: unknown): value is t.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits every node once, parents before children, iteratively (deep nesting cannot overflow the stack).
 * The platform of a `Platform.select` branch is passed down to the nodes inside it.
 */
export function walk(root: t.Node, visit: (node: t.Node, platform: Platform | undefined) => void): void {
  // Two parallel stacks instead of an object per node: a big config file has a node every few bytes.
  const nodes: t.Node[] = [root];
  const platforms: (Platform | undefined)[] = [undefined];
  while (nodes.length) {
    const node = nodes.pop()!;
    const platform = platforms.pop();
    visit(node, platform);
    const branches = node.type === 'CallExpression' ? platformSelectBranches(node) : undefined;
    const branchPlatforms = branches && new Map(branches.filter((b) => b.platform).map((b) => [b.value, b.platform]));
    for (const key of Object.keys(node)) {
      if (NON_CHILD_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      const many = Array.isArray(child);
      for (let i = many ? child.length - 1 : 0; i >= 0; i--) {
        const item: unknown = many ? child[i] : child;
        if (!isNode(item)) continue;
        nodes.push(item);
        platforms.push(branchPlatforms?.get(item) ?? platform);
      }
    }
  }
}

/** `Platform.select({ ios: a, android: b, default: c })`: each branch value with its platform. */
export function platformSelectBranches(call: t.CallExpression): { value: t.Node; platform?: Platform }[] | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Platform') return undefined;
  if (callee.property.type !== 'Identifier' || callee.property.name !== 'select') return undefined;
  const arg = call.arguments[0];
  if (arg?.type !== 'ObjectExpression') return undefined;
  const branches: { value: t.Node; platform?: Platform }[] = [];
  for (const property of arg.properties) {
    if (property.type !== 'ObjectProperty') continue;
    const key = propertyName(property);
    const platform: Platform | undefined =
      key === 'ios' || key === 'macos' ? 'ios' : key === 'android' ? 'android' : key === 'web' ? 'spa' : key === 'windows' ? 'publicClient' : undefined;
    branches.push({ value: property.value, platform });
  }
  return branches;
}

export function propertyName(property: t.ObjectProperty | t.ObjectMethod | t.ClassProperty): string | undefined {
  if (property.computed) return property.key.type === 'StringLiteral' ? property.key.value : undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'StringLiteral') return property.key.value;
  return undefined;
}

/** A property of an object literal by name (the first with that key). */
export function objectProperty(node: t.ObjectExpression, key: string): t.ObjectProperty | undefined {
  for (const property of node.properties) if (property.type === 'ObjectProperty' && propertyName(property) === key) return property;
  return undefined;
}

/** `a.b.c` with plain property names (and `this`): the path, else undefined. */
export function memberPath(node: t.Node): string[] | undefined {
  const path: string[] = [];
  let current: t.Node = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    if (current.computed) {
      if (current.property.type !== 'StringLiteral') return undefined;
      path.push(current.property.value);
    } else if (current.property.type === 'Identifier') path.push(current.property.name);
    else return undefined;
    current = current.object;
  }
  if (current.type === 'Identifier') path.push(current.name);
  else if (current.type === 'ThisExpression') path.push('this');
  else return undefined;
  return path.reverse();
}

/** The name a call is made through: `authorize(…)` → ['authorize'], `AuthSession.makeRedirectUri(…)` → ['AuthSession', 'makeRedirectUri']. */
export function calleePath(call: t.CallExpression | t.NewExpression | t.OptionalCallExpression): string[] | undefined {
  let callee: t.Node = call.callee;
  while (callee.type === 'TSNonNullExpression' || callee.type === 'ParenthesizedExpression') callee = callee.expression;
  return memberPath(callee);
}

/** Range of a literal's content, inside its quotes or backticks. */
export function inner(node: t.Node): Range {
  const start = (node.start ?? 0) + 1;
  return { start, end: Math.max(start, (node.end ?? 0) - 1) };
}

export function rangeOf(node: t.Node): Range {
  return { start: node.start ?? 0, end: node.end ?? 0 };
}

/** TypeScript wrappers (`x as T`, `x!`, `<T>x`, `(x)`) removed. */
export function unwrap(node: t.Node): t.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/**
 * Converts a call the reader knows into IR (`makeRedirectUri({ scheme })`); undefined for calls it does
 * not know (they are unknown values). `convert` turns an argument node into IR.
 */
export type CallValue = (call: t.CallExpression, convert: (node: t.Node) => ValueExpr, range: Range, display: string) => ValueExpr | undefined;

/**
 * The file's side of the shared evaluator: Babel nodes become the value IR (literals, templates, names and
 * member paths, `+`, `?:`, `||`/`??`, Platform.select, objects, arrays, and the calls `calls` knows), and
 * the file's consts are the scope. Unknown parts show as `${source}`.
 */
export class JsValues {
  readonly evaluator: ValueEvaluator;
  private readonly scope: MapScope;
  private readonly converted = new Map<t.Node, ValueExpr>();

  constructor(
    private readonly text: string,
    private readonly consts: ReadonlyMap<string, t.Expression>,
    private readonly calls?: CallValue,
    /** The file's relative imports, by local name (for the engine's cross-file link). */
    private readonly imports: readonly ImportedSymbol[] = [],
  ) {
    this.scope = new MapScope((name) => {
      const init = consts.get(name);
      return init ? [{ expr: this.expr(init) }] : undefined;
    });
    this.evaluator = new ValueEvaluator(this.scope);
  }

  /** The node's IR with the file's consts inlined and imported names as module paths (for the link). */
  linkable(node: t.Node): ValueExpr {
    return inlineNames(this.expr(node), this.scope, (name) => this.qualify(name)).expr;
  }

  /** The linkable IR when the value uses an imported name, else undefined (the file alone says it all). */
  needsImports(node: t.Node): ValueExpr | undefined {
    if (!this.imports.length) return undefined;
    const { expr, unresolved } = inlineNames(this.expr(node), this.scope, (name) => this.qualify(name));
    return unresolved.some((path) => path[0] === IMPORTED) ? expr : undefined;
  }

  /** `b2cPolicies.authorityDomain` with `b2cPolicies` imported → `[IMPORTED, module, 'b2cPolicies', 'authorityDomain']`. */
  private qualify(name: NameExpr): string[] {
    const imported = this.imports.find((i) => i.local === name.path[0]);
    return imported ? [IMPORTED, imported.module, imported.imported, ...name.path.slice(1)] : name.path;
  }

  evaluate(node: t.Node): Value[] {
    return this.evaluator.values(this.expr(node));
  }

  /** The one fully known string value of a node, or undefined. */
  known(node: t.Node): Value | undefined {
    return this.evaluator.known(this.expr(node));
  }

  stringArray(node: t.Node): KnownAuthorities | undefined {
    const list = this.evaluator.strings(this.expr(node));
    return list ? { value: list.values, range: list.range, ...(list.partial ? { partial: true } : {}) } : undefined;
  }

  /** The node a name or member path stands for in this file (`config` → its object literal), else the node itself. */
  resolveNode(node: t.Node, depth = 0): t.Node {
    const bare = unwrap(node);
    if (depth > MAX_CONVERSION_DEPTH) return bare;
    const path = bare.type === 'Identifier' ? [bare.name] : memberPath(bare);
    if (!path) return bare;
    let current: t.Node | undefined = this.consts.get(path[0]);
    if (!current) return bare;
    current = this.resolveNode(current, depth + 1);
    for (const key of path.slice(1)) {
      if (current?.type !== 'ObjectExpression') return bare;
      const property = objectProperty(current, key);
      if (!property) return bare;
      current = this.resolveNode(property.value, depth + 1);
    }
    return current ?? bare;
  }

  /** The IR of a node (converted once; deeper than MAX_CONVERSION_DEPTH is unknown). */
  expr(node: t.Node, depth = 0): ValueExpr {
    let found = this.converted.get(node);
    if (!found) {
      found = this.convert(node, depth);
      this.converted.set(node, found);
    }
    return found;
  }

  private convert(node: t.Node, depth: number): ValueExpr {
    const range = rangeOf(node);
    const display = `\${${this.text.slice(range.start, range.end)}}`;
    if (depth > MAX_CONVERSION_DEPTH) return unknown(range, display);
    const next = (child: t.Node) => this.expr(child, depth + 1);
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'string', parts: [{ text: node.value }], range: inner(node), display };
      case 'TemplateLiteral': {
        const parts: StringExprPart[] = [];
        node.quasis.forEach((quasi, i) => {
          parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
          const expression = node.expressions[i];
          if (expression) parts.push({ hole: next(expression) });
        });
        return { kind: 'string', parts, range: inner(node), display };
      }
      case 'Identifier':
        return { kind: 'name', path: [node.name], range, display };
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const path = memberPath(node);
        return path ? { kind: 'name', path, range, display } : unknown(range, display);
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return unknown(range, display);
        // Flatten the left-leaning `a + b + c` chain without recursion.
        const operands: t.Node[] = [node.right];
        let left: t.Node = node.left;
        while (left.type === 'BinaryExpression' && left.operator === '+') {
          operands.push(left.right);
          left = left.left;
        }
        operands.push(left);
        return { kind: 'concat', operands: operands.reverse().map(next), range, display };
      }
      case 'ConditionalExpression':
        return { kind: 'alternatives', options: [next(node.consequent), next(node.alternate)], range, display };
      case 'LogicalExpression':
        // `process.env.X || "http://localhost"`: the unknown side adds nothing, the fallback is a value.
        return { kind: 'alternatives', options: [next(node.left), next(node.right)], range, display };
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return { ...next(node.expression), display };
      case 'CallExpression': {
        const branches = platformSelectBranches(node);
        if (branches) {
          const options = branches.map((b) => (b.platform ? { ...next(b.value), platform: b.platform } : next(b.value)));
          return { kind: 'alternatives', options, range, display };
        }
        return this.calls?.(node, next, range, display) ?? unknown(range, display); // other calls: not known statically
      }
      case 'ObjectExpression': {
        const properties = new Map<string, ValueExpr>();
        let open = false;
        for (const property of node.properties) {
          const key = property.type === 'ObjectProperty' ? propertyName(property) : undefined;
          if (key === undefined || property.type !== 'ObjectProperty') open = true;
          else if (!properties.has(key)) properties.set(key, next(property.value));
        }
        return { kind: 'object', properties, range, display, ...(open ? { open } : {}) };
      }
      case 'ArrayExpression': {
        const elements: ValueExpr[] = [];
        let open = false;
        for (const element of node.elements) {
          if (!element) continue; // a hole (`[a, , b]`) is no entry
          if (element.type === 'SpreadElement') open = true;
          else elements.push(next(element));
        }
        return { kind: 'array', elements, range, display, ...(open ? { open } : {}) };
      }
      default:
        return unknown(range, display); // process.env.X, window.location.origin: not known statically
    }
  }
}
