import type { Node } from 'jsonc-parser';

// Most configuration files are plain, valid JSON. For those, this builds the same tree as jsonc-parser's
// parseTree (same node types, offsets, lengths, values, colonOffset and parent links) in one iterative
// pass, about twice as fast and without recursion. It checks the JSON grammar as it goes and gives up
// (undefined) at the first thing that is not strict JSON (comments, trailing commas, any error): such
// text is left to jsonc-parser, which recovers from errors and reports them.

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type MutableNode = { -readonly [K in keyof Node]: Node[K] } & { children?: MutableNode[]; parent?: MutableNode };

/** What the grammar allows next. */
const enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
}

/** Stands for a property's value until it is read (never left in a tree that is returned). */
const PENDING_VALUE: MutableNode = { type: 'null', offset: -1, length: 0 };

/** The tree of `text` when it is strict JSON nested at most `maxDepth` levels; undefined otherwise. */
export function strictJsonTree(text: string, maxDepth = Infinity): Node | undefined {
  const root: MutableNode = { type: 'array', offset: -1, length: -1, parent: undefined, children: undefined };
  let parent: MutableNode = root;
  let expect = Expect.Value;
  const length = text.length;
  // Children are made as arrays of their final size: an array grown by push reserves 17 slots for its
  // first element, which was most of a big tree's memory. A property's are [key, value] from the start;
  // an object's or array's wait on one stack (`pending`, from `marks`) until it closes.
  const pending: MutableNode[] = [];
  let pendingCount = 0;
  const marks: number[] = [];
  const add = (node: MutableNode) => {
    if (parent.type === 'property') parent.children![1] = node;
    else pending[pendingCount++] = node;
  };
  /** A value ended at `end`: it also ends the property holding it. */
  const closeProperty = (end: number) => {
    if (parent.type === 'property') {
      parent.length = end - parent.offset;
      parent = parent.parent!;
    }
  };
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === LF || c === CR || c === TAB) {
      i++;
      continue;
    }
    if (parent === root && expect === Expect.CommaOrClose) return undefined; // a second top-level value
    if (c === QUOTE) {
      if (expect === Expect.Colon || expect === Expect.CommaOrClose) return undefined;
      // One loop finds the closing quote, sees escapes and refuses raw control characters (strict JSON).
      let end = i + 1;
      let escaped = false;
      for (; end < length; end++) {
        const d = text.charCodeAt(end);
        if (d === QUOTE) break;
        if (d < SPACE) return undefined;
        if (d === BACKSLASH) {
          escaped = true;
          if (text.charCodeAt(++end) < SPACE) return undefined;
        }
      }
      if (end >= length) return undefined;
      const raw = text.slice(i + 1, end);
      let value = raw;
      if (escaped) {
        try {
          value = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return undefined;
        }
      }
      if (expect === Expect.Key || expect === Expect.KeyOrClose) {
        const property: MutableNode = { type: 'property', offset: i, length: -1, parent, children: undefined };
        // The value is set when it is read (add); a property without one fails the parse.
        property.children = [{ type: 'string', offset: i, length: end + 1 - i, parent: property, value }, PENDING_VALUE];
        pending[pendingCount++] = property;
        parent = property;
        expect = Expect.Colon;
      } else {
        add({ type: 'string', offset: i, length: end + 1 - i, parent, value });
        closeProperty(end + 1);
        expect = Expect.CommaOrClose;
      }
      i = end + 1;
    } else if (c === COLON) {
      if (expect !== Expect.Colon) return undefined;
      parent.colonOffset = i;
      expect = Expect.Value;
      i++;
    } else if (c === COMMA) {
      if (expect !== Expect.CommaOrClose) return undefined;
      expect = parent.type === 'object' ? Expect.Key : Expect.Value;
      i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (expect !== Expect.Value && expect !== Expect.ValueOrClose) return undefined;
      const node: MutableNode = { type: c === OPEN_BRACE ? 'object' : 'array', offset: i, length: -1, parent, children: undefined };
      add(node);
      // Deeper text goes to parseJson's slow path, which blanks the deep part and reports it.
      if (marks.push(pendingCount) > maxDepth) return undefined;
      parent = node;
      expect = c === OPEN_BRACE ? Expect.KeyOrClose : Expect.ValueOrClose;
      i++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      const closes = c === CLOSE_BRACE ? 'object' : 'array';
      const allowed = expect === Expect.CommaOrClose || expect === (c === CLOSE_BRACE ? Expect.KeyOrClose : Expect.ValueOrClose);
      if (!allowed || parent.type !== closes) return undefined;
      parent.length = i + 1 - parent.offset;
      const mark = marks.pop()!;
      parent.children = pending.slice(mark, pendingCount);
      pendingCount = mark;
      parent = parent.parent!;
      i++;
      closeProperty(i);
      expect = Expect.CommaOrClose;
    } else {
      if (expect !== Expect.Value && expect !== Expect.ValueOrClose) return undefined;
      let end: number;
      let value: number | boolean | null;
      if (text.startsWith('true', i)) [end, value] = [i + 4, true];
      else if (text.startsWith('false', i)) [end, value] = [i + 5, false];
      else if (text.startsWith('null', i)) [end, value] = [i + 4, null];
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return undefined;
        end = NUMBER.lastIndex;
        value = Number(text.slice(i, end));
      }
      if (end < length && !isDelimiter(text.charCodeAt(end))) return undefined;
      add({ type: value === null ? 'null' : (typeof value as 'boolean' | 'number'), offset: i, length: end - i, parent, value });
      closeProperty(end);
      expect = Expect.CommaOrClose;
      i = end;
    }
  }
  if (parent !== root || expect !== Expect.CommaOrClose) return undefined; // unclosed, or no value at all
  const result = pending[0];
  delete result.parent;
  return result;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === SPACE || c === LF || c === CR || c === TAB;
}
