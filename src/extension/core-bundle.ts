// The part of the engine the extension uses. Loaded through `engine()` only when a file is first
// linted, so activation does not pay for the parsers (esbuild wraps a required module in a lazy init).
export {
  Project,
  readInto,
  discover,
  DEFAULT_EXCLUDED_DIRS,
  detectFormat,
  isCandidatePath,
  untitledNamesFor,
  workspaceMarkers,
  RULES,
  ruleById,
  docsUrl,
  DIRECTIVE,
  LineIndex,
  detectEol,
  relativeSlash,
  CONFIG_FILE_NAME,
  parseConfigFile,
  formatConfigError,
  findConfigFile,
} from '../core';
export { modify as modifyJson } from 'jsonc-parser';
