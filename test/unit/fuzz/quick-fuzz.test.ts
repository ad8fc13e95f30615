import fc from 'fast-check';
import { fuzzSeed, fuzzTargets } from '../../fuzz/targets';

// A quick property-based run inside `npm test` (the long run is `npm run fuzz`). FUZZ_SEED replays a failure;
// FUZZ_RUNS changes the number of cases per target.
const RUNS = Number(process.env.FUZZ_RUNS) || 300;

describe('fuzz (quick): parsers and the whole lint on random and mutated documents', function () {
  this.timeout(300_000); // generous: counts are bounded, wall-clock is not asserted
  for (const target of fuzzTargets()) {
    it(`${target.name}: no exception, ranges inside the text, deterministic (${RUNS} cases)`, () => {
      fc.assert(target.property, { numRuns: RUNS, seed: fuzzSeed(20261129) });
    });
  }
});
