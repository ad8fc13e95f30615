import { SaxesParser } from 'saxes';
import type { Located, ParseProblem, Range } from '../model';

// A small element tree over saxes (a streaming, non-recursive XML parser) with exact source ranges:
// attribute values are located by scanning the raw text of each start tag only, element text by the
// offsets between its start and end tags. Entities are decoded in values; ranges cover the raw text.

export interface XmlElement {
  name: string;
  /** Decoded attribute values with the range of their raw text (inside the quotes). */
  attributes: ReadonlyMap<string, Located<string>>;
  children: XmlElement[];
  parent?: XmlElement;
  /** Decoded text content (text and CDATA directly inside the element). */
  text: string;
  /** From `<` of the start tag to after `>` of the end tag (or of a self-closing tag). */
  range: Range;
  /** Offset after the start tag's `>`. */
  startTagEnd: number;
  /** Between the start and end tags. */
  contentRange: Range;
}

export interface XmlDocument {
  root?: XmlElement;
  problems: ParseProblem[];
  comments: Range[];
}

const MAX_PROBLEMS = 20;
/** The attributes of every element that has none (read-only, so sharing it is safe). */
const NO_ATTRIBUTES: ReadonlyMap<string, Located<string>> = new Map();
/** Parsing stops after this many syntax errors (the text is not XML in any useful sense). */
const MAX_ERRORS = 1000;

/** Parses XML into elements with ranges; never throws. Unclosed elements end at the end of the text. */
export function parseXml(text: string): XmlDocument {
  const problems: ParseProblem[] = [];
  const comments: Range[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  const parser = new SaxesParser({ position: true });
  let errors = 0;
  parser.on('error', (error) => {
    // Hostile text can raise an error per character; stop reading instead of spending seconds on it.
    if (++errors > MAX_ERRORS) throw new Error(`more than ${MAX_ERRORS} syntax errors; the rest of the file was not read`);
    if (problems.length >= MAX_PROBLEMS) return;
    const at = Math.max(0, Math.min(parser.position - 1, text.length));
    problems.push({
      message: `XML syntax error: ${error.message.replace(/^(?:[^:\s]*:)?\d+:\d+: /, '')}`,
      range: { start: at, end: Math.min(at + 1, text.length) },
    });
  });
  parser.on('opentagstart', () => {
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag) => {
    const end = parser.position;
    const element: XmlElement = {
      name: tag.name,
      attributes: locateAttributes(text, tagStart, end, tag.attributes as Record<string, string>),
      children: [],
      parent: stack[stack.length - 1],
      text: '',
      range: { start: tagStart, end },
      startTagEnd: end,
      contentRange: { start: end, end },
    };
    if (element.parent) element.parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const element = stack.pop();
    if (!element) return;
    const end = parser.position;
    const closeStart = text.lastIndexOf('</', end - 1);
    // In place: the ranges were made for this element alone and nothing holds them yet (fewer objects per element).
    element.contentRange.end = Math.max(element.startTagEnd, closeStart);
    element.range.end = end;
  });
  const appendText = (value: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += value;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('comment', () => {
    const end = parser.position;
    comments.push({ start: Math.max(0, text.lastIndexOf('<!--', end - 1)), end });
  });
  try {
    parser.write(text).close();
  } catch (error) {
    problems.push({ message: `XML could not be parsed: ${(error as Error).message}`, range: { start: 0, end: 0 } });
  }
  for (const open of stack) {
    open.contentRange = { start: open.startTagEnd, end: text.length };
    open.range = { start: open.range.start, end: text.length };
  }
  return { root, problems, comments };
}

/**
 * Finds each attribute's value in the raw start tag `<name a="v" b='w'>` and pairs it with the decoded
 * value saxes reported. Only the tag's own text is scanned.
 */
function locateAttributes(text: string, start: number, end: number, decoded: Record<string, string>): ReadonlyMap<string, Located<string>> {
  // Most elements of a large file have no attributes: share one empty map and skip the scan.
  if (!hasAnyKey(decoded)) return NO_ATTRIBUTES;
  const result = new Map<string, Located<string>>();
  // Character codes rather than one-character strings: this loop runs over every start tag's text.
  let i = start + 1;
  while (i < end && !isSpaceCode(text.charCodeAt(i)) && text.charCodeAt(i) !== GREATER && text.charCodeAt(i) !== SLASH) i++; // element name
  while (i < end) {
    while (i < end && (isSpaceCode(text.charCodeAt(i)) || text.charCodeAt(i) === SLASH)) i++;
    if (i >= end || text.charCodeAt(i) === GREATER) break;
    const nameStart = i;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (isSpaceCode(code) || code === EQUALS || code === GREATER || code === SLASH) break;
      i++;
    }
    const name = text.slice(nameStart, i);
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
    if (text[i] !== '=') continue;
    i++;
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const valueStart = i + 1;
    const valueEnd = text.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd >= end) break;
    if (name && Object.prototype.hasOwnProperty.call(decoded, name)) {
      result.set(name, { value: decoded[name], range: { start: valueStart, end: valueEnd } });
    }
    i = valueEnd + 1;
  }
  return result;
}

function hasAnyKey(record: Record<string, string>): boolean {
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  return false;
}

const GREATER = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/** Space, tab, line feed or carriage return. */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Visits every element without recursion. */
export function* elements(root: XmlElement | undefined): Generator<XmlElement> {
  if (!root) return;
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    yield element;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
}

/** Located text of an element (`<string>x</string>`): decoded value, range of the raw content. */
export function textOf(element: XmlElement): Located<string> {
  return { value: element.text, range: element.contentRange };
}
