import fc from 'fast-check';
import { fuzzSeed, fuzzTargets } from './targets';

// `npm run fuzz`: the long run, at least 100,000 cases per parser and for the whole lint, with counts and
// the slowest case printed. Usage: node out/test/fuzz/long-run.js [--runs N] [--only NAME]
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 100_000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const seed = fuzzSeed(Date.now() % 2_147_483_647);

let failed = 0;
console.log(`fuzz: ${runs} cases per target, seed ${seed} (replay with FUZZ_SEED=${seed})`);
for (const target of fuzzTargets().filter((t) => !only || t.name.includes(only))) {
  let slowest = 0;
  const timed = target.property
    .beforeEach((previous) => { previous(); (globalThis as { __fuzzStart?: number }).__fuzzStart = performance.now(); })
    .afterEach((previous) => { previous(); slowest = Math.max(slowest, performance.now() - ((globalThis as { __fuzzStart?: number }).__fuzzStart ?? 0)); });
  const started = performance.now();
  const details = fc.check(timed, { numRuns: runs, seed, endOnFailure: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const status = details.failed ? 'FAILED' : 'ok';
  console.log(`${status.padEnd(6)} ${target.name.padEnd(34)} ${String(details.numRuns).padStart(7)} cases  ${seconds.padStart(6)} s  slowest case ${slowest.toFixed(0)} ms`);
  if (details.failed) {
    failed++;
    console.log(fc.defaultReportMessage(details));
  }
}
process.exitCode = failed ? 1 : 0;
