import fc from 'fast-check';
import { fuzzSeed, fuzzTargets } from '../../fuzz/targets';

// A quick property-based run inside `npm test` (the long run is `npm run fuzz`). FUZZ_SEED replays a failure;
// FUZZ_RUNS changes the number of cases per target.
const RUNS = Number(process.env.FUZZ_RUNS) || 300;

describe('fuzz (quick): parsers and the whole lint on random and mutated documents', function () {
  this.timeout(300_000); // generous: counts are bounded, wall-clock is not asserted
  for (const target of fuzzTargets()) {
    // The fix targets lint a workspace twice per case: fewer cases here, 20,000 each in `npm run fuzz`.
    const runs = target.longRuns ? Math.max(20, Math.round(RUNS / 6)) : RUNS;
    const what = target.longRuns
      ? 'unchanged, or parses with the intended redirects, and a second run changes nothing'
      : 'no exception, ranges inside the text, deterministic';
    it(`${target.name}: ${what} (${runs} cases)`, () => {
      fc.assert(target.property, { numRuns: runs, seed: fuzzSeed(20261129) });
    });
  }
});
