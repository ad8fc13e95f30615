import type { AuthConfig, Library, UserAgent } from '../model';
import { configAuthority } from './authority';
import { GUID, isPlaceholder } from './uri';

// What each sign-in library does by default: which user agent signs the user in and which identity
// providers it serves. Readers start from these defaults and apply what the file chooses; rules judge
// the result. Facts come from the libraries' sources (see ../shared/reference/mobile-and-native-auth.md).

export interface LibraryFacts {
  /** The user agent when the file chooses nothing. */
  userAgent: UserAgent;
  /** The library talks only to Microsoft authorities (MSAL): its configs are Entra's even without an authority. */
  entraOnly: boolean;
  /**
   * Where apps of the library run: `desktop` is Windows and Linux (and msal-node, Electron on any OS), where a
   * loopback listener can receive the redirect; `macos` an Apple app (ASWebAuthenticationSession, no loopback).
   */
  platforms: readonly LibraryPlatform[];
}

export type LibraryPlatform = 'ios' | 'android' | 'macos' | 'desktop' | 'web';

const PHONES: readonly LibraryPlatform[] = ['ios', 'android'];
const PHONES_AND_WEB: readonly LibraryPlatform[] = ['ios', 'android', 'web'];
const APPLE: readonly LibraryPlatform[] = ['ios', 'macos'];
const WEB: readonly LibraryPlatform[] = ['web'];
const DESKTOP: readonly LibraryPlatform[] = ['desktop'];

const SYSTEM_BROWSER = (description: string): UserAgent => ({ kind: 'system-browser', description });
const UNKNOWN: UserAgent = { kind: 'unknown', description: 'a user agent the file does not show' };

const MSAL_JS_BROWSER: LibraryFacts = { userAgent: { kind: 'unknown', description: 'the browser the app runs in' }, entraOnly: true, platforms: WEB };

export const LIBRARIES: Record<Library, LibraryFacts> = {
  'msal-browser': MSAL_JS_BROWSER,
  'msal-react': MSAL_JS_BROWSER,
  'msal-angular': MSAL_JS_BROWSER,
  'msal-js': { userAgent: UNKNOWN, entraOnly: true, platforms: WEB },
  // acquireTokenInteractive opens the system browser and listens on a loopback port.
  'msal-node': { userAgent: SYSTEM_BROWSER('the system browser (acquireTokenInteractive)'), entraOnly: true, platforms: DESKTOP },
  // Electron: how it signs in is in the main process's code (BrowserWindow, shell.openExternal,
  // acquireTokenInteractive); the JS reader sets it where the code shows it.
  electron: { userAgent: UNKNOWN, entraOnly: true, platforms: DESKTOP },
  'react-native': { userAgent: UNKNOWN, entraOnly: true, platforms: PHONES },
  // stashenergy/react-native-msal: Android RNMSALModule writes broker_redirect_uri_registered false unless
  // androidConfigOptions sets it (authorization_user_agent passes through); iOS RNMSAL.m leaves MSAL's
  // broker default (.auto) and takes the web view type per call.
  'react-native-msal': {
    userAgent: {
      kind: 'system-browser',
      description: "Custom Tabs on Android (react-native-msal turns MSAL's broker off unless told otherwise)",
      platforms: {
        ios: {
          kind: 'broker',
          fallback: 'system-browser',
          description: 'the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession (react-native-msal on iOS)',
        },
      },
    },
    entraOnly: true,
    platforms: PHONES_AND_WEB,
  },
  // FormidableLabs/react-native-app-auth authorize(): AppAuth, which supports no web view.
  'react-native-app-auth': {
    userAgent: SYSTEM_BROWSER('a system browser (react-native-app-auth: ASWebAuthenticationSession on iOS, Custom Tabs on Android)'),
    entraOnly: false,
    platforms: PHONES,
  },
  'react-native-azure-auth': { userAgent: SYSTEM_BROWSER('a system browser (Custom Tabs, ASWebAuthenticationSession)'), entraOnly: true, platforms: PHONES },
  // expo-auth-session 57: promptAsync() opens WebBrowser.openAuthSessionAsync (ASWebAuthenticationSession, Custom Tabs).
  'expo-auth-session': {
    userAgent: SYSTEM_BROWSER('a system browser (expo-web-browser: ASWebAuthenticationSession on iOS, Custom Tabs on Android)'),
    entraOnly: false,
    platforms: PHONES_AND_WEB,
  },
  'ionic-auth-connect': {
    userAgent: SYSTEM_BROWSER('a system browser (Auth Connect: SFSafariViewController or ASWebAuthenticationSession on iOS, Custom Tabs on Android)'),
    entraOnly: false,
    platforms: PHONES_AND_WEB,
  },
  // recognizegroup/capacitor-plugin-msauth: Android writes authorization_user_agent DEFAULT and
  // broker_redirect_uri_registered from brokerRedirectUriRegistered (default false); iOS keeps MSAL's broker default.
  'capacitor-msauth': {
    userAgent: {
      kind: 'system-browser',
      description: "Custom Tabs on Android (the Capacitor MSAL plugin turns MSAL's broker off unless told otherwise)",
      platforms: {
        ios: {
          kind: 'broker',
          fallback: 'system-browser',
          description: 'the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession (the Capacitor MSAL plugin on iOS)',
        },
      },
    },
    entraOnly: true,
    platforms: PHONES_AND_WEB,
  },
  // wrobins/cordova-plugin-msal: authorizationUserAgent DEFAULT and brokerRedirectUri false by default (iOS: brokerAvailability none).
  'cordova-msal': { userAgent: SYSTEM_BROWSER('a system browser (cordova-plugin-msal turns the broker off by default)'), entraOnly: true, platforms: PHONES },
  // msal_default_config.json: broker_redirect_uri_registered true, authorization_user_agent DEFAULT.
  'msal-android': {
    userAgent: {
      kind: 'broker',
      fallback: 'system-browser',
      description: 'the broker when Microsoft Authenticator or Company Portal is installed, otherwise Custom Tabs',
    },
    entraOnly: true,
    platforms: ['android'],
  },
  'appauth-android': { userAgent: SYSTEM_BROWSER('Custom Tabs (AppAuth supports no web view)'), entraOnly: false, platforms: ['android'] },
  // MSALGlobalConfig.brokerAvailability defaults to .auto; the web view to ASWebAuthenticationSession.
  'msal-ios': {
    userAgent: {
      kind: 'broker',
      fallback: 'system-browser',
      description: 'the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession',
    },
    entraOnly: true,
    platforms: APPLE,
  },
  'appauth-ios': { userAgent: SYSTEM_BROWSER('ASWebAuthenticationSession (AppAuth supports no web view)'), entraOnly: false, platforms: APPLE },
  // Mobile: the system browser unless WithUseEmbeddedWebView(true) or WithBroker(); desktop: loopback only.
  'msal-dotnet': {
    userAgent: SYSTEM_BROWSER('the system browser (MSAL.NET on Android and iOS without WithBroker or an embedded web view)'),
    entraOnly: true,
    platforms: ['ios', 'android', 'macos', 'desktop'],
  },
  // WebAuthenticator is implemented for Android, iOS and macOS (Mac Catalyst); not for Windows.
  'maui-webauthenticator': {
    userAgent: SYSTEM_BROWSER('a system browser (WebAuthenticator: Custom Tabs, ASWebAuthenticationSession)'),
    entraOnly: false,
    platforms: ['ios', 'android', 'macos'],
  },
  'ms-identity-web': { userAgent: { kind: 'unknown', description: 'the browser of a web app' }, entraOnly: true, platforms: WEB },
  // flutter_appauth wraps AppAuth: ExternalUserAgent.asWebAuthenticationSession (default),
  // ephemeralAsWebAuthenticationSession or sfSafariViewController on iOS/macOS, Custom Tabs on Android; no web view.
  'flutter-appauth': {
    userAgent: SYSTEM_BROWSER('a system browser (flutter_appauth: ASWebAuthenticationSession, Custom Tabs)'),
    entraOnly: false,
    platforms: ['ios', 'android', 'macos'],
  },
  // aad_oauth signs in inside a webview_flutter WebView on Android and iOS (msal-browser on the web);
  // its default redirect is https://login.live.com/oauth20_desktop.srf.
  'aad-oauth': { userAgent: { kind: 'embedded', description: 'an embedded web view (aad_oauth)' }, entraOnly: true, platforms: PHONES_AND_WEB },
  // msal_flutter wraps MSAL Android and MSAL iOS with their defaults (MSALAndroidConfig:
  // brokerRedirectUriRegistered true, AuthorizationAgent.DEFAULT; iOS brokerAvailability .auto).
  'msal-flutter': {
    userAgent: {
      kind: 'broker',
      fallback: 'system-browser',
      description: 'the broker when Microsoft Authenticator or Company Portal is installed, otherwise the system browser (msal_flutter)',
    },
    entraOnly: true,
    platforms: PHONES,
  },
  // msal_auth: Android reads the app's asset config over MSAL's defaults (broker_redirect_uri_registered
  // true, authorization_user_agent DEFAULT); iOS AppleConfig.broker defaults to Broker.msAuthenticator.
  'msal-auth-flutter': {
    userAgent: {
      kind: 'broker',
      fallback: 'system-browser',
      description: 'the broker when Microsoft Authenticator is installed, otherwise the system browser (msal_auth)',
    },
    entraOnly: true,
    platforms: ['ios', 'android', 'macos'],
  },
  // flutter_web_auth_2: ASWebAuthenticationSession on iOS/macOS, Custom Tabs (Auth Tab) on Android; a web
  // view only on Windows and Linux.
  'flutter-web-auth': {
    userAgent: SYSTEM_BROWSER('a system browser (flutter_web_auth_2: ASWebAuthenticationSession, Custom Tabs)'),
    entraOnly: false,
    platforms: ['ios', 'android', 'macos', 'desktop', 'web'],
  },
  // oauth2_client (Dart) signs in through flutter_web_auth_2; MicrosoftOauth2Client targets login.microsoftonline.com.
  'oauth2-client': {
    userAgent: SYSTEM_BROWSER('a system browser (oauth2_client through flutter_web_auth_2)'),
    entraOnly: false,
    platforms: ['ios', 'android', 'macos', 'desktop', 'web'],
  },
  // msal-python always redirects to http://localhost.
  'msal-python': { userAgent: SYSTEM_BROWSER('the system browser with a loopback redirect'), entraOnly: true, platforms: DESKTOP },
  unknown: { userAgent: UNKNOWN, entraOnly: false, platforms: [] },
};

/** Whether apps of the library may run on iOS (its configs sign in from the app's Info.plist). */
export function runsOnIos(library: Library): boolean {
  return LIBRARIES[library].platforms.includes('ios');
}

/** A library of phone apps (React Native, Expo, Flutter's AppAuth, MSAL for Android): no loopback listener receives the redirect. */
export function isPhoneLibrary(library: Library): boolean {
  const { platforms } = LIBRARIES[library];
  return (platforms.includes('ios') || platforms.includes('android')) && !platforms.includes('desktop');
}

/** The user agent a library uses when the file chooses nothing (a copy the reader may change). */
export function defaultUserAgent(library: Library): UserAgent {
  return { ...LIBRARIES[library].userAgent };
}

/** Which identity provider a config signs in with. `unknown`: neither the authority nor the library tells. */
export type IdentityProvider = 'entra' | 'b2c' | 'ciam' | 'adfs' | 'other' | 'unknown';

/**
 * The provider of a config: from its authority (issuer, discovery URL) when one is known, else Entra
 * for MSAL libraries, else unknown. An MSAL library talks only to Microsoft authorities, so an unknown
 * host there is a custom domain (B2C, External ID) or a test cloud, never another provider. Rules about
 * Entra leave `other` alone and judge `unknown`.
 */
export function identityProvider(config: AuthConfig): IdentityProvider {
  const entraOnly = LIBRARIES[config.library].entraOnly;
  const authority = configAuthority(config);
  const kind = authority?.info.kind;
  // MSAL's generic OIDC authority (WithOidcAuthority) can name another provider: its well-known hosts are never an Entra custom domain.
  if (kind === 'other' && isOtherProvider(authority!.info.host, authority!.located.value)) return 'other';
  if (kind && (kind !== 'other' || !entraOnly)) return kind;
  if (entraOnly) return 'entra';
  // Entra's client ids are GUIDs: a library that serves any provider, given a real-looking id of another
  // shape (Okta's `0oa…`, Google's `….apps.googleusercontent.com`), signs in elsewhere.
  return config.clientId && isForeignClientId(config.clientId.value) ? 'other' : 'unknown';
}

/** A client id written out that cannot be an Entra app id, and is no sample marker or test value either. */
function isForeignClientId(value: string): boolean {
  const id = value.trim();
  if (GUID.test(id) || isPlaceholder(id) || !/^[A-Za-z0-9._-]{8,200}$/.test(id)) return false;
  return !/client|your|enter|replace|xxx|example|sample|here|app_?id|test|dummy|fake|todo|change/i.test(id);
}

/**
 * Hosts of identity providers other than Entra (the issuers of their docs and demo servers): Google, Okta,
 * Auth0, Amazon Cognito, Duende IdentityServer, Keycloak (`/realms/`), and the social providers.
 */
const OTHER_PROVIDER_HOST =
  /(^|\.)(accounts\.google\.com|okta\.com|oktapreview\.com|okta-emea\.com|auth0\.com|amazoncognito\.com|amazonaws\.com|duendesoftware\.com|identityserver\.io|facebook\.com|github\.com|appleid\.apple\.com|login\.salesforce\.com|onelogin\.com)$/i;

function isOtherProvider(host: string, authority: string): boolean {
  return OTHER_PROVIDER_HOST.test(host.replace(/:\d+$/, '')) || /\/realms\/[^/]+/i.test(authority);
}

/** Whether rules about Entra judge a config: its provider is Entra (or B2C, CIAM, ADFS) or not known. */
export function mayBeEntra(config: AuthConfig): boolean {
  return identityProvider(config) !== 'other';
}
