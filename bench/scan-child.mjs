// One workspace scan in a fresh process: counts every file the engine opens (by wrapping fs) and reports
// the scan time and the peak memory of the process. Usage: node scan-child.mjs ENGINE_BUNDLE DIR
import { createRequire } from 'node:module';
import * as v8 from 'node:v8';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
const opened = [];
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    if (typeof file === 'string') opened.push(file);
    return original.call(this, file, ...rest);
  };
}
const [enginePath, dir] = process.argv.slice(2);
const engine = require(enginePath);
opened.length = 0; // count the scan's opens only, not loading the engine itself
const started = performance.now();
const run = engine.lintPaths([dir], dir, {});
const scanMs = performance.now() - started;
const heapAtEnd = v8.getHeapStatistics().used_heap_size;
const nonCandidates = opened.filter((file) => !engine.isCandidatePath(file) || /[\\/](node_modules|dist|build|out)[\\/]/.test(file));
process.stdout.write(
  JSON.stringify({
    scanMs,
    opened: opened.length,
    nonCandidateOpens: nonCandidates.length,
    nonCandidateSample: nonCandidates.slice(0, 5),
    recognised: run.files.length,
    findings: run.findings.length,
    customSchemeFindings: run.findings.filter((f) => f.ruleId === 'custom-scheme-redirect').length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapAtEndMB: heapAtEnd / 1024 / 1024,
  }),
);
