import type { Format } from './types';
import { aadManifestFormat, graphManifestFormat } from './app-manifest';
import { msalJsFormat } from './msal-js';
import { dotnetCodeFormat } from './dotnet-code';
import { terraformFormat } from './terraform';
import { bicepFormat } from './bicep';
import { androidConfigFormat } from './android-config';
import { androidManifestFormat } from './android-manifest';
import { appCreationScriptsFormat } from './app-creation-scripts';
import { dotnetAppSettingsFormat } from './dotnet-appsettings';
import { envFileFormat } from './env-file';
import { iosPlistFormat } from './ios-plist';
import { jsonConfigFormat } from './json-config';

/**
 * The only list of formats, most specific first: the first whose name matches (`yes`) or whose sniff
 * accepts the text wins, so generic readers (json-config) come last.
 */
export const FORMATS: Format[] = [
  // AppCreationScripts apps.json holds replyUrlsWithType too, so it goes before the manifest formats.
  appCreationScriptsFormat,
  aadManifestFormat,
  graphManifestFormat,
  androidConfigFormat,
  androidManifestFormat,
  iosPlistFormat,
  dotnetAppSettingsFormat,
  envFileFormat,
  msalJsFormat,
  dotnetCodeFormat,
  terraformFormat,
  bicepFormat,
  // Generic JSON reader: must stay last.
  jsonConfigFormat,
];

export type { Format };

/** The format of a file, or undefined when none reads it. `text` is needed only for `sniff` candidates. */
export function detectFormat(path: string, text: string): Format | undefined {
  for (const format of FORMATS) {
    const byName = format.byName(path);
    if (byName === 'yes') return format;
    if (byName === 'sniff' && format.sniff?.(text, path)) return format;
  }
  return undefined;
}

/** Whether a path may hold a format we read (decided from the name alone; discovery reads only these). */
export function isCandidatePath(path: string): boolean {
  return FORMATS.some((format) => format.byName(path) !== 'no');
}
