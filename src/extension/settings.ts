import * as vscode from 'vscode';
import type { LintOptions, SeverityOrOff } from '../core';

// The `entraAuthLint.*` settings as the engine takes them. Laying them over `.entra-auth-lint.json` is the
// core's job (LintSession, layerOptions): settings win for severities and the size limit, lists are
// unions, suppressions come from the file alone so the CLI sees the same ones.

export const SECTION = 'entraAuthLint';

export interface ExtensionSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Milliseconds after the last keystroke before a document is checked (run: onType). */
  lintDelay: number;
  /** Options from the settings alone, laid over the folder's config file by the core. */
  options: LintOptions;
  /** `files.exclude` patterns that are on (the scan skips them as the Explorer does). */
  filesExclude: string[];
}

/** Whether the workspace is scanned at start-up (a window setting, read without a resource). */
export function scanOnStartup(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('scanOnStartup', true);
}

/** The settings for a folder (or for the documents outside every folder when `scope` is undefined). */
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
  const size = explicitSizeBytes(config);
  if (size !== undefined) options.maxFileSizeBytes = size;
  const filesExclude = vscode.workspace.getConfiguration('files', scope ?? null).get<Record<string, unknown>>('exclude', {});
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    lintDelay: Math.max(0, explicit<number>(config, 'lintDelay') ?? explicit<number>(config, 'debounceMs') ?? config.get<number>('lintDelay', 250)),
    options,
    filesExclude: Object.entries(filesExclude ?? {})
      .filter(([, on]) => on === true)
      .map(([glob]) => glob),
  };
}

/** A value the user set (folder, workspace or user), not the default. */
function explicit<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/**
 * The size limit in bytes when the user set one: `maxFileSizeKB`, else the older `maxFileSize` in bytes.
 * Only an explicit setting overrides the config file's maxFileSizeBytes.
 */
function explicitSizeBytes(config: vscode.WorkspaceConfiguration): number | undefined {
  const kb = explicit<number>(config, 'maxFileSizeKB');
  if (typeof kb === 'number' && kb > 0) return Math.round(kb * 1024);
  const bytes = explicit<number>(config, 'maxFileSize');
  return typeof bytes === 'number' && bytes > 0 ? bytes : undefined;
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
