// The engine's API: what the CLI and the extension use. Everything below src/core is pure (no `vscode`,
// no network); only io/ and engine/lint.ts touch the file system. The AADSTS knowledge has its own API
// (./aadsts) so the editor's hover can load it without the parsers.

export type * from './model';
export { Project } from './engine/project';
export { lintPaths, lintText, readInto, formatBytes, type FileRead, type LintRun } from './engine/lint';
export { effectiveOptions, type EffectiveOptions, type LintOptions, type Suppression } from './engine/options';
export { DIRECTIVE } from './engine/suppress';
export { discover, DEFAULT_EXCLUDED_DIRS, type Discovered } from './io/discovery';
export { relativeSlash, baseName, slashPath } from './io/paths';
export { LineIndex, decode, encode, detectEol, maskSecret, stripBom, type Decoded } from './io/text';
export { CONFIG_FILE_NAME, parseConfigFile, formatConfigError, type ConfigError, type ConfigParseResult } from './config/config-file';
export { findConfigFile, loadConfigFile } from './config/config-file-fs';
export { FORMATS, detectFormat, isCandidatePath, untitledNamesFor, workspaceMarkers, formatById, type Format } from './formats';
export { RULES, ruleById } from './rules';
export { docsUrl, type Rule, type RuleMeta, type RuleDocs } from './rules/types';
export { applyEdits, editsByFile, selectFixes } from './fixes/apply';
export { LintSession, resolveConfig, describeConfigErrors, DEFAULT_STDIN_LIMIT, type SessionRequest, type ResolvedConfig } from './engine/session';
export { layerOptions, DEFAULT_TEST_PATHS } from './engine/options';
export { compileGlobs, globMatches, globProblems, GlobError, type PathMatcher } from './io/glob';
export { readRegularFile } from './io/read-file';
export { MAX_CONFIG_FILE_BYTES } from './config/config-file-fs';
export { planFixes, fixVerdict, MAX_FIX_ROUNDS, type FixPlan } from './fixes/apply';
export { writeFileAtomic } from './io/write-file';
export { findSecrets, maskSecretsIn, maskValuesIn, isLiteralSecret, type SecretHit } from './secrets/detector';
export { WorkspaceIndex } from './engine/workspace';
export { fixOutcome, preferredFixIndex, type FixOutcome } from './fixes/verify';
export { renderRulePage, codeLink } from './docs/rule-page';
