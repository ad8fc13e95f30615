import { slashDir, slashPath } from '../../io/paths';
import type { AuthConfig, Library, ParsedFile, RedirectUri } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { isBrokerScheme, isLegacyMsalScheme } from '../../entra/apple';
import { runsOnIos } from '../../entra/libraries';

// An iOS/macOS app as the workspace shows it: the Info.plist files that declare the URL schemes it
// receives, and the configs (Swift, Objective-C, C#, JavaScript …) that sign in from it. The plist is a
// receiver: which of its schemes is really sent to Entra, and through which user agent, is decided by the
// app's code. Shared by custom-scheme-redirect (through user-agent.ts), ios-url-scheme-missing and the
// custom-scheme quick fix.

/** Folders above a config searched for the app's Info.plist when none is in the same module (React Native: src/ vs ios/). */
const MAX_LEVELS_UP = 3;
const SOURCE_FOLDER = /^(src|app|lib|config|configs|auth|utils|services)$/i;
/** Folders above a source file searched for an Info.plist beside them (Xcode: Sources/Auth/X.swift and Info.plist at the target's root). */
const MAX_TARGET_LEVELS_UP = 4;

/**
 * Whether a CFBundleURLSchemes entry (possibly `msauth.$(PRODUCT_BUNDLE_IDENTIFIER)`) covers a scheme: each
 * build variable stands for one or more characters. Matched by a left-to-right scan rather than a built
 * regex, whose backtracking over many variables would grow with the power of their number.
 */
export function schemeCovers(entry: string, scheme: string): boolean {
  const pieces = entry.toLowerCase().split(/\$\([^)]*\)|\$\{[^}]*\}/);
  const target = scheme.toLowerCase();
  if (pieces.length === 1) return target === pieces[0];
  if (!target.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (const piece of pieces.slice(1, -1)) {
    // The leftmost place after at least one character is always the best choice for a literal piece.
    const found = target.indexOf(piece, at + 1);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const last = pieces[pieces.length - 1];
  return target.length - last.length >= at + 1 && target.endsWith(last);
}

/**
 * The Info.plist files of the app a file belongs to: its module's; else those of the nearest ios/ project
 * folder above a source folder (React Native, Flutter, Capacitor); else those of the .NET project's iOS
 * platform (MAUI Platforms/iOS/, a Xamarin X.iOS/ head); else the nearest folder above the file that holds an
 * Info.plist itself (an Xcode target whose sources sit in subfolders).
 */
export function plistsFor(path: string, workspace: WorkspaceIndex): ParsedFile[] {
  const inModule = workspace.sameModule(path, (f) => f.ios !== undefined && f.path !== path);
  if (inModule.length) return inModule;
  const plists = workspace.all().filter((f) => f.ios && f.path !== path);
  if (!plists.length) return [];
  // Climb only out of source folders (src/, src/config/ …), so a sibling app's ios/ folder is never taken.
  let folder = slashDir(path);
  for (let level = 0; level <= MAX_LEVELS_UP && folder; level++) {
    const base = folder;
    // An iOS project folder of this one (React Native, Flutter, Capacitor: ios/; MAUI: Platforms/iOS/).
    const under = plists.filter((f) => {
      const p = slashPath(f.path);
      return p.startsWith(`${base}/`) && /^\/(ios|platforms\/ios)\//i.test(p.slice(base.length));
    });
    if (under.length) return under;
    if (!SOURCE_FOLDER.test(folder.slice(folder.lastIndexOf('/') + 1))) break;
    folder = folder.slice(0, folder.lastIndexOf('/'));
  }
  // A .NET app: the MAUI project a file sits in (X/MSALClient/… and X/Platforms/iOS/), or the iOS head beside a
  // Xamarin shared project (X/… and X.iOS/), as in Azure-Samples/active-directory-xamarin-native-v2.
  folder = slashDir(path);
  for (let level = 0; level <= MAX_LEVELS_UP && folder.includes('/'); level++) {
    const head = `${folder}.ios/`.toLowerCase();
    const maui = `${folder}/platforms/ios/`.toLowerCase();
    const heads = plists.filter((f) => {
      const p = slashPath(f.path).toLowerCase();
      return p.startsWith(head) || p.startsWith(maui);
    });
    if (heads.length) return heads;
    folder = folder.slice(0, folder.lastIndexOf('/'));
  }
  folder = slashDir(path);
  for (let level = 0; level <= MAX_TARGET_LEVELS_UP && folder; level++) {
    const beside = plists.filter((f) => slashDir(f.path) === folder);
    if (beside.length) return beside;
    folder = folder.slice(0, Math.max(0, folder.lastIndexOf('/')));
  }
  return [];
}

/** Platforms of redirects never sent from iOS. */
const NOT_IOS = new Set(['web', 'spa', 'android', 'browserExtension']);

/** A config of the app and the file it is in. */
export interface AppConfig {
  file: ParsedFile;
  config: AuthConfig;
}

/** The configs that sign in from the app an Info.plist belongs to: those in files whose app plists include it. */
export function appConfigsOf(plist: ParsedFile, workspace: WorkspaceIndex): AppConfig[] {
  const result: AppConfig[] = [];
  for (const file of workspace.all()) {
    if (file === plist || file.ios || !file.configs.some(mayRunOnIos)) continue;
    if (!plistsFor(file.path, workspace).includes(plist)) continue;
    for (const config of file.configs) if (mayRunOnIos(config)) result.push({ file, config });
  }
  return result;
}

/** An iOS config, one with an iOS redirect, or one of a mobile library that is not for another platform alone. */
function mayRunOnIos(config: AuthConfig): boolean {
  if (config.platform === 'ios' || config.redirectUris.some((u) => u.platform === 'ios')) return true;
  return runsOnIos(config.library) && !NOT_IOS.has(config.platform);
}

/** The redirects a config sends on iOS: its own iOS ones, or those that apply to every platform it runs on. */
function iosRedirects(config: AuthConfig): RedirectUri[] {
  return config.redirectUris.filter((u) => u.role === 'redirect' && !NOT_IOS.has(u.platform));
}

/** How an app config chooses its iOS redirect: written in the code, only partly known, or the library's default. */
export function redirectChoice(config: AuthConfig): 'explicit' | 'unknown' | 'default' {
  const redirects = iosRedirects(config);
  if (!redirects.length) return 'default';
  return redirects.every((u) => u.partial) ? 'unknown' : 'explicit';
}

/** Libraries that sign in with MSAL for iOS/macOS itself (the wrappers pass no redirect unless the app gives one). */
const MSAL_APPLE: ReadonlySet<Library> = new Set<Library>([
  'msal-ios',
  'react-native-msal',
  'capacitor-msauth',
  'cordova-msal',
  'msal-flutter',
  'msal-auth-flutter',
]);

/**
 * Whether a library's default redirect, for an app whose plist declares `schemes`, is `<scheme>://auth`.
 * MSAL for iOS/macOS takes msauth.<bundle id>://auth when that scheme is declared, else msal<client id>://auth
 * (MSIDRedirectUriVerifier); MSAL.NET's default on iOS is msal<client id>://auth, and its broker takes
 * msauth.<bundle id>://auth. Other libraries (AppAuth,
 * Expo …) have no default redirect.
 */
export function isDefaultRedirectScheme(config: AuthConfig, scheme: string, schemes: string[]): boolean {
  const clientId = config.clientId?.value.trim().toLowerCase();
  const ownLegacy = isLegacyMsalScheme(scheme) && (!clientId || !/^msal[0-9a-f-]+$/i.test(scheme) || scheme.toLowerCase() === `msal${clientId}`);
  // MSAL.NET with WithBroker() needs msauth.<bundle id>://auth (its reader may not see the value passed).
  if (config.library === 'msal-dotnet') return ownLegacy || (config.userAgent?.kind === 'broker' && isBrokerScheme(scheme));
  if (!MSAL_APPLE.has(config.library)) return false;
  if (schemes.some(isBrokerScheme)) return isBrokerScheme(scheme);
  return ownLegacy;
}
