import fc from 'fast-check';
import { FORMATS } from '../../src/core/formats';
import { mutatedDocument } from './mutations';
import { checkLint, checkParser } from './properties';
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
  return targets;
}

/** Seed for fast-check: FUZZ_SEED when set (to replay a failure), else a fixed one so `npm test` is repeatable. */
export function fuzzSeed(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_SEED);
  return Number.isInteger(fromEnv) && process.env.FUZZ_SEED ? fromEnv : fallback;
}
