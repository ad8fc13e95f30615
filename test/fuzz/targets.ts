import fc from 'fast-check';
import { FORMATS } from '../../src/core/formats';
import { mutatedDocument } from './mutations';
import { checkLexer, checkLint, checkParser } from './properties';
import { LEXER_SEEDS } from './lexer-seeds';
import * as LANGUAGES from '../../src/core/lexing/languages';
import type { LanguageSpec } from '../../src/core/lexing/lexer';
import { allSeeds, seedsFor, type Seed } from './seeds';

/** One thing to fuzz: a check over generated documents (throws when a property is broken). */
export interface FuzzTarget {
  name: string;
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
  return targets;
}

/** Seed for fast-check: FUZZ_SEED when set (to replay a failure), else a fixed one so `npm test` is repeatable. */
export function fuzzSeed(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && process.env.FUZZ_SEED ? fromEnv : fallback;
}
