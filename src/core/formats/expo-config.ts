import type { AppConfigInfo, Located, ParsedFile } from '../model';
import { lowerBaseName } from '../io/paths';
import { emptyParsed, defineFormat, SLASH_COMMENTS } from './types';
import { jsAppTree, jsonAppTree, type AppNode } from './app-config-tree';

// Expo app config: `app.json` (its `expo` object) and `app.config.js|ts` (read, never run). It names the
// URL scheme expo-auth-session's `makeRedirectUri()` builds a redirect from when the code passes none
// (`expo.scheme`, a string or a list; `ios.scheme` / `android.scheme`; else the bundle id or package), the
// app's ids, and the config plugins (react-native-msal's `androidPackageSignatureHash`). It holds no sign-in
// config itself: rules read it through the redirects the app's code builds (rules/shared/js-app.ts).

const JS_CONFIG = /^app\.config\.(js|cjs|mjs|ts|cts|mts)$/;

export const expoConfigFormat = defineFormat({
  id: 'expo-config',
  title: 'Expo app config',
  files: '`app.json` with an `expo` object, `app.config.js` / `app.config.ts`',
  reads: '`scheme`, `ios.bundleIdentifier`, `ios.scheme`, `android.package`, `android.scheme`, `plugins` (react-native-msal `androidPackageSignatureHash`)',
  globs: ['**/app.json', '**/app.config.{js,cjs,mjs,ts,cts,mts}'],
  comments: (path) => (JS_CONFIG.test(lowerBaseName(path)) ? SLASH_COMMENTS : undefined),
  literal: 'code',
  languageIds: ['json', 'javascript', 'typescript'],
  byName(path) {
    const name = lowerBaseName(path);
    if (JS_CONFIG.test(name)) return 'yes';
    return name === 'app.json' ? 'sniff' : 'no';
  },
  sniff: (text) => /"expo"\s*:\s*\{/.test(text),
  parse: (path, text) => readExpoConfig(path, text),
});

/** The keys expoApp reads from the exported object: `expo`, or the expo object's own when it is that. */
const READ_KEYS: ReadonlySet<string> = new Set(['expo', 'scheme', 'ios', 'android', 'plugins']);

/** `slice: false` parses a big JS/TS config whole (for tests comparing both ways). */
export function readExpoConfig(path: string, text: string, options: { slice?: boolean } = {}): ParsedFile {
  const parsed = emptyParsed(path, 'expo-config', text);
  const json = !JS_CONFIG.test(lowerBaseName(path));
  const root = json ? jsonAppTree(text, parsed) : jsAppTree(path, text, parsed, READ_KEYS, options);
  if (!root) return parsed;
  // app.json nests everything under `expo`; app.config.* may return the expo object itself.
  const expo = root.get('expo') ?? (json ? undefined : root);
  if (!expo) return parsed;
  parsed.app = expoApp(expo);
  return parsed;
}

function expoApp(expo: AppNode): AppConfigInfo {
  const ios = expo.get('ios');
  const android = expo.get('android');
  const app: AppConfigInfo = {
    framework: 'expo',
    // Expo's resolveScheme takes the first of `scheme`, then the platform's own.
    schemes: [...(expo.get('scheme')?.strings() ?? []), ...(ios?.get('scheme')?.strings() ?? []), ...(android?.get('scheme')?.strings() ?? [])],
    plugins: [],
  };
  const bundle = first(ios?.get('bundleIdentifier'));
  if (bundle) app.bundleIdentifier = bundle;
  const pkg = first(android?.get('package'));
  if (pkg) app.packageName = pkg;
  for (const entry of expo.get('plugins')?.items() ?? []) {
    // A plugin is `"name"` or `["name", { options }]`.
    const [nameNode, options] = entry.items().length ? entry.items() : [entry, undefined];
    const name = first(nameNode);
    if (!name) continue;
    app.plugins.push(name);
    const hash = name.value === 'react-native-msal' ? first(options?.get('androidPackageSignatureHash')) : undefined;
    if (hash) app.signatureHash = hash;
  }
  if (expo.open || ios?.open || android?.open) app.partial = true;
  return app;
}

function first(node: AppNode | undefined): Located<string> | undefined {
  return node?.strings()[0];
}
