import * as vscode from 'vscode';
import { DEFAULT_TEST_PATHS, type SeverityOrOff, type LintOptions } from '../core';

export const SECTION = 'entraAuthLint';

export interface ExtensionSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  debounceMs: number;
  /** Options from the settings alone; `mergeOptions` lays them over the workspace's `.entra-auth-lint.json`. */
  options: LintOptions;
  /** `files.exclude` patterns that are on (the scan skips them as the Explorer does). */
  filesExclude: string[];
}

/** Whether the workspace is scanned at start-up (a window setting, read without a resource). */
export function scanOnStartup(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('scanOnStartup', true);
}

/** The `entraAuthLint.*` settings for a folder (or the window when `scope` is undefined). */
export function readSettings(scope?: vscode.ConfigurationScope): ExtensionSettings {
  // `null` = "for any resource": the loose documents outside every folder have no resource of their own.
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const options: LintOptions = {
    rules: validRules(config.get<Record<string, unknown>>('rules', {})),
    include: stringList(config.get('include')),
    exclude: stringList(config.get('exclude')),
    testPaths: stringList(config.get('testPaths')),
    allowedSchemes: stringList(config.get('allowedSchemes')),
  };
  // Only an explicitly set size overrides the config file's maxFileSizeBytes.
  const size = config.inspect<number>('maxFileSize');
  const explicitSize = size?.workspaceFolderValue ?? size?.workspaceValue ?? size?.globalValue;
  if (typeof explicitSize === 'number' && explicitSize > 0) options.maxFileSizeBytes = explicitSize;
  const filesExclude = vscode.workspace.getConfiguration('files', scope ?? null).get<Record<string, unknown>>('exclude', {});
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: Math.max(0, config.get<number>('debounceMs', 250)),
    options,
    filesExclude: Object.entries(filesExclude ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob),
  };
}

/**
 * Settings win over the shared config file for severities and the size limit (a person may want
 * a rule louder or quieter locally); lists (excludes, schemes) are unions, and suppressions only
 * come from the file, so the CLI sees the same ones.
 */
export function mergeOptions(file: LintOptions, settings: LintOptions): LintOptions {
  const union = (a?: string[], b?: string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
  return {
    rules: { ...(file.rules ?? {}), ...(settings.rules ?? {}) },
    include: union(file.include, settings.include),
    exclude: union(file.exclude, settings.exclude),
    allowedSchemes: union(file.allowedSchemes, settings.allowedSchemes),
    // The file's test paths replace the defaults; the setting's add to them.
    testPaths: settings.testPaths?.length ? union(file.testPaths ?? DEFAULT_TEST_PATHS, settings.testPaths) : file.testPaths,
    maxFileSizeBytes: settings.maxFileSizeBytes ?? file.maxFileSizeBytes,
    suppressions: file.suppressions ?? [],
  };
}

const SEVERITIES: readonly string[] = ['off', 'hint', 'information', 'warning', 'error'];

function validRules(value: Record<string, unknown> | undefined): Record<string, SeverityOrOff> {
  const rules: Record<string, SeverityOrOff> = {};
  for (const [id, severity] of Object.entries(value ?? {})) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity)) rules[id] = severity as SeverityOrOff;
  }
  return rules;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}
