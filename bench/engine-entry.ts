// What the benchmarks call in-process: the engine exactly as the CLI and the extension bundle it.
export { Project } from '../src/core/engine/project';
export { lintPaths } from '../src/core/engine/lint';
export { FORMATS, detectFormat, isCandidatePath } from '../src/core/formats';
