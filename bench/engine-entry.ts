// What the benchmarks call in-process: the engine exactly as the CLI and the extension bundle it.
export { Project } from '../src/core/project';
export { lintPaths } from '../src/core/lint';
export { FORMATS, detectFormat, isCandidatePath } from '../src/core/formats';
