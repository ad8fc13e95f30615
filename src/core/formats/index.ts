import type { CommentSyntax, Format, UntitledName } from './types';
import { aadManifestFormat, graphManifestFormat } from './app-manifest';
import { msalJsFormat } from './msal-js';
import { expoConfigFormat } from './expo-config';
import { capacitorConfigFormat } from './capacitor-config';
import { dotnetCodeFormat } from './dotnet-code';
import { terraformFormat } from './terraform';
import { bicepFormat } from './bicep';
import { androidConfigFormat } from './android-config';
import { androidManifestFormat } from './android-manifest';
import { androidCodeFormat } from './android-code';
import { androidValuesFormat } from './android-values';
import { gradleFormat } from './gradle';
import { appCreationScriptsFormat } from './app-creation-scripts';
import { dotnetAppSettingsFormat } from './dotnet-appsettings';
import { envFileFormat } from './env-file';
import { iosPlistFormat } from './ios-plist';
import { jsonConfigFormat } from './json-config';
import { swiftFormat } from './swift';
import { objcFormat } from './objc';
import { dartFormat } from './dart';
import { shellFormat } from './shell';
import { powershellFormat } from './powershell';
import { ciYamlFormat } from './ci-yaml';
import { pythonFormat } from './python';

/**
 * The only list of formats, most specific first: the first whose name matches (`yes`) or whose sniff
 * accepts the text wins, so generic readers (json-config) come last. Adding a format is its file plus
 * one line here; everything else (FormatId, suppression comments, fix escaping, untitled documents,
 * activation events, the README table) is read from the records.
 */
export const FORMATS = [
  // AppCreationScripts apps.json holds replyUrlsWithType too, so it goes before the manifest formats.
  appCreationScriptsFormat,
  aadManifestFormat,
  graphManifestFormat,
  androidConfigFormat,
  androidManifestFormat,
  androidValuesFormat,
  gradleFormat,
  iosPlistFormat,
  dotnetAppSettingsFormat,
  envFileFormat,
  // app.json with an `expo` object, app.config.* and capacitor.config.* before the JS and JSON readers.
  expoConfigFormat,
  capacitorConfigFormat,
  msalJsFormat,
  dotnetCodeFormat,
  androidCodeFormat,
  terraformFormat,
  bicepFormat,
  swiftFormat,
  objcFormat,
  dartFormat,
  powershellFormat,
  shellFormat,
  ciYamlFormat,
  pythonFormat,
  // Generic JSON reader: must stay last.
  jsonConfigFormat,
] as const;

export type FormatId = (typeof FORMATS)[number]['id'];

export type { Format };

/** The registry typed as plain records, for code that does not care which literal id a format has. */
const ALL: readonly Format[] = FORMATS;
const BY_ID = new Map<string, Format>(ALL.map((format) => [format.id, format]));

export function formatById(id: FormatId): Format {
  return BY_ID.get(id)!;
}

/** The format of a file, or undefined when none reads it. `text` is needed only for `sniff` candidates. */
export function detectFormat(path: string, text: string): Format | undefined {
  for (const format of FORMATS) {
    const byName = format.byName(path);
    if (byName === 'yes') return format as Format;
    if (byName === 'sniff' && format.sniff?.(text, path)) return format as Format;
  }
  return undefined;
}

/** The format a file's name alone claims (`yes`), else the first that would sniff it; for files not read. */
export function formatByName(path: string): Format | undefined {
  const named = FORMATS.find((format) => format.byName(path) === 'yes') ?? FORMATS.find((format) => format.byName(path) === 'sniff');
  return named as Format | undefined;
}

/** Whether a path may hold a format we read (decided from the name alone; discovery reads only these). */
export function isCandidatePath(path: string): boolean {
  return FORMATS.some((format) => format.byName(path) !== 'no');
}

/** The comment syntax of a file of a format at `path`; undefined when the file cannot hold comments. */
export function commentSyntaxFor(id: FormatId, path: string): CommentSyntax | undefined {
  const { comments } = formatById(id);
  return typeof comments === 'function' ? comments(path) : comments;
}

/** Formats whose files read an app fact that files of `id` provide (they are checked again when one changes). */
export function formatsReadingFactsOf(id: FormatId): FormatId[] {
  const provided = formatById(id).facts?.provides ?? [];
  if (!provided.length) return [];
  return ALL.filter((format) => format.facts?.reads?.some((fact) => provided.includes(fact))).map((f) => f.id);
}

/**
 * The names an untitled document of a language may be linted as, in the order to try them: names
 * without a hint first (their formats judge the content), then the hinted ones of each format.
 */
export function untitledNamesFor(languageId: string): UntitledName[] {
  const names = ALL.flatMap((format) => format.untitled ?? []).filter((u) => u.languageId === languageId);
  return [...names.filter((u) => !u.hint), ...names.filter((u) => u.hint)];
}

/** Every VS Code language id a format reads (activation events). */
export function formatLanguageIds(): string[] {
  return [...new Set(ALL.flatMap((format) => format.languageIds))];
}

/** Globs whose presence marks a workspace that signs in with Entra (activation events, the start-up scan). */
export function workspaceMarkers(): string[] {
  return [...new Set(ALL.flatMap((format) => format.markers ?? []))];
}
