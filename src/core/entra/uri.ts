// Small, total helpers over the values rules judge: redirect URI strings (a value that is not a URI at
// all, a placeholder or a relative path, gets `scheme: undefined`), client ids and sample placeholders.
// None of them throws, and every regex runs in linear time on hostile input.

export interface UriParts {
  scheme?: string;
  /** Host without brackets, lower-cased; undefined for URIs with no authority (`urn:`, `com.example:/x`). */
  host?: string;
  port?: string;
  /** Path as written (case kept). */
  path: string;
  query?: string;
  fragment?: string;
  hasAuthority: boolean;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function uriScheme(value: string): string | undefined {
  return SCHEME.exec(value.trim())?.[1].toLowerCase();
}

export function parseUri(value: string): UriParts {
  let rest = value.trim();
  const scheme = uriScheme(rest);
  if (scheme) rest = rest.slice(scheme.length + 1);
  let fragment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | undefined;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('//')) return { scheme, path: rest, query, fragment, hasAuthority: false };
  rest = rest.slice(2);
  const slash = rest.indexOf('/');
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash) : '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string;
  let port: string | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    host = hostPort.slice(1, close < 0 ? undefined : close);
    const after = close < 0 ? '' : hostPort.slice(close + 1);
    port = after.startsWith(':') ? after.slice(1) : undefined;
  } else {
    const colon = hostPort.lastIndexOf(':');
    host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
    port = colon >= 0 ? hostPort.slice(colon + 1) : undefined;
  }
  return { scheme, host: host.toLowerCase(), port, path, query, fragment, hasAuthority: true };
}

/** Schemes that never trigger the AADSTS50199 interrupt (Entra's documented safe list). */
export const SAFE_SCHEMES = ['http', 'https', 'chrome-extension'];

export function isLoopbackHost(host: string | undefined): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || (host !== undefined && /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** iOS/macOS broker redirect: `msauth.<bundle id>://auth`. */
export function isIosBrokerUri(value: string): boolean {
  return /^msauth\.[A-Za-z0-9.$()_{}<>-]+:\/\/auth\/?$/i.test(value.trim());
}

/** Android broker redirect: `msauth://<package>/<signature hash>`. */
export function isAndroidBrokerUri(value: string): boolean {
  return /^msauth:\/\/[A-Za-z0-9._${}-]+\/.+/i.test(value.trim());
}

/** Windows WAM broker redirect: `ms-appx-web://microsoft.aad.brokerplugin/<client id>`. */
export function isWamBrokerUri(value: string): boolean {
  return /^ms-appx-web:\/\/microsoft\.aad\.brokerplugin\//i.test(value.trim());
}

export const NATIVE_CLIENT_URI = 'https://login.microsoftonline.com/common/oauth2/nativeclient';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Sample markers found anywhere in a value. The runs are bounded: real markers are short, and an unbounded
// run would rescan the rest of a long hostile value from every `enter_the_` or `[replace` (quadratic time).
const ENTER_THE_MARKER = /enter_the_[a-z_]{1,80}_here/i;
const REPLACE_MARKER = /\[\s*replace[^\]]{0,200}\]/i;

/** Whole-value sample placeholders (`Enter_the_...`, `<...>`, `[Replace ...]`, `{OAUTH_REDIRECT_URL}`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    ENTER_THE_MARKER.test(v) ||
    /^<[^<>]+>$/.test(v) ||
    /^\[[^\]]*\]$/.test(v) ||
    REPLACE_MARKER.test(v) ||
    /^\{[A-Z0-9_]+\}$/.test(v) ||
    /^\$\{[^}]+\}$/.test(v)
  );
}

/**
 * Placeholder markers that stay recognisable inside a longer value (`msal[Enter_the_Application_Id_Here]://auth`),
 * and so also in a value read as partial because it holds one (config-util's templates). In `<…>` the run before
 * the first letter excludes letters, so a long `<aaaa…` cannot backtrack quadratically; words with spaces count
 * only as the whole value (`REDIRECT_URI=<your redirect uri>` in Azure-Samples/ms-identity-python-webapp
 * .env.sample.entra-id), where the lookahead is tried from one place.
 */
const EMBEDDED = [
  ENTER_THE_MARKER,
  /<[^<>\sa-z]*[a-z][^<>\s]*>/i,
  /^\s*<(?=[^<>]*[a-z])[^<>]*>\s*$/i,
  // A bracketed request anywhere: `msauth://UserDetailsClient.Droid/{Your package signature}`, `TODO <Your ClientID>`
  // (Azure-Samples/active-directory-xamarin-native-v2 2-With-broker App.cs, 3-With-Intune MAM PCAWrapper.cs).
  /[<{[]\s*(?:your|enter|insert|replace)(?![a-z])[^<>{}[\]\r\n]{0,200}[>}\]]/i,
  REPLACE_MARKER,
  /^msal\[[^\]]*\]:\/\//i,
  /^msal<[^>]*>:\/\//i,
];

/** A whole value written as a constant's name (`CLIENT_ID`, `YOUR_TENANT_ID`): never a real id, tenant or URI. */
const SHOUTED_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/**
 * A whole value that is the id setting's own name (`PublicClientApplication("client_id")` in
 * AzureAD/microsoft-authentication-library-for-python tests/test_e2e.py): a stand-in, never an id.
 */
const SETTING_NAME = /^(?:client|app|application)[_ -]?id$/i;

/**
 * A whole value of words that asks for the real one (`your-client-id-here` in AzureAD/microsoft-authentication-
 * library-for-js samples/msal-browser-samples/ChromiumExtensionSample/auth.js, `client_id_here`, `your_tenant_id`,
 * `client-id-from-app-registration` in microsoft/hack-together templates/dotnet-core-mvc-web-app-microsoft-graph
 * appsettings.json): it starts with "your", ends with "here" or says where the value comes from (the app
 * registration, the portal), and holds nothing but words.
 */
const SAMPLE_WORDS =
  /^(?:your[A-Za-z0-9]*(?:[_ -][A-Za-z0-9]+){0,6}|[A-Za-z0-9]+(?:[_ -][A-Za-z0-9]+){0,6}[_ -]here|[A-Za-z0-9]+(?:[_ -][A-Za-z0-9]+){0,4}[_ -]from[_ -](?:the[_ -])?(?:azure[_ -])?(?:app[_ -])?(?:registration|portal))$/i;

/** Whether a value is (or holds) a sample placeholder. Partial values are judged only by embedded markers. */
export function holdsPlaceholder(value: string, partial = false): boolean {
  const whole = value.trim();
  if (!partial && (isPlaceholder(value) || SHOUTED_NAME.test(whole) || SETTING_NAME.test(whole) || SAMPLE_WORDS.test(whole))) return true;
  return EMBEDDED.some((pattern) => pattern.test(value));
}
