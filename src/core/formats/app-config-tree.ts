import type * as t from '@babel/types';
import type { Node } from 'jsonc-parser';
import type { Located, ParsedFile } from '../model';
import { prop, str } from '../parsing/json-util';
import { JsValues, parseJs, unwrap, walk } from './js-ast';
import { readJsonInto } from './config-util';
import type { ValueExpr } from '../values';

// One view of an app config whichever way it is written: JSON (`app.json`, `capacitor.config.json`) or a
// JS/TS module (`app.config.ts`, `capacitor.config.ts`) read through the JS reader's Babel front end and
// constant evaluator, never run. The Expo and Capacitor formats read their keys through it.

/** A value of an app config: an object to walk, strings to read. */
export interface AppNode {
  get(key: string): AppNode | undefined;
  /** Every string the value may be (several for `a ? 'x' : 'y'`); a list's strings for an array. */
  strings(): Located<string>[];
  /** The entries of an array value. */
  items(): AppNode[];
  /** Parts of the object are not known statically (spreads, calls, functions of the config). */
  open: boolean;
}

/** Reads a JSON app config; undefined when the text is no object. */
export function jsonAppTree(text: string, parsed: ParsedFile): AppNode | undefined {
  const root = readJsonInto(parsed, text);
  return root?.type === 'object' ? jsonNode(root) : undefined;
}

function jsonNode(node: Node): AppNode {
  return {
    get: (key) => {
      const child = prop(node, key);
      return child ? jsonNode(child) : undefined;
    },
    strings: () => {
      if (node.type === 'array') return (node.children ?? []).map(str).filter((s): s is Located<string> => s !== undefined);
      const single = str(node);
      return single ? [single] : [];
    },
    items: () => (node.type === 'array' ? (node.children ?? []).map(jsonNode) : []),
    open: false,
  };
}

/** Statements of a JS app config worth parsing in a big file (the exported object and its consts). */
const NEEDED = /export|module|const|scheme|bundleIdentifier|package|appId|plugins|server/gi;

/**
 * Reads a JS/TS app config: the object `export default` or `module.exports` gives, directly, through a
 * const, or as what a config function returns (`({ config }) => ({ ...config, scheme: 'x' })`).
 * `readKeys`: the exported object's keys the caller reads (big files: the other values are not parsed).
 */
export function jsAppTree(
  path: string,
  text: string,
  parsed: ParsedFile,
  readKeys: ReadonlySet<string>,
  { slice = true }: { slice?: boolean } = {},
): AppNode | undefined {
  const program = parseJs(path, text, parsed, { slice, needed: NEEDED, exportedKeys: readKeys });
  if (!program) return undefined;
  const consts = new Map<string, t.Expression>();
  let exported: t.Node | undefined;
  walk(program.program, (node) => {
    if (node.type === 'VariableDeclaration' && node.kind === 'const') {
      for (const d of node.declarations) if (d.id.type === 'Identifier' && d.init && !consts.has(d.id.name)) consts.set(d.id.name, d.init);
    } else if (node.type === 'ExportDefaultDeclaration') {
      exported ??= node.declaration;
    } else if (node.type === 'AssignmentExpression' && node.operator === '=' && isModuleExports(node.left)) {
      exported ??= node.right;
    }
  });
  if (!exported) return undefined;
  const values = new JsValues(text, consts);
  let open = false;
  let body = values.resolveNode(exported);
  if (body.type === 'CallExpression' && body.arguments[0]) {
    body = values.resolveNode(body.arguments[0]); // defineConfig({ … }), withPlugins(config, …): the first argument
    open = true;
  }
  const returned = functionResult(body);
  if (returned) {
    body = values.resolveNode(returned);
    open = true; // the config Expo passes in may hold more
  }
  if (body.type !== 'ObjectExpression') return undefined;
  return jsNode(values.expr(body), values, open);
}

function isModuleExports(node: t.Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

/** What an arrow function or function expression returns: its expression body, else its last top-level return. */
function functionResult(node: t.Node): t.Node | undefined {
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression' && node.type !== 'FunctionDeclaration') return undefined;
  if (node.body.type !== 'BlockStatement') return unwrap(node.body);
  const returns = node.body.body.filter((s): s is t.ReturnStatement => s.type === 'ReturnStatement' && s.argument != null);
  return returns.length ? returns[returns.length - 1].argument! : undefined;
}

function jsNode(expr: ValueExpr, values: JsValues, parentOpen: boolean): AppNode {
  const target = values.evaluator.follow(expr);
  const open = parentOpen || (target.kind === 'object' && target.open === true);
  return {
    get: (key) => {
      if (target.kind !== 'object') return undefined;
      const child = target.properties.get(key);
      return child ? jsNode(child, values, false) : undefined;
    },
    strings: () => {
      const list = target.kind === 'array' ? target.elements : [target];
      return list.flatMap((e) => values.evaluator.values(e).filter((v) => !v.partial)).map((v) => ({ value: v.value, range: v.range }));
    },
    items: () => (target.kind === 'array' ? target.elements.map((e) => jsNode(e, values, false)) : []),
    open,
  };
}
