import { insertPlistUrlScheme } from '../fixes/edits';
import { baseName, slashPath } from '../formats/types';
import type { ParsedFile } from '../model';
import { uriScheme } from '../uri';
import type { WorkspaceIndex } from '../workspace';
import type { Rule } from './types';

const BROKER_QUERIES = ['msauthv2', 'msauthv3'];
/** Folders above a config searched for the app's Info.plist when none is in the same module (React Native: src/ vs ios/). */
const MAX_LEVELS_UP = 3;
const SOURCE_FOLDER = /^(src|app|lib|config|configs|auth|utils|services)$/i;

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

/** The Info.plist files of the app a config belongs to: its module's, else those of the nearest ios/ project folder above it. */
export function plistsFor(path: string, workspace: WorkspaceIndex): ParsedFile[] {
  const inModule = workspace.sameModule(path, 'ios-plist').filter((f) => f.ios);
  if (inModule.length) return inModule;
  const plists = workspace.all().filter((f) => f.format === 'ios-plist' && f.ios);
  // Climb only out of source folders (src/, src/config/ …), so a sibling app's ios/ folder is never taken.
  let folder = slashPath(path).slice(0, slashPath(path).lastIndexOf('/'));
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
  return [];
}

export const iosUrlSchemeMissing: Rule = {
  meta: {
    id: 'ios-url-scheme-missing',
    codes: [],
    defaultSeverity: 'error',
    description: "An iOS redirect URI whose scheme is not in the app's Info.plist CFBundleURLSchemes, or a broker setup without msauthv2/msauthv3 in LSApplicationQueriesSchemes.",
    fixable: true,
    scope: 'workspace',
    docs: {
      impact:
        'Without the URL scheme, MSAL refuses to start an interactive sign-in (the redirect scheme is not registered) or the browser cannot return to the app after sign-in. Without msauthv2/msauthv3 in LSApplicationQueriesSchemes, the app cannot open Microsoft Authenticator, so MSAL falls back to the browser and the user may see the AADSTS50199 prompt.',
      why:
        'iOS hands a redirect such as msauth.<bundle id>://auth to the app only when the scheme is declared under CFBundleURLTypes/CFBundleURLSchemes in Info.plist. To ask whether the broker app is installed, iOS requires its schemes in LSApplicationQueriesSchemes.',
      howToFix:
        'Add the redirect scheme (for example msauth.$(PRODUCT_BUNDLE_IDENTIFIER)) to CFBundleURLSchemes; the fix inserts it after the last entry and is safe under --fix because it only declares what the app already uses. For the broker, add msauthv2 and msauthv3 to LSApplicationQueriesSchemes.',
      failing: ['<key>CFBundleURLSchemes</key>\n<array>\n  <string>contoso</string>\n</array>  (redirect msauth.com.contoso.app://auth)'],
      passing: ['<key>CFBundleURLSchemes</key>\n<array>\n  <string>msauth.$(PRODUCT_BUNDLE_IDENTIFIER)</string>\n</array>\n<key>LSApplicationQueriesSchemes</key>\n<array>\n  <string>msauthv2</string>\n  <string>msauthv3</string>\n</array>'],
      links: [
        { title: 'Configure MSAL for iOS and macOS', url: 'https://learn.microsoft.com/entra/msal/objc/install-and-configure-msal' },
        { title: 'Microsoft Enterprise SSO and the broker on Apple devices', url: 'https://learn.microsoft.com/entra/msal/objc/single-sign-on-macos-ios' },
      ],
    },
  },
  check({ file, workspace, report }) {
    if (file.ios) {
      const broker = file.ios.urlSchemes.find((s) => /^msauth\./i.test(s.value));
      const queries = file.ios.queriesSchemes.map((s) => s.value.toLowerCase());
      const missing = BROKER_QUERIES.filter((q) => !queries.includes(q));
      if (broker && missing.length) {
        report({
          range: broker.range,
          severity: 'warning',
          message: `The broker URL scheme '${broker.value}' is declared, but LSApplicationQueriesSchemes lacks ${missing.join(' and ')}: the app cannot open Microsoft Authenticator, so MSAL falls back to the browser (where a custom scheme shows the AADSTS50199 prompt). Add ${missing.join(' and ')}.`,
        });
      }
      return;
    }
    for (const config of file.configs) {
      for (const uri of config.redirectUris) {
        if (uri.role !== 'redirect' || uri.partial) continue;
        if (uri.platform !== 'ios' && config.platform !== 'ios') continue;
        const scheme = uriScheme(uri.value);
        if (!scheme || scheme === 'http' || scheme === 'https') continue;
        const plists = plistsFor(file.path, workspace);
        if (!plists.length) continue; // the app's Info.plist is not in view
        if (plists.some((p) => p.ios!.urlSchemes.some((s) => schemeCovers(s.value, scheme)))) continue;
        const written = /^([^:]+):/.exec(uri.value.trim())?.[1] ?? scheme;
        const target = plists.find((p) => p.ios!.urlSchemesInsertAt !== undefined);
        const edit = target ? insertPlistUrlScheme(target, target.ios!, written) : undefined;
        report({
          range: uri.range,
          message: `The redirect URI '${uri.value}' needs the URL scheme '${written}' in CFBundleURLSchemes of ${plists.map((p) => baseName(p.path)).join(', ')}; without it MSAL cannot complete the sign-in.`,
          related: plists.map((p) => ({ file: p.path, range: p.ios!.urlSchemes.at(-1)?.range ?? { start: 0, end: 0 }, message: 'URL schemes of the app' })),
          fixes: edit ? [{ title: `Add '${written}' to CFBundleURLSchemes`, unattended: true, edits: [edit] }] : [],
        });
      }
    }
  },
};
