import { slashDir, slashPath } from '../../io/paths';
import type { AppConfigInfo, AuthConfig, Located, ParsedFile, RedirectUri, SignInCode } from '../../model';
import { isPhoneLibrary, LIBRARIES } from '../../entra/libraries';
import type { WorkspaceIndex } from '../../engine/workspace';

// A JavaScript app as the workspace shows it: its Expo or Capacitor app config (the URL scheme and ids the
// sign-in code builds redirects from) and the code that decides how it signs in when a JSON config holds
// only values (an Electron main process). Shared by user-agent.ts and custom-scheme-redirect.

/** Placeholders the JS reader leaves in a redirect built from the app's own ids (formats/js-libraries.ts). */
const APP_SCHEME = '{expo.scheme}';
const APP_ID = '{appId}';
const APP_HASH = '{signature hash}';

/** Folders above a JSON config searched for the code that signs in with it (src/config/AAD.json → src/). */
const MAX_CODE_LEVELS_UP = 2;

/** The app config of the project a file belongs to: the nearest one whose folder holds the file. */
export function appConfigFor(path: string, workspace: WorkspaceIndex): { file: ParsedFile; app: AppConfigInfo } | undefined {
  const from = slashPath(path);
  let best: { file: ParsedFile; app: AppConfigInfo; depth: number } | undefined;
  for (const file of workspace.all()) {
    if (!file.app) continue;
    const folder = slashDir(file.path);
    if (!from.startsWith(`${folder}/`)) continue;
    if (!best || folder.length > best.depth) best = { file, app: file.app, depth: folder.length };
  }
  return best && { file: best.file, app: best.app };
}

export interface FilledRedirect {
  value: string;
  /** Where the app config names the filled-in part. */
  evidence?: { file: string; range: { start: number; end: number } };
}

/**
 * A redirect built from the app's own ids with those ids filled in from the app config: Expo's scheme
 * (`expo.scheme`, else the bundle id or package Expo falls back to), the package on Android and the
 * bundle id on iOS. Undefined when the redirect has no such parts or the workspace does not name them.
 */
export function fillAppParts(uri: RedirectUri, path: string, workspace: WorkspaceIndex): FilledRedirect | undefined {
  if (!uri.appParts) return undefined;
  const found = appConfigFor(path, workspace);
  if (!found) return undefined;
  const { app, file } = found;
  const id = uri.platform === 'ios' ? (app.bundleIdentifier ?? app.packageName) : (app.packageName ?? app.bundleIdentifier);
  const scheme: Located<string> | undefined = app.schemes[0] ?? id;
  let value = uri.value;
  let used: Located<string> | undefined;
  if (value.includes(APP_SCHEME) && scheme) {
    value = value.split(APP_SCHEME).join(scheme.value);
    used = scheme;
  }
  if (value.includes(APP_ID) && id) {
    value = value.split(APP_ID).join(id.value);
    used ??= id;
  }
  if (value.includes(APP_HASH) && app.signatureHash) value = value.split(APP_HASH).join(encodeURIComponent(app.signatureHash.value));
  if (value === uri.value) return undefined;
  return { value, evidence: used ? { file: file.path, range: used.range } : undefined };
}

/**
 * The code that signs in with the configs of a file that holds only values (a JSON config): a code file
 * that imports it, else sign-in code in its folder or a folder up to MAX_CODE_LEVELS_UP above it.
 */
export function signInCodeFor(path: string, workspace: WorkspaceIndex): { file: ParsedFile; signIn: SignInCode } | undefined {
  const target = slashPath(path);
  const coders = workspace.all().filter((f) => f.signIn && f.path !== path);
  if (!coders.length) return undefined;
  const importing = coders.find((f) => f.signIn!.configImports.some((module) => resolvesTo(f.path, module, target)));
  if (importing) return { file: importing, signIn: importing.signIn! };
  let folder = slashDir(target);
  for (let level = 0; level <= MAX_CODE_LEVELS_UP && folder; level++) {
    const here = folder;
    const near = coders.find((f) => slashDir(f.path) === here);
    if (near) return { file: near, signIn: near.signIn! };
    folder = slashDir(folder);
  }
  return undefined;
}

/** Source folders climbed out of to find a JS app's native projects (src/services/auth.ts → the root with android/). */
const JS_SOURCE_FOLDER = /^(src|app|lib|components|screens|services|hooks|auth|config|utils|providers|context|contexts)$/i;
const MAX_SOURCE_LEVELS_UP = 4;

/**
 * The MSAL wrapper configs of a cross-platform JS app (react-native-msal, the Capacitor and Cordova MSAL
 * plugins) whose project holds a native file (`<root>/android/…`, `<root>/ios/…`): the wrapper, not the
 * native library's defaults, decides how that platform signs in.
 */
export function wrapperConfigsFor(nativePath: string, workspace: WorkspaceIndex): { file: ParsedFile; config: AuthConfig }[] {
  const target = slashPath(nativePath);
  const found: { file: ParsedFile; config: AuthConfig }[] = [];
  for (const file of workspace.all()) {
    // One config for both platforms (a per-platform config, msal_flutter's, is the native library's own), signing in through MSAL's web UI or broker.
    const wrappers = file.configs.filter(
      (c) =>
        isPhoneLibrary(c.library) &&
        LIBRARIES[c.library].entraOnly &&
        c.platform !== 'android' &&
        c.platform !== 'ios' &&
        c.userAgent !== undefined &&
        c.userAgent.kind !== 'embedded',
    );
    if (!wrappers.length || file.android || file.ios) continue;
    let folder = slashDir(slashPath(file.path));
    for (let level = 0; level <= MAX_SOURCE_LEVELS_UP && folder; level++) {
      if (/^\/(android|ios)\//i.test(target.slice(folder.length)) && target.startsWith(`${folder}/`)) {
        for (const config of wrappers) found.push({ file, config });
        break;
      }
      if (!JS_SOURCE_FOLDER.test(folder.slice(folder.lastIndexOf('/') + 1))) break;
      folder = folder.slice(0, folder.lastIndexOf('/'));
    }
  }
  return found;
}

/** Whether a relative import (`./config/AAD.json`) in `from` names the file at `target`. */
function resolvesTo(from: string, module: string, target: string): boolean {
  if (!module.startsWith('.')) return false;
  const parts = slashDir(slashPath(from)).split('/');
  for (const segment of module.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/') === target;
}
