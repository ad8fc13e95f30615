import type { AppConfigInfo, Located, ParsedFile } from '../model';
import { lowerBaseName } from '../io/paths';
import { emptyParsed, defineFormat, SLASH_COMMENTS } from './types';
import { jsAppTree, jsonAppTree, type AppNode } from './app-config-tree';

// Capacitor app config: `capacitor.config.json` and `capacitor.config.ts|js` (read, never run). `appId` is
// the iOS bundle id and the Android package the MSAL plugins build their redirects from
// (`msauth.<appId>://auth`, `msauth://<appId>/<hash>`); `server.iosScheme` / `androidScheme` / `hostname`
// give the origin the app's WebView serves (`capacitor://localhost` on iOS by default, a custom scheme).

const CONFIG_NAME = /^capacitor\.config\.(json|ts|js|mjs|cjs)$/;

/** Capacitor's defaults (@capacitor/cli CapacitorConfig): iOS `capacitor`, Android `https` (Capacitor 6+), host `localhost`. */
const DEFAULT_IOS_SCHEME = 'capacitor';
const DEFAULT_ANDROID_SCHEME = 'https';
const DEFAULT_HOST = 'localhost';

export const capacitorConfigFormat = defineFormat({
  id: 'capacitor-config',
  title: 'Capacitor app config',
  files: '`capacitor.config.json`, `capacitor.config.ts` / `.js`',
  reads: '`appId` (bundle id and package), `server.iosScheme`, `server.androidScheme`, `server.hostname`',
  globs: ['**/capacitor.config.{json,ts,js,mjs,cjs}'],
  comments: (path) => (lowerBaseName(path).endsWith('.json') ? undefined : SLASH_COMMENTS),
  literal: 'code',
  languageIds: ['json', 'javascript', 'typescript'],
  byName: (path) => (CONFIG_NAME.test(lowerBaseName(path)) ? 'yes' : 'no'),
  parse: (path, text) => readCapacitorConfig(path, text),
});

/** The config's keys capacitorApp reads (a big `plugins` block is not parsed). */
const READ_KEYS: ReadonlySet<string> = new Set(['appId', 'server']);

/** `slice: false` parses a big JS/TS config whole (for tests comparing both ways). */
export function readCapacitorConfig(path: string, text: string, options: { slice?: boolean } = {}): ParsedFile {
  const parsed = emptyParsed(path, 'capacitor-config', text);
  const root = lowerBaseName(path).endsWith('.json') ? jsonAppTree(text, parsed) : jsAppTree(path, text, parsed, READ_KEYS, options);
  if (root) parsed.app = capacitorApp(root);
  return parsed;
}

function capacitorApp(root: AppNode): AppConfigInfo {
  const app: AppConfigInfo = { framework: 'capacitor', schemes: [], plugins: [] };
  const appId = first(root.get('appId'));
  if (appId) {
    app.bundleIdentifier = appId;
    app.packageName = appId;
  }
  const server = root.get('server');
  const host = first(server?.get('hostname'))?.value ?? DEFAULT_HOST;
  const origin = (key: string, fallback: string): Located<string> | undefined => {
    const scheme = first(server?.get(key));
    if (!scheme && (server?.open || root.open)) return undefined; // it may be set where the reader cannot see
    return { value: `${scheme?.value ?? fallback}://${host}`, range: scheme?.range ?? appId?.range ?? { start: 0, end: 0 } };
  };
  const ios = origin('iosScheme', DEFAULT_IOS_SCHEME);
  const android = origin('androidScheme', DEFAULT_ANDROID_SCHEME);
  app.webViewOrigins = { ...(ios ? { ios } : {}), ...(android ? { android } : {}) };
  if (root.open || server?.open) app.partial = true;
  return app;
}

function first(node: AppNode | undefined): Located<string> | undefined {
  return node?.strings()[0];
}
