import fc from 'fast-check';
import { FORMATS } from '../../src/core/formats';
import { mutatedDocument } from './mutations';
import { checkLexer, checkLint, checkParser } from './properties';
import { LEXER_SEEDS } from './lexer-seeds';
import * as LANGUAGES from '../../src/core/lexing/languages';
import type { LanguageSpec } from '../../src/core/lexing/lexer';
import { allSeeds, seedsFor, type Seed } from './seeds';
import { checkFix, fixWorkspace } from './fix-properties';
import { detectFormat } from '../../src/core/formats';
import type { FormatId } from '../../src/core/model';

/** One thing to fuzz: a check over generated documents (throws when a property is broken). */
export interface FuzzTarget {
  name: string;
  /** Cases for the long run when it differs from --runs (the fix targets: 20,000 each). */
  longRuns?: number;
  documents: fc.Arbitrary<Seed>;
  check(doc: Seed): void;
  property: fc.IPropertyWithHooks<[Seed]>;
}

function target(name: string, documents: fc.Arbitrary<Seed>, check: (doc: Seed) => void): FuzzTarget {
  return { name, documents, check, property: fc.property(documents, check) };
}

/** Every registered format's parser (read from the registry at run time), then the whole lint. */
export function fuzzTargets(): FuzzTarget[] {
  const targets: FuzzTarget[] = FORMATS.map((format) => {
    let seeds = seedsFor(format.id);
    // A format with no seed of its own is still fuzzed, with the other documents under paths it accepts.
    if (!seeds.length) seeds = allSeeds().filter((s) => format.byName(s.path) !== 'no');
    if (!seeds.length) seeds = allSeeds();
    return target(`parser ${format.id}`, mutatedDocument(seeds), (doc) => checkParser(format, doc.path, doc.text));
  });
  targets.push(target('whole lint', mutatedDocument(allSeeds()), (doc) => void checkLint(doc.path, doc.text)));
  // The shared lexer with every language spec (the seed's path names it), on mutations of snippets in
  // every language and of every seed document.
  const specs = new Map(Object.entries(LANGUAGES).filter((e): e is [string, LanguageSpec] => typeof e[1] === 'object'));
  const lexerSeeds = [...specs.keys()].flatMap((name) => [...LEXER_SEEDS, ...allSeeds()].map((s) => ({ path: `lexer:${name}`, text: s.text })));
  targets.push(target('lexer (every language spec)', mutatedDocument(lexerSeeds), (doc) => checkLexer(specs.get(doc.path.slice(6))!, doc.text)));
  targets.push(...fixTargets());
  return targets;
}

/** Cases per fixable format in the long run (issue 15: at least 20,000). */
export const FIX_LONG_RUNS = 20_000;

/** One --fix target per file of the fix workspace (one per fixable format), mutated with the others beside it. */
export function fixTargets(): FuzzTarget[] {
  const workspace = fixWorkspace();
  return workspace.map((seed) => {
    const format = detectFormat(seed.path, seed.text)?.id ?? 'unknown';
    const others = seedsFor(format as FormatId).filter((s) => s.path !== seed.path);
    const seeds = [seed, ...others.map((s) => ({ path: seed.path, text: s.text }))];
    return { ...target(`fix ${format}`, mutatedDocument(seeds), (doc) => checkFix(doc, workspace)), longRuns: FIX_LONG_RUNS };
  });
}

/** Seed for fast-check: FUZZ_SEED when set (to replay a failure), else a fixed one so `npm test` is repeatable. */
export function fuzzSeed(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && process.env.FUZZ_SEED ? fromEnv : fallback;
}
