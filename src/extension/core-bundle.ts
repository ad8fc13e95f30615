// The part of the engine the extension host uses. Loaded through `engine()` only when it is first needed,
// so activation does not pay for the parsers (esbuild wraps a required module in a lazy init). The lint
// itself runs in the lint worker (dist/lint-worker.js); WorkspaceLinter is here for when no worker starts.
export {
  detectFormat,
  isCandidatePath,
  untitledNamesFor,
  workspaceMarkers,
  ruleById,
  renderRulePage,
  DIRECTIVE,
  LineIndex,
  relativeSlash,
  CONFIG_FILE_NAME,
} from '../core';
export { modify as modifyJson } from 'jsonc-parser';
export { WorkspaceLinter, handleRequest } from './engine/workspace-linter';
