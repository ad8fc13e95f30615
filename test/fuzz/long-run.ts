import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIX_LONG_RUNS, fuzzSeed, fuzzTargets, type FuzzTarget } from './targets';
import type { Seed } from './seeds';

// `npm run fuzz`: the long run, at least 100,000 cases per parser and for the whole lint. Cases run in
// chunks of 10,000 (seed + chunk number) so progress and counts are printed as they come; the slowest
// case of each target is shown so runaway work is visible. A failure stops its target with the replay seed.
// Usage: [FUZZ_SEED=n] [FUZZ_SLOWEST_DIR=dir] node out/test/fuzz/long-run.js [--runs N] [--only NAME]
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 100_000;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const baseSeed = fuzzSeed(Date.now() % 1_000_000_000);
const CHUNK = 10_000;

function fuzz(target: FuzzTarget): boolean {
  let slowest = { ms: 0, doc: undefined as Seed | undefined };
  const timed = (doc: Seed) => {
    const started = performance.now();
    try {
      target.check(doc);
    } finally {
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { ms, doc };
    }
  };
  const started = performance.now();
  let done = 0;
  const total = args.includes('--runs') ? runs : (target.longRuns ?? runs);
  for (let chunk = 0; done < total; chunk++) {
    const seed = baseSeed + chunk;
    const numRuns = Math.min(CHUNK, total - done);
    const details = fc.check(fc.property(target.documents, timed), { numRuns, seed });
    done += details.numRuns;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (details.failed) {
      console.log(`FAILED ${target.name}: after ${done} cases (${seconds} s); replay with FUZZ_SEED=${seed}`);
      console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
      console.log((fc.defaultReportMessage(details) ?? '').slice(0, 4000));
      return false;
    }
    console.log(`  ${target.name}: ${done} cases, ${seconds} s, slowest ${slowest.ms.toFixed(0)} ms`);
  }
  const preview = JSON.stringify(slowest.doc?.text.slice(0, 120));
  // FUZZ_SLOWEST_DIR keeps each target's slowest case whole, to replay it outside the run.
  const keep = process.env.FUZZ_SLOWEST_DIR;
  if (keep && slowest.doc)
    fs.writeFileSync(path.join(keep, `${target.name.replace(/[^\w-]+/g, '_')}.json`), JSON.stringify({ ms: slowest.ms, ...slowest.doc }));
  console.log(
    `ok     ${target.name.padEnd(30)} ${String(done).padStart(7)} cases  ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  slowest ${slowest.ms.toFixed(0)} ms (${slowest.doc?.text.length} chars, ${slowest.doc?.path.split('/').pop()}: ${preview})`,
  );
  return true;
}

console.log(`fuzz: ${runs} cases per target (fix targets: ${FIX_LONG_RUNS} unless --runs is given), seeds from ${baseSeed}`);
let failed = 0;
for (const target of fuzzTargets().filter((t) => !only || t.name === only || t.name.includes(only))) if (!fuzz(target)) failed++;
process.exitCode = failed ? 1 : 0;
