import type { Range } from '../model';
import { aadstsEntry } from './catalogue';
import { msalEntry } from './msal-codes';
import type { CodeMatch, Located, MatchContext, MatchForm, ParsedErrorMessage } from './types';

// Every pattern here runs in linear time: quantifiers are bounded or separated by literals, and no two
// adjacent quantifiers can match the same characters (so a failed match never retries exponentially many splits).
// Text may be raw, JSON-escaped (\"), or URL-encoded (+, %20, %3a, %22) as in browser redirect URLs.

const SPACE = String.raw`(?:\s|\+|%20){0,4}`;
const COLON = String.raw`(?::|=|%3[aA])`;
const QUOTE = String.raw`(?:\\?["']|%22)?`;
const GUID = String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;
const TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}(?:T|\s|\+|%20)\d{2}(?::|%3[aA])\d{2}(?::|%3[aA])\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?`;

const AADSTS_PATTERN = /AADSTS(\d{4,9})(?!\d)/gi;
const ERROR_CODES_PATTERN = /(?:\\?["']|%22)?error_?codes(?:\\?["']|%22)?\s{0,4}[:=]\s{0,4}\[([\d,\s]{0,200})\]/gi;
/** Older msal-common ServerError text: `50199 - [2024-01-01 10:00:00Z]: AADSTS50199: …`. */
const SERVER_ERROR_PATTERN = new RegExp(String.raw`(?<![\d.:,-])(\d{4,9}(?:,\d{4,9}){0,20}) - \[(${TIMESTAMP})\]:`, 'g');
/** Current msal-common ServerError text: `Error(s): 50199 - Timestamp: … - Description: AADSTS50199: …`. */
const ERROR_LIST_PATTERN = /Error\(s\):\s{0,4}(\d{4,9}(?:,\d{4,9}){0,20})(?!\d)/g;
const ERROR_NO_PATTERN = /errorNo(?:\\?["']|%22)?\s{0,4}[:=]\s{0,4}(?:\\?["']|%22)?(\d{4,9})(?!\d)/gi;
const ERROR_LINK_PATTERN = /login\.(?:partner\.)?microsoftonline\.(?:com|us|cn|de)(?:\/|%2[fF])error(?:\?|%3[fF])code(?:=|%3[dD])(\d{4,9})(?!\d)/gi;
const WORD_PATTERN = /\w+/g;
/** The OAuth `error` field: `"error":"invalid_grant"`, `error=interaction_required&` (redirect URLs). */
const ERROR_FIELD_PATTERN = /(?<![\w-])error(?:\\?["']|%22)?\s{0,4}[:=]\s{0,4}(?:\\?["']|%22)?([a-z][a-z_]{2,60})(?!\w)/g;
const NUMBER_PATTERN = /\d+/g;

const TRACE_PATTERN = new RegExp(String.raw`trace(?:\s|\+|%20|_|-)?id${QUOTE}${SPACE}${COLON}${SPACE}${QUOTE}(${GUID})`, 'gi');
const CORRELATION_PATTERN = new RegExp(String.raw`correlation(?:\s|\+|%20|_|-)?id${QUOTE}${SPACE}${COLON}${SPACE}${QUOTE}(${GUID})`, 'gi');
const TIMESTAMP_PATTERN = new RegExp(String.raw`(?<!\d)${TIMESTAMP}`, 'g');

/** How far around a code its trace id, correlation id and timestamp may be. */
const CONTEXT_AFTER = 2000;
const CONTEXT_BEFORE = 400;
/** How much text around the offset codeAt reads (hovers on huge one-line logs stay fast). */
const HOVER_WINDOW = 4096;

export interface FindOptions {
  /** Also recognise MSAL / OAuth code words such as `untrusted_authority` (default true). */
  msalCodes?: boolean;
}

/** Every AADSTS, MSAL and OAuth code in the text, in text order, with the ids and timestamp next to each. */
export function findCodes(text: string, options: FindOptions = {}): CodeMatch[] {
  const matches: CodeMatch[] = [];
  const addNumber = (digits: string, start: number, form: MatchForm, rangeStart = start, rangeEnd = start + digits.length) => {
    const number = Number(digits);
    matches.push({
      kind: 'aadsts',
      code: `AADSTS${number}`,
      number,
      form,
      range: { start: rangeStart, end: rangeEnd },
      entry: aadstsEntry(number),
      context: {},
    });
  };

  for (const m of text.matchAll(AADSTS_PATTERN)) addNumber(m[1], m.index + 6, 'aadsts', m.index, m.index + m[0].length);
  for (const m of text.matchAll(ERROR_CODES_PATTERN)) {
    const listStart = m.index + m[0].length - 1 - m[1].length;
    for (const n of m[1].matchAll(NUMBER_PATTERN)) addNumber(n[0], listStart + n.index, 'error-codes');
  }
  for (const m of text.matchAll(SERVER_ERROR_PATTERN)) {
    for (const n of m[1].matchAll(NUMBER_PATTERN)) addNumber(n[0], m.index + n.index, 'server-error');
  }
  for (const m of text.matchAll(ERROR_LIST_PATTERN)) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const n of m[1].matchAll(NUMBER_PATTERN)) addNumber(n[0], listStart + n.index, 'server-error');
  }
  for (const m of text.matchAll(ERROR_NO_PATTERN)) addNumber(m[1], m.index + m[0].length - m[1].length, 'error-no');
  for (const m of text.matchAll(ERROR_LINK_PATTERN)) addNumber(m[1], m.index + m[0].length - m[1].length, 'error-link');
  if (options.msalCodes !== false) {
    for (const m of text.matchAll(WORD_PATTERN)) {
      if (!m[0].includes('_')) continue;
      const entry = msalEntry(m[0]);
      if (entry)
        matches.push({ kind: entry.kind, code: entry.code, form: 'msal-code', range: { start: m.index, end: m.index + m[0].length }, entry, context: {} });
    }
  }
  matches.sort((a, b) => a.range.start - b.range.start);
  if (matches.length > 0) attachContext(text, matches);
  return matches;
}

/** The code under (or touching) an offset, for hovers; undefined when there is none. */
export function codeAt(text: string, offset: number, options: FindOptions = {}): CodeMatch | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  const base = Math.max(0, offset - HOVER_WINDOW);
  const window = text.slice(base, Math.min(text.length, offset + HOVER_WINDOW));
  const local = offset - base;
  const candidates = findCodes(window, options).filter((m) => m.range.start <= local && local <= m.range.end);
  const best = candidates.find((m) => local < m.range.end) ?? candidates[0];
  return best && shift(best, base);
}

/** Takes a whole pasted error message (msal error, token-endpoint JSON, redirect URL, log lines) apart. */
export function parseErrorMessage(text: string): ParsedErrorMessage {
  const all = findCodes(text);
  const codes: CodeMatch[] = [];
  const seen = new Set<string>();
  // AADSTS numbers first (they name the exact cause), then MSAL / OAuth codes; each in text order.
  for (const match of [...all.filter((m) => m.kind === 'aadsts'), ...all.filter((m) => m.kind !== 'aadsts')]) {
    if (seen.has(match.code)) continue;
    seen.add(match.code);
    codes.push(match);
  }
  const first = all.find((m) => m.kind === 'aadsts') ?? all[0];
  const traceId = first?.context.traceId?.value ?? firstValue(TRACE_PATTERN, text, 1);
  const correlationId = first?.context.correlationId?.value ?? firstValue(CORRELATION_PATTERN, text, 1);
  const timestamp = first?.context.timestamp?.value ?? firstValue(TIMESTAMP_PATTERN, text, 0);
  const error = errorField(text) ?? all.find((m) => m.kind === 'oauth')?.code;
  return {
    codes,
    ...(traceId ? { traceId } : {}),
    ...(correlationId ? { correlationId } : {}),
    ...(timestamp ? { timestamp: decodeTimestamp(timestamp) } : {}),
    ...(error ? { error } : {}),
  };
}

/** Trace ids, correlation ids and timestamps anywhere in the text (also used by tests and the grammar's checks). */
export function findContextValues(text: string): { traceIds: Located[]; correlationIds: Located[]; timestamps: Located[] } {
  return {
    traceIds: locate(TRACE_PATTERN, text, 1),
    correlationIds: locate(CORRELATION_PATTERN, text, 1),
    timestamps: locate(TIMESTAMP_PATTERN, text, 0),
  };
}

function attachContext(text: string, matches: CodeMatch[]): void {
  const { traceIds, correlationIds, timestamps } = findContextValues(text);
  for (const match of matches) {
    const context: MatchContext = {};
    const traceId = nearest(text, traceIds, match.range);
    const correlationId = nearest(text, correlationIds, match.range);
    const timestamp = nearest(text, timestamps, match.range);
    if (traceId) context.traceId = traceId;
    if (correlationId) context.correlationId = correlationId;
    if (timestamp) context.timestamp = { value: decodeTimestamp(timestamp.value), range: timestamp.range };
    match.context = context;
  }
}

/** The closest value after the code (within CONTEXT_AFTER), or before it on the same line (within CONTEXT_BEFORE). */
function nearest(text: string, values: Located[], range: Range): Located | undefined {
  let best: Located | undefined;
  let bestDistance = Infinity;
  const firstAfter = lowerBound(values, range.end);
  const after = values[firstAfter];
  if (after && after.range.start - range.end <= CONTEXT_AFTER) {
    best = after;
    bestDistance = after.range.start - range.end;
  }
  for (let i = firstAfter - 1; i >= 0; i--) {
    const before = values[i];
    if (before.range.end > range.start) continue; // overlaps the code itself
    const distance = range.start - before.range.end;
    if (distance <= CONTEXT_BEFORE && distance < bestDistance && !text.slice(before.range.end, range.start).includes('\n')) best = before;
    break;
  }
  return best;
}

/** Index of the first value starting at or after offset (values are in text order). */
function lowerBound(values: Located[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid].range.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function locate(pattern: RegExp, text: string, group: number): Located[] {
  const found: Located[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    const start = m.index + m[0].length - value.length;
    found.push({ value, range: { start, end: start + value.length } });
  }
  return found;
}

/** The first `error` field whose value is a known MSAL or OAuth code (so `error: something bad` is not taken). */
function errorField(text: string): string | undefined {
  for (const m of text.matchAll(ERROR_FIELD_PATTERN)) if (msalEntry(m[1])) return m[1];
  return undefined;
}

function firstValue(pattern: RegExp, text: string, group: number): string | undefined {
  return locate(pattern, text, group)[0]?.value;
}

/** `2024-01-01+10%3a00%3a00Z` (from a redirect URL) → `2024-01-01 10:00:00Z`. */
function decodeTimestamp(value: string): string {
  return value.replace(/\+|%20/g, ' ').replace(/%3[aA]/g, ':');
}

function shift(match: CodeMatch, base: number): CodeMatch {
  const move = (range: Range): Range => ({ start: range.start + base, end: range.end + base });
  const context: MatchContext = {};
  for (const key of ['traceId', 'correlationId', 'timestamp'] as const) {
    const value = match.context[key];
    if (value) context[key] = { value: value.value, range: move(value.range) };
  }
  return { ...match, range: move(match.range), context };
}
