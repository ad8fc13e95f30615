// The part of the engine the extension uses. Loaded through `engine()` only when a file is first
// linted, so activation does not pay for the parsers (esbuild wraps a required module in a lazy init).
export { Project } from '../core/engine/project';
export { readInto } from '../core/engine/lint';
export { discover, DEFAULT_EXCLUDED_DIRS } from '../core/io/discovery';
export { detectFormat, isCandidatePath, untitledNamesFor, workspaceMarkers } from '../core/formats';
export { RULES, ruleById } from '../core/rules';
export { docsUrl } from '../core/rules/types';
export { DIRECTIVE } from '../core/engine/suppress';
export { LineIndex, detectEol } from '../core/io/text';
export { relativeSlash } from '../core/io/paths';
export { CONFIG_FILE_NAME, parseConfigFile, formatConfigError } from '../core/config/config-file';
export { findConfigFile } from '../core/config/config-file-fs';
export { modify as modifyJson } from 'jsonc-parser';
