import { getNodeValue, findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Located, ParseProblem, Range } from '../model';
import { blankRegions, MAX_JSON_DEPTH, tooDeepRegions } from './json-depth';
import { strictJsonTree } from './json-fast';

/**
 * Parses JSON with comments and trailing commas; never throws. Problems carry the parser's reason. `strict`:
 * the text was plain valid JSON (so it holds no comments).
 */
export function parseJson(text: string): { root: Node | undefined; problems: ParseProblem[]; strict?: boolean } {
  const errors: ParseError[] = [];
  let root: Node | undefined;
  // Fast path: plain valid JSON (most files) gets the same tree from a quicker builder, which also says
  // the text is not nested too deep (it gives up past MAX_JSON_DEPTH).
  const strict = strictJsonTree(text, MAX_JSON_DEPTH);
  if (strict) return { root: strict, problems: [], strict: true };
  // Over-deep parts are blanked first (offsets unchanged) so the rest of the file is still read.
  const tooDeep = tooDeepRegions(text);
  const readable = tooDeep.length ? blankRegions(text, tooDeep) : text;
  try {
    root = parseTree(readable, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (error) {
    // jsonc-parser recurses per nesting level; absurd depth ends here instead of crashing the host.
    return { root: undefined, problems: [{ message: `JSON could not be parsed: ${(error as Error).message}`, range: { start: 0, end: 0 } }] };
  }
  if (errors.length && root) clampNodes(root, text.length);
  const problems = errors.slice(0, 20).map((e) => ({
    message: `JSON syntax error: ${describe(printParseErrorCode(e.error))}`,
    // jsonc-parser can place an error at the end with a length past it (an unterminated comment): clamp.
    range: { start: Math.min(e.offset, text.length), end: Math.min(e.offset + e.length, text.length) },
  }));
  if (tooDeep.length) {
    const start = tooDeep[0].start;
    problems.unshift({ message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels; the deeper part was not read`, range: { start, end: start + 1 } });
  }
  return { root, problems };
}

/** jsonc-parser can extend nodes one character past the end (an unterminated comment): keep them inside. */
function clampNodes(root: Node, length: number): void {
  for (const node of walk(root)) {
    if (node.offset + node.length > length) (node as { length: number }).length = Math.max(0, length - node.offset);
  }
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The child value node of `key` in an object node (case-sensitive unless asked). */
export function prop(node: Node | undefined, key: string, ignoreCase = false): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  for (const pair of node.children) {
    const keyNode = pair.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    if (ignoreCase ? keyNode.value.toLowerCase() === key.toLowerCase() : keyNode.value === key) return pair.children?.[1];
  }
  return undefined;
}

export function at(root: Node | undefined, path: (string | number)[]): Node | undefined {
  return root ? findNodeAtLocation(root, path) : undefined;
}

/** Range of a value node; for strings the range excludes the quotes. */
export function valueRange(node: Node): Range {
  if (node.type === 'string') return { start: node.offset + 1, end: node.offset + Math.max(1, node.length - 1) };
  return { start: node.offset, end: node.offset + node.length };
}

export function str(node: Node | undefined): Located<string> | undefined {
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  return { value: node.value, range: valueRange(node) };
}

export function bool(node: Node | undefined): Located<boolean> | undefined {
  if (!node) return undefined;
  if (node.type === 'boolean') return { value: node.value === true, range: valueRange(node) };
  if (node.type === 'string' && /^(true|false)$/i.test(node.value)) return { value: /^true$/i.test(node.value), range: valueRange(node) };
  return undefined;
}

export function strings(node: Node | undefined): Located<string>[] {
  if (!node || node.type !== 'array' || !node.children) return [];
  return node.children.map(str).filter((s): s is Located<string> => s !== undefined);
}

export function value(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}

export function nodeRange(node: Node): Range {
  return { start: node.offset, end: node.offset + node.length };
}

/** Range of the key of the property whose value is `valueNode`. */
export function keyRange(valueNode: Node): Range | undefined {
  const key = valueNode.parent?.children?.[0];
  return key ? valueRange(key) : undefined;
}

/** Visits every node without recursion (deep nesting cannot overflow the stack). */
export function* walk(root: Node | undefined): Generator<Node> {
  if (!root) return;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
