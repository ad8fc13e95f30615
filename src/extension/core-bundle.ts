// The part of the engine the extension uses. Loaded through `engine()` only when a file is first
// linted, so activation does not pay for the parsers (esbuild wraps a required module in a lazy init).
export { Project } from '../core/project';
export { readInto } from '../core/lint';
export { discover, DEFAULT_EXCLUDED_DIRS } from '../core/discovery';
export { detectFormat, isCandidatePath } from '../core/formats';
export { RULES, ruleById } from '../core/rules';
export { docsUrl } from '../core/rules/types';
export { commentSyntax, DIRECTIVE } from '../core/suppress';
export { LineIndex, detectEol } from '../core/text';
export { relativeSlash } from '../core/paths';
export { CONFIG_FILE_NAME, parseConfigFile, formatConfigError } from '../core/config-file';
export { findConfigFile } from '../core/config-file-fs';
export { modify as modifyJson } from 'jsonc-parser';
