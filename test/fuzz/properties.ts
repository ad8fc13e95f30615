import type { Format } from '../../src/core/formats/types';
import { lex, type LanguageSpec } from '../../src/core/lexing/lexer';
import type { Finding, ParsedFile } from '../../src/core/model';
import { Project } from '../../src/core/engine/project';
import { stripBom } from '../../src/core/io/text';

// The properties every parser and the whole lint must keep on any input. Each check throws an Error
// saying what broke, so fast-check reports (and shrinks) the input.

/** The default options: the work budget is counted, so fuzz results never depend on the machine's speed. */
export const FUZZ_OPTIONS = {};

/** Every `{ start, end }` pair anywhere in the parsed model (walked iteratively), and insert offsets. */
function rangesIn(parsed: ParsedFile): { where: string; start: number; end: number }[] {
  const found: { where: string; start: number; end: number }[] = [];
  const stack: { value: unknown; where: string }[] = [{ value: parsed, where: 'parsed' }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, where } = stack.pop()!;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') found.push({ where, start: record.start, end: record.end });
    for (const [key, child] of Object.entries(record)) {
      if (key === 'text') continue;
      if (typeof child === 'number' && /InsertAt$/.test(key)) found.push({ where: `${where}.${key}`, start: child, end: child });
      else if (child && typeof child === 'object') stack.push({ value: child, where: `${where}.${key}` });
    }
  }
  return found;
}

function assertInside(ranges: { where: string; start: number; end: number }[], length: number): void {
  for (const r of ranges) {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length)) {
      throw new Error(`range ${r.where} = [${r.start}, ${r.end}) is not inside the document (length ${length})`);
    }
  }
}

/** A parser must not throw, must keep every range inside the text and must give the same model twice. */
export function checkParser(format: Format, path: string, text: string): void {
  const first = format.parse(path, text);
  if (first.text !== text) throw new Error('parse changed the text it was given');
  assertInside(rangesIn(first), text.length);
  const second = format.parse(path, text);
  if (JSON.stringify(first) !== JSON.stringify(second)) throw new Error('parsing the same text twice gave different models');
}

function findingRanges(findings: Finding[], path: string): { where: string; start: number; end: number }[] {
  const ranges: { where: string; start: number; end: number }[] = [];
  findings.forEach((f, i) => {
    ranges.push({ where: `finding ${i} (${f.ruleId})`, ...f.range });
    f.related.filter((r) => r.file === path).forEach((r, j) => ranges.push({ where: `finding ${i} related ${j}`, ...r.range }));
    f.fixes.forEach((fix, j) =>
      fix.edits.filter((e) => e.file === path).forEach((e, k) => ranges.push({ where: `finding ${i} fix ${j} edit ${k}`, ...e.range })),
    );
  });
  return ranges;
}

/** The whole lint (detect, parse, every rule): no escape, ranges inside, same findings twice, bounded output. */
export function checkLint(path: string, text: string): Finding[] {
  const project = new Project(FUZZ_OPTIONS);
  project.setFile(path, text);
  const findings = project.lintFile(path);
  const length = stripBom(text).length;
  assertInside(findingRanges(findings, path), length);
  const broken = findings.find((f) => /^rule \S+ failed on this file|^could not be read:/.test(f.message));
  if (broken) throw new Error(`an exception escaped: ${broken.ruleId}: ${broken.message}`);
  if (findings.length > length + 50) throw new Error(`${findings.length} findings for ${length} characters`);
  const again = new Project(FUZZ_OPTIONS);
  again.setFile(path, text);
  if (JSON.stringify(again.lintFile(path)) !== JSON.stringify(findings)) throw new Error('linting the same text twice gave different findings');
  return findings;
}

/**
 * The shared lexer on any text: no exception; tokens inside the text, in order and not overlapping;
 * every content, hole and comment range inside the text; comments in order; the same result twice.
 */
export function checkLexer(spec: LanguageSpec, text: string, { twice = true }: { twice?: boolean } = {}): void {
  const first = lex(text, spec);
  const inside = (r: { start: number; end: number }, what: string) => {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length))
      throw new Error(`${what} [${r.start}, ${r.end}) is not inside the text (length ${text.length})`);
  };
  let previousEnd = 0;
  first.tokens.forEach((token, i) => {
    inside(token, `token ${i} (${token.kind})`);
    if (token.start < previousEnd) throw new Error(`token ${i} starts at ${token.start}, before the previous token ends (${previousEnd})`);
    if (token.end === token.start) throw new Error(`token ${i} (${token.kind}) is empty`);
    previousEnd = token.end;
    if (token.content) inside(token.content, `token ${i} content`);
    for (const part of token.parts ?? []) if ('range' in part) inside(part.range, `token ${i} hole`);
  });
  let commentEnd = 0;
  first.comments.forEach((c, i) => {
    inside(c, `comment ${i}`);
    if (c.start < commentEnd) throw new Error(`comment ${i} is out of order`);
    commentEnd = c.end;
  });
  first.problems.forEach((p, i) => inside(p.range, `problem ${i}`));
  if (twice && JSON.stringify(first) !== JSON.stringify(lex(text, spec))) throw new Error('lexing the same text twice gave different results');
}
