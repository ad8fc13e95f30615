import { insertPlistUrlScheme } from '../fixes/edits';
import { baseName } from '../io/paths';
import { uriScheme } from '../entra/uri';
import { appConfigsOf, plistsFor, schemeCovers } from './shared/ios-app';
import { defaultUserAgent } from '../entra/libraries';
import type { AuthConfig, Library } from '../model';
import { entraConfigs, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const BROKER_QUERIES = ['msauthv2', 'msauthv3'];

/** MSAL wrappers that keep MSAL for iOS's broker default (.auto) unless the app's code says otherwise. */
const IOS_BROKER_BY_DEFAULT: ReadonlySet<Library> = new Set<Library>([
  'msal-ios',
  'react-native-msal',
  'capacitor-msauth',
  'cordova-msal',
  'msal-flutter',
  'msal-auth-flutter',
]);

/** Libraries whose redirect reaches the app only through a CFBundleURLSchemes entry (MSAL checks it at start). */
const needsDeclaredScheme = (config: AuthConfig): boolean => config.library !== 'appauth-ios';

function mayUseBroker(config: AuthConfig): boolean {
  const kind = (config.userAgent ?? defaultUserAgent(config.library)).kind;
  return kind === 'broker' || kind === 'unknown' || (!config.userAgent?.range && IOS_BROKER_BY_DEFAULT.has(config.library));
}

export const iosUrlSchemeMissing: WorkspaceRule = {
  meta: {
    id: 'ios-url-scheme-missing',
    codes: [],
    defaultSeverity: 'error',
    description:
      "An iOS redirect URI whose scheme is not in the app's Info.plist CFBundleURLSchemes, or a broker setup without msauthv2/msauthv3 in LSApplicationQueriesSchemes.",
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'Without the URL scheme, MSAL refuses to start an interactive sign-in (the redirect scheme is not registered) or the browser cannot return to the app after sign-in. Without msauthv2/msauthv3 in LSApplicationQueriesSchemes, the app cannot open Microsoft Authenticator, so MSAL falls back to the browser and the user may see the AADSTS50199 prompt.',
      why: 'iOS hands a redirect such as msauth.<bundle id>://auth to the app only when the scheme is declared under CFBundleURLTypes/CFBundleURLSchemes in Info.plist. To ask whether the broker app is installed, iOS requires its schemes in LSApplicationQueriesSchemes.',
      howToFix:
        'Add the redirect scheme (for example msauth.$(PRODUCT_BUNDLE_IDENTIFIER)) to CFBundleURLSchemes; the fix inserts it after the last entry and is safe under --fix because it only declares what the app already uses. For the broker, add msauthv2 and msauthv3 to LSApplicationQueriesSchemes.',
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
      // MSAL asks for msauthv2/msauthv3 only when the broker may be used: an app whose code turns it off
      // (MSALGlobalConfig.brokerAvailability = .none) or signs in with AppAuth does not need them.
      const app = appConfigsOf(file, workspace);
      if (broker && missing.length && (!app.length || app.some(({ config }) => mayUseBroker(config)))) {
        report({
          range: broker.range,
          severity: 'warning',
          message: `LSApplicationQueriesSchemes lacks ${missing.join(' and ')} for the broker scheme ${quote(broker.value)}; add ${missing.length > 1 ? 'them' : 'it'}.`,
          detail: `Without ${missing.join(' and ')} the app cannot open Microsoft Authenticator, so MSAL falls back to the browser, where a custom scheme shows the AADSTS50199 prompt.${fullValueNote(broker.value)}`,
        });
      }
      return;
    }
    for (const config of entraConfigs(file)) {
      // AppAuth hands its scheme to ASWebAuthenticationSession, which receives the redirect without a declared scheme.
      if (!needsDeclaredScheme(config)) continue;
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
          message: `Redirect URI ${quote(uri.value)} needs the URL scheme ${quote(written)} in CFBundleURLSchemes; add it.`,
          detail: `Without it in ${plists.map((p) => baseName(p.path)).join(', ')}, MSAL cannot complete the sign-in: iOS does not hand the redirect back to the app.${fullValueNote(uri.value)}`,
          related: plists.map((p) => ({ file: p.path, range: p.ios!.urlSchemes.at(-1)?.range ?? { start: 0, end: 0 }, message: 'URL schemes of the app.' })),
          fixes: edit ? [{ title: `Add '${written}' to CFBundleURLSchemes`, unattended: true, edits: [edit] }] : [],
        });
      }
    }
  },
};
