import type * as t from '@babel/types';
import type { Library, Located, Platform, Range, RedirectUri, UserAgent } from '../model';
import { defaultUserAgent } from '../entra/libraries';
import { calleePath, objectProperty, rangeOf, unwrap, type CallValue, type JsValues } from './js-ast';
import type { StringExprPart, ValueExpr } from '../values';

// What the JS/TS sign-in libraries do with the values the code passes them: which call takes the config,
// where the authority (issuer, discovery URL, endpoint) sits, which user agent signs the user in, and the
// redirect a library builds itself. Facts from the libraries' sources (see entra/libraries.ts).

/** The placeholder of the app's own URL scheme in a redirect Expo builds from the app config. */
export const APP_SCHEME = '{expo.scheme}';
/** The placeholder of the app's package / bundle id in a redirect an MSAL plugin builds. */
export const APP_ID = '{appId}';
/** The placeholder of the Android signature hash (URL-encoded) in such a redirect. */
export const APP_HASH = '{signature hash}';

/** The library a module import names, most specific first. */
const MODULE_LIBRARIES: { test: (module: string) => boolean; library: Library }[] = [
  { test: (m) => m === 'react-native-msal', library: 'react-native-msal' },
  { test: (m) => m === 'react-native-app-auth', library: 'react-native-app-auth' },
  { test: (m) => m === 'react-native-azure-auth', library: 'react-native-azure-auth' },
  { test: (m) => m === 'expo-auth-session' || m.startsWith('expo-auth-session/'), library: 'expo-auth-session' },
  { test: (m) => m === '@ionic-enterprise/auth', library: 'ionic-auth-connect' },
  { test: (m) => m === '@recognizebv/capacitor-plugin-msauth', library: 'capacitor-msauth' },
  { test: (m) => m === 'cordova-plugin-msal', library: 'cordova-msal' },
];

export interface FileLibrary {
  library: Library;
  platform: Platform;
}

/** The sign-in library and app type a file shows through its imports and the classes it names. */
export function fileLibrary(modules: ReadonlySet<string>, identifiers: ReadonlySet<string>, calls: readonly CallSite[]): FileLibrary {
  for (const { test, library } of MODULE_LIBRARIES) if ([...modules].some(test)) return { library, platform: 'publicClient' };
  if (calls.some((c) => c.name === 'msalInit')) return { library: 'cordova-msal', platform: 'publicClient' };
  if (modules.has('react-native')) return { library: 'react-native', platform: 'publicClient' };
  if (modules.has('electron')) return { library: 'electron', platform: 'publicClient' };
  if (modules.has('@azure/msal-angular')) return { library: 'msal-angular', platform: 'spa' };
  if (modules.has('@azure/msal-react')) return { library: 'msal-react', platform: 'spa' };
  if (modules.has('@azure/msal-browser')) return { library: 'msal-browser', platform: 'spa' };
  if (modules.has('@azure/msal-node')) {
    const confidential = identifiers.has('ConfidentialClientApplication') && !identifiers.has('PublicClientApplication');
    return { library: 'msal-node', platform: confidential ? 'web' : 'publicClient' };
  }
  return { library: 'msal-js', platform: 'unknown' };
}

/** A call or `new` in the file, by the last name of its callee (`AuthSession.makeRedirectUri` → makeRedirectUri). */
export interface CallSite {
  node: t.CallExpression | t.NewExpression | t.OptionalCallExpression;
  name: string;
  path: string[];
}

export function callSite(node: t.Node): CallSite | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression' && node.type !== 'OptionalCallExpression') return undefined;
  const path = calleePath(node);
  return path ? { node, name: path[path.length - 1], path } : undefined;
}

/**
 * Calls whose result is a known value: expo-auth-session's `makeRedirectUri({ native, scheme, path })`.
 * In standalone and bare builds on a phone it returns `native` when given; otherwise `<scheme>://<path>`
 * with the given scheme, or the app config's scheme (`{expo.scheme}` here, filled in by the rules from
 * app.json). Expo Go's `exp://…` is a custom scheme too, so the value judged is the one of the app's builds.
 */
export function libraryCallValues(modules: ReadonlySet<string>, values: () => JsValues): CallValue | undefined {
  if (![...modules].some((m) => m === 'expo-auth-session' || m.startsWith('expo-auth-session/'))) return undefined;
  return (call, convert, range, display) => {
    const path = calleePath(call);
    if (path?.[path.length - 1] !== 'makeRedirectUri') return undefined;
    const options = call.arguments[0] ? values().resolveNode(call.arguments[0]) : undefined;
    const option = (key: string) => (options?.type === 'ObjectExpression' ? objectProperty(options, key)?.value : undefined);
    const native = option('native');
    if (native) return { ...convert(native), display };
    // The removed auth.expo.io proxy sent an https redirect (expo-auth-session before 5.0).
    if (option('useProxy')) return undefined;
    const scheme = option('scheme');
    const pathValue = option('path');
    const tripleSlashed = option('isTripleSlashed');
    const parts: StringExprPart[] = [scheme ? { hole: convert(scheme) } : { text: APP_SCHEME }];
    parts.push({ text: tripleSlashed?.type === 'BooleanLiteral' && tripleSlashed.value ? ':///' : '://' });
    if (pathValue) parts.push({ hole: convert(pathValue) });
    return { kind: 'string', parts, range, display };
  };
}

/** Keys whose values name the provider: the authority, issuer, discovery document or authorize endpoint. */
export const AUTHORITY_KEYS = new Set(['authority', 'issuer', 'discoveryUrl', 'authorityUrl', 'authorizationEndpoint', 'authorization_endpoint']);

/**
 * A config as a library call shows it, to complete the object the generic reader turns into a config (or
 * to be a config of its own when the call's object names no client id or redirect).
 */
export interface CallConfig {
  /** The object literal holding the config's keys, when the code has one. */
  node?: t.ObjectExpression;
  library: Library;
  userAgent?: UserAgent;
  authority?: Located<string>;
  /** Redirects the library builds itself because the code names none (`msauth://<package>/<hash>`). */
  implied?: RedirectUri[];
  /** Anchor of a config made from the call alone. */
  range: Range;
  /** Objects of the call that are its options, not configs of their own (cordova's `authorities` entries). */
  consumed?: t.Node;
}

export interface ShapeContext {
  values: JsValues;
  calls: readonly CallSite[];
  /** Object literals with an authorization endpoint or an issuer, and discovery calls (expo). */
  library: Library;
}

/** The configs the recognised library calls of a file describe. */
export function callConfigs(context: ShapeContext): CallConfig[] {
  const configs: CallConfig[] = [];
  for (const call of context.calls) {
    const shape = SHAPES[call.name]?.(call, context);
    if (shape) configs.push(shape);
  }
  return configs;
}

type Shape = (call: CallSite, context: ShapeContext) => CallConfig | undefined;

const SHAPES: Record<string, Shape> = {
  authorize: appAuthConfig,
  prefetchConfiguration: appAuthConfig,
  logout: appAuthConfig,
  useAuthRequest: expoConfig,
  useIdTokenAuthRequest: expoConfig,
  loadAsync: expoConfig,
  AuthRequest: expoConfig,
  PublicClientApplication: reactNativeMsalConfig,
  login: capacitorMsalConfig,
  msalInit: cordovaMsalConfig,
  setup: ionicAuthConnectSetup,
};

/** The object literal an argument is, or names through the file's consts. */
function objectArgument(node: t.Node | undefined, values: JsValues): t.ObjectExpression | undefined {
  if (!node) return undefined;
  const resolved = values.resolveNode(node);
  return resolved.type === 'ObjectExpression' ? resolved : undefined;
}

function property(node: t.ObjectExpression | undefined, key: string, values: JsValues): t.Node | undefined {
  const found = node && objectProperty(node, key)?.value;
  return found ? values.resolveNode(found) : undefined;
}

/** The known, non-empty string a node holds (an empty authority means the library's default). */
function knownString(node: t.Node | undefined, values: JsValues): Located<string> | undefined {
  const known = node && values.known(node);
  return known && known.value.trim() !== '' ? { value: known.value, range: known.range } : undefined;
}

function literalValue(node: t.Node | undefined): string | boolean | number | undefined {
  if (!node) return undefined;
  const bare = unwrap(node);
  if (bare.type === 'StringLiteral' || bare.type === 'BooleanLiteral' || bare.type === 'NumericLiteral') return bare.value;
  // Enum members (`Ios_MSALWebviewType.WK_WEB_VIEW`): the member's name.
  if (bare.type === 'MemberExpression' && !bare.computed && bare.property.type === 'Identifier') return bare.property.name;
  return undefined;
}

// react-native-app-auth ---------------------------------------------------------------------------------

/**
 * `authorize({ issuer | serviceConfiguration: { authorizationEndpoint }, clientId, redirectUrl, … })`:
 * AppAuth always signs in through a system browser (ASWebAuthenticationSession, or the browser app
 * `iosCustomBrowser` names, on iOS; Custom Tabs on Android).
 */
function appAuthConfig(call: CallSite, { values, library }: ShapeContext): CallConfig | undefined {
  if (library !== 'react-native-app-auth' || call.node.type === 'NewExpression') return undefined;
  const node = objectArgument(call.node.arguments[0], values);
  if (!node) return undefined;
  const ephemeral = literalValue(property(node, 'iosPrefersEphemeralSession', values)) === true;
  const customBrowser = literalValue(property(node, 'iosCustomBrowser', values));
  const ios =
    typeof customBrowser === 'string' ? `the ${customBrowser} app` : ephemeral ? 'an ephemeral ASWebAuthenticationSession' : 'ASWebAuthenticationSession';
  const userAgent: UserAgent = {
    kind: 'system-browser',
    description: `a system browser (react-native-app-auth: ${ios} on iOS, Custom Tabs on Android)`,
    ...(ephemeral || customBrowser !== undefined ? { range: rangeOf(node) } : {}),
  };
  return { node, library, userAgent, authority: appAuthAuthority(node, values), range: rangeOf(node) };
}

/** The issuer, or the authorization endpoint of `serviceConfiguration`. */
function appAuthAuthority(node: t.ObjectExpression, values: JsValues): Located<string> | undefined {
  const issuer = knownString(property(node, 'issuer', values), values);
  if (issuer) return issuer;
  const service = property(node, 'serviceConfiguration', values);
  return service?.type === 'ObjectExpression' ? knownString(property(service, 'authorizationEndpoint', values), values) : undefined;
}

// expo-auth-session -------------------------------------------------------------------------------------

const EXPO_PROVIDERS: Record<string, string> = {
  google: 'https://accounts.google.com',
  facebook: 'https://www.facebook.com',
};

/**
 * `useAuthRequest({ clientId, redirectUri, … }, discovery)`, `new AuthRequest(config)`,
 * `loadAsync(config, issuerOrDiscovery)`: the discovery is `useAutoDiscovery(issuer)`, a
 * `{ authorizationEndpoint, tokenEndpoint }` object or an issuer URL; `Google.useAuthRequest(…)` signs in
 * with Google. `promptAsync` opens expo-web-browser's auth session: always a system browser.
 */
function expoConfig(call: CallSite, { values, library }: ShapeContext): CallConfig | undefined {
  if (library !== 'expo-auth-session') return undefined;
  const node = objectArgument(call.node.arguments[0], values);
  const provider = call.path.length > 1 ? EXPO_PROVIDERS[call.path[call.path.length - 2].toLowerCase()] : undefined;
  const authority = provider ? { value: provider, range: rangeOf(call.node) } : discoveryAuthority(call.node.arguments[1], values);
  if (!node) return undefined;
  return { node, library, authority, range: rangeOf(node) };
}

/** The issuer or authorization endpoint a discovery argument names. */
export function discoveryAuthority(node: t.Node | undefined, values: JsValues, depth = 0): Located<string> | undefined {
  if (!node || depth > 4) return undefined;
  let resolved = values.resolveNode(node);
  if (resolved.type === 'AwaitExpression') resolved = values.resolveNode(resolved.argument);
  if (resolved.type === 'ObjectExpression') {
    return knownString(property(resolved, 'authorizationEndpoint', values), values) ?? knownString(property(resolved, 'issuer', values), values);
  }
  const site = callSite(resolved);
  if (site && /^(useAutoDiscovery|fetchDiscoveryAsync|resolveDiscoveryAsync)$/.test(site.name)) {
    return discoveryAuthority(site.node.arguments[0], values, depth + 1);
  }
  return knownString(resolved, values);
}

// react-native-msal --------------------------------------------------------------------------------------

const RN_MSAL_IOS: UserAgent = {
  kind: 'broker',
  fallback: 'system-browser',
  description: 'the broker when Microsoft Authenticator is installed, otherwise ASWebAuthenticationSession (react-native-msal on iOS)',
};

/**
 * `new PublicClientApplication({ auth: { clientId, authority, redirectUri }, androidConfigOptions })`:
 * on Android the wrapper writes `broker_redirect_uri_registered: false` unless androidConfigOptions sets
 * it, so MSAL signs in through Custom Tabs (`authorization_user_agent` may choose WEBVIEW); on iOS MSAL's
 * defaults hold (the broker when Authenticator is installed). Without a redirectUri the wrapper uses
 * `msauth://<package>/<hash>` on Android and `msauth.<bundle id>://auth` on iOS.
 */
function reactNativeMsalConfig(call: CallSite, { values, library }: ShapeContext): CallConfig | undefined {
  if (library !== 'react-native-msal' || call.node.type !== 'NewExpression') return undefined;
  const config = objectArgument(call.node.arguments[0], values);
  const auth = property(config, 'auth', values);
  if (!config || auth?.type !== 'ObjectExpression') return undefined;
  const options = property(config, 'androidConfigOptions', values);
  const android = androidMsalAgent(
    literalValue(property(options?.type === 'ObjectExpression' ? options : undefined, 'broker_redirect_uri_registered', values)),
    literalValue(property(options?.type === 'ObjectExpression' ? options : undefined, 'authorization_user_agent', values)),
    'react-native-msal',
    options ? rangeOf(options) : undefined,
  );
  const userAgent: UserAgent = { ...android, platforms: { ios: RN_MSAL_IOS, android } };
  // A spread (`...restOfAuthConfig`) may hold the redirect: the wrapper's default is only known without one.
  const spread = auth.properties.some((p) => p.type === 'SpreadElement');
  const implied = objectProperty(auth, 'redirectUri') || spread ? [] : msalPluginRedirects(calleeRange(call), APP_HASH);
  return { node: auth, library, userAgent, implied, range: rangeOf(auth) };
}

/** MSAL Android as a wrapper configures it: the broker only when the app says so; the web UI from authorization_user_agent. */
function androidMsalAgent(broker: unknown, agent: unknown, wrapper: string, range: Range | undefined): UserAgent {
  const webView = agent === 'WEBVIEW';
  const web = webView ? 'an embedded web view' : agent === 'BROWSER' ? 'the browser' : 'Custom Tabs';
  const chosen = range && (broker !== undefined || agent !== undefined) ? { range } : {};
  if (broker === true) {
    return {
      kind: 'broker',
      fallback: webView ? 'embedded' : 'system-browser',
      description: `the broker when Microsoft Authenticator or Company Portal is installed, otherwise ${web}`,
      ...chosen,
    };
  }
  if (webView) return { kind: 'embedded', description: `an embedded web view (${wrapper}: authorization_user_agent WEBVIEW)`, ...chosen };
  return { kind: 'system-browser', description: `${web} on Android (${wrapper} turns MSAL's broker off unless told otherwise)`, ...chosen };
}

/** The redirects MSAL's Android and iOS libraries use when a plugin passes none. */
function msalPluginRedirects(range: Range, hash: string): RedirectUri[] {
  const implied = (value: string, platform: Platform): RedirectUri => ({
    value,
    range,
    platform,
    role: 'redirect',
    implied: true,
    partial: true,
    appParts: true,
  });
  return [implied(`msauth://${APP_ID}/${hash}`, 'android'), implied(`msauth.${APP_ID}://auth`, 'ios')];
}

// Capacitor and Cordova MSAL plugins ---------------------------------------------------------------------

/**
 * @recognizebv/capacitor-plugin-msauth `MsAuthPlugin.login({ clientId, tenant, authorityUrl, keyHash,
 * brokerRedirectUriRegistered })`: Android gets `msauth://<package>/<keyHash>` with
 * authorization_user_agent DEFAULT (Custom Tabs) and the broker off by default; iOS `msauth.<bundle>://auth`
 * with MSAL's default broker. The authority is authorityUrl, else login.microsoftonline.com/<tenant|common>.
 */
function capacitorMsalConfig(call: CallSite, { values, library }: ShapeContext): CallConfig | undefined {
  if (library !== 'capacitor-msauth' || call.path[0] !== 'MsAuthPlugin') return undefined;
  const node = objectArgument(call.node.arguments[0], values);
  if (!node) return undefined;
  const authorityUrl = knownString(property(node, 'authorityUrl', values), values);
  const tenant = knownString(property(node, 'tenant', values), values);
  const authority = authorityUrl ?? (tenant ? { value: `https://login.microsoftonline.com/${tenant.value}`, range: tenant.range } : undefined);
  const brokerNode = property(node, 'brokerRedirectUriRegistered', values);
  const android = androidMsalAgent(literalValue(brokerNode), 'DEFAULT', 'the Capacitor MSAL plugin', brokerNode ? rangeOf(brokerNode) : undefined);
  const userAgent: UserAgent = {
    ...android,
    platforms: { ios: { ...RN_MSAL_IOS, description: RN_MSAL_IOS.description.replace('react-native-msal', 'the Capacitor MSAL plugin') }, android },
  };
  const keyHash = knownString(property(node, 'keyHash', values), values);
  const implied = call.name === 'login' ? msalPluginRedirects(calleeRange(call), keyHash ? encodeURIComponent(keyHash.value) : APP_HASH) : [];
  return { node, library, userAgent, authority: authority ?? defaultAuthority(call), implied, range: rangeOf(node) };
}

/**
 * cordova-plugin-msal `msalInit(ok, err, { authorities, authorizationUserAgent, brokerRedirectUri })`: the
 * client id and key hash are plugin variables; Android signs in through authorizationUserAgent (DEFAULT:
 * Custom Tabs) with the broker off unless brokerRedirectUri is true; iOS sets brokerAvailability none then.
 */
function cordovaMsalConfig(call: CallSite, { values }: ShapeContext): CallConfig | undefined {
  if (call.node.type === 'NewExpression') return undefined;
  const node = objectArgument(call.node.arguments[2], values);
  if (!node) return undefined;
  const brokerNode = property(node, 'brokerRedirectUri', values);
  const agentNode = property(node, 'authorizationUserAgent', values);
  const broker = literalValue(brokerNode);
  const android = androidMsalAgent(broker, literalValue(agentNode) ?? 'DEFAULT', 'cordova-plugin-msal', rangeOf(node));
  const ios: UserAgent =
    broker === true
      ? { ...RN_MSAL_IOS, description: RN_MSAL_IOS.description.replace('react-native-msal', 'cordova-plugin-msal') }
      : {
          kind: 'system-browser',
          description: 'ASWebAuthenticationSession on iOS (cordova-plugin-msal turns the broker off unless brokerRedirectUri is true)',
        };
  const authorities = property(node, 'authorities', values);
  const first = authorities?.type === 'ArrayExpression' && authorities.elements[0] ? values.resolveNode(authorities.elements[0]) : undefined;
  const authority = first?.type === 'ObjectExpression' ? knownString(property(first, 'authorityUrl', values), values) : undefined;
  return {
    library: 'cordova-msal',
    userAgent: { ...android, platforms: { ios, android } },
    authority: authority ?? defaultAuthority(call),
    implied: msalPluginRedirects(calleeRange(call), APP_HASH),
    range: rangeOf(call.node),
    consumed: node,
  };
}

/** Where a call's implied redirects are reported: its callee (`MsAuthPlugin.login`, `new PublicClientApplication`). */
function calleeRange(call: CallSite): Range {
  const node = call.node;
  return { start: node.start ?? 0, end: node.callee.end ?? node.end ?? 0 };
}

/** MSAL's default authority, for plugins that sign in with it when the code names none. */
function defaultAuthority(call: CallSite): Located<string> {
  return { value: 'https://login.microsoftonline.com/common', range: rangeOf(call.node) };
}

// Ionic Auth Connect --------------------------------------------------------------------------------------

/**
 * Auth Connect 5+ `AuthConnect.setup({ platform, ios: { webView: 'private' | 'shared' | 'safari' } })`:
 * SFSafariViewController, ASWebAuthenticationSession or Safari; Custom Tabs on Android. All system
 * browsers. It holds no client id: it sets the user agent of the file's provider options.
 */
function ionicAuthConnectSetup(call: CallSite, { values, library }: ShapeContext): CallConfig | undefined {
  if (library !== 'ionic-auth-connect' || call.path[0] !== 'AuthConnect') return undefined;
  const node = objectArgument(call.node.arguments[0], values);
  const ios = property(property(node, 'ios', values) as t.ObjectExpression | undefined, 'webView', values);
  const webView = literalValue(ios);
  if (webView === undefined) return undefined;
  const where = webView === 'shared' ? 'ASWebAuthenticationSession' : webView === 'safari' ? 'Safari' : 'SFSafariViewController';
  return {
    library,
    userAgent: { kind: 'system-browser', description: `a system browser (Auth Connect: ${where} on iOS, Custom Tabs on Android)`, range: rangeOf(ios!) },
    range: rangeOf(call.node),
  };
}

// Electron ------------------------------------------------------------------------------------------------

/**
 * How an Electron main process signs in, when the file shows it: the authorize URL loaded into a
 * BrowserWindow (or its navigation intercepted with will-redirect / will-navigate / onBeforeRequest) is an
 * embedded web view; `shell.openExternal` of an authorize URL is the system browser, which hands a custom
 * scheme back through `setAsDefaultProtocolClient`; msal-node's `acquireTokenInteractive` opens the system
 * browser and sends only its loopback redirect.
 */
export function electronUserAgent(calls: readonly CallSite[], strings: ReadonlySet<string>): UserAgent | undefined {
  const named = (name: string) => calls.find((c) => c.name === name);
  const authUrl = named('getAuthCodeUrl');
  const intercepted = calls.some((c) => c.name === 'on' && (strings.has('will-redirect') || strings.has('will-navigate'))) || named('onBeforeRequest');
  const loadURL = named('loadURL');
  if (authUrl && (loadURL || intercepted)) {
    return { kind: 'embedded', description: 'an embedded BrowserWindow (Electron)', range: rangeOf((loadURL ?? authUrl).node) };
  }
  const interactive = named('acquireTokenInteractive');
  if (interactive) {
    return {
      kind: 'system-browser',
      description: "the system browser with msal-node's loopback redirect (acquireTokenInteractive)",
      loopbackOnly: true,
      range: rangeOf(interactive.node),
    };
  }
  const external = named('openExternal');
  if (authUrl && external) return { kind: 'system-browser', description: 'the system browser (shell.openExternal)', range: rangeOf(external.node) };
  return undefined;
}

/** The user agent of a file's configs when no call says more: the library's default. */
export function libraryUserAgent(library: Library): UserAgent | undefined {
  return library === 'msal-js' || library === 'unknown' ? undefined : defaultUserAgent(library);
}

export type { ValueExpr };
