import { identityProvider, isPhoneLibrary, LIBRARIES, type LibraryPlatform } from '../entra/libraries';
import type { Platform } from '../model';
import { isAndroidBrokerUri, isIosBrokerUri, isWamBrokerUri, SAFE_SCHEMES, uriScheme } from '../entra/uri';
import { isRedirectSent, receiverProvider, userAgentOf, type ResolvedUserAgent } from './shared/user-agent';
import { fillAppParts } from './shared/js-app';
import { safeRedirect } from './shared/safe-redirect';
import { fullValueNote, quote } from './shared/message';
import { redirectsOf, type WorkspaceRule } from './types';

const CODE = 'AADSTS50199';
const PROMPT = 'AADSTS50199 "Are you trying to sign in to …?"';

/** The scheme of a redirect, including templated ones (`msal{AppId}://auth`, `msal${id}://auth`). */
function redirectScheme(value: string): string | undefined {
  const standard = uriScheme(value);
  if (standard) return standard;
  const templated = /^([^:/?#\s"'`][^:/?#"'`]*):\/\//.exec(value.trim());
  return templated ? templated[1].toLowerCase() : undefined;
}

/** The redirect Entra recommends instead, for the platform the URI belongs to. */
function safeRedirectFor(platform: Platform): string {
  switch (platform) {
    case 'ios':
      return 'msauth.<bundle id>://auth with the broker (Microsoft Authenticator) or an embedded web view';
    case 'android':
      return 'msauth://<package>/<signature hash> with "broker_redirect_uri_registered": true';
    case 'browserExtension':
      return 'https://<extension id>.chromiumapp.org/';
    case 'web':
    case 'spa':
      return 'an https:// URI (http://localhost for local development)';
    default:
      return 'http://localhost (loopback) for desktop, Electron and CLI apps';
  }
}

export const customSchemeRedirect: WorkspaceRule = {
  meta: {
    id: 'custom-scheme-redirect',
    codes: [CODE],
    defaultSeverity: 'warning',
    description: 'Custom-scheme redirect URI used through a system browser shows the AADSTS50199 "Are you trying to sign in to …?" prompt.',
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'After signing in, the user sees an extra "Are you trying to sign in to <app>?" page (AADSTS50199, CmsiInterrupt) and must press Continue; silent token requests fail with interaction_required. In some embedded browsers the Continue button loops.',
      why: 'Any app on a device can claim a custom URL scheme, so Entra asks the user to confirm the app before sending an authorization code to one through the system browser (a spoofing defence). Only http://, https:// and chrome-extension:// (desktop Chrome only) are exempt. Broker redirect URIs avoid the system browser only when the broker or an embedded web view is really used.',
      howToFix:
        'Desktop, Electron and CLI apps: use the loopback redirect http://localhost (any port). iOS/macOS: register msauth.<bundle id>://auth and use the broker. Android: register msauth://<package>/<hash> and set broker_redirect_uri_registered to true. Browser extensions: use https://<extension id>.chromiumapp.org/. If the prompt is acceptable, add the scheme to allowedSchemes.',
      links: [
        { title: 'AADSTS error codes (50199)', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
        { title: 'Redirect URI restrictions', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' },
      ],
    },
  },
  check({ file, workspace, options, report }) {
    for (const { uri, owner } of redirectsOf(file)) {
      if (uri.role === 'postLogout') continue;
      const scheme = redirectScheme(uri.value);
      // chrome-extension is safe in desktop Chrome only, so it still gets an information finding below.
      if (!scheme || (SAFE_SCHEMES.includes(scheme) && scheme !== 'chrome-extension')) continue;
      if (scheme === 'urn' || options.allowedSchemes.includes(scheme)) continue; // urn: is urn-redirect's finding
      if (isWamBrokerUri(uri.value)) continue; // only the Windows broker (WAM) ever uses it
      const provider = owner.kind === 'config' ? identityProvider(owner) : 'entra';
      if (!isRedirectSent(uri, file, workspace, owner)) continue; // a URL scheme the app's code does not send, or an AppAuth receiver judged elsewhere
      if (scheme === 'chrome-extension') {
        report({
          range: uri.range,
          severity: 'information',
          message: `Redirect ${quote(uri.value)} avoids the AADSTS50199 prompt only in desktop Chrome; use https://<extension id>.chromiumapp.org/.`,
          detail: `In Edge and other browsers the user sees "Are you trying to sign in to …?".${fullValueNote(uri.value)}`,
        });
        continue;
      }
      const agent = userAgentOf(owner, file, workspace, uri);
      if (agent.loopbackOnly) continue; // the library sends only its own http://localhost redirect
      const related = agent.evidence ? [{ ...agent.evidence, message: `The app signs in through ${agent.description}.` }] : [];
      // A redirect built from the app's own scheme or id (Expo, the MSAL plugins), named by the app config.
      const filled = fillAppParts(uri, file.path, workspace);
      if (filled?.evidence) related.push({ ...filled.evidence, message: 'The app config names this part of the redirect.' });
      const shown = filled?.value ?? uri.value;
      // A library that serves any provider (AppAuth) never hands a redirect to the broker: msauth:// is a custom scheme there.
      const canBroker = owner.kind === 'registration' || LIBRARIES[owner.library].entraOnly;
      const brokerUri = canBroker && (isIosBrokerUri(uri.value) || isAndroidBrokerUri(uri.value));
      if (agent.kind === 'broker' && !agent.fallback) continue; // a broker that signs in for any redirect (WAM)
      // MSAL hands only a broker redirect to the mobile broker; any other redirect goes to the fallback web UI.
      const webUi = agent.kind === 'broker' ? agent.fallback : agent.kind;
      if (webUi === 'embedded') continue; // an embedded web view gets the code without the prompt
      if (brokerUri) {
        report({
          range: uri.range,
          severity: 'information',
          related,
          message:
            agent.kind === 'broker'
              ? `Broker redirect ${quote(shown)} shows the AADSTS50199 prompt when no broker app is installed.`
              : `Broker redirect ${quote(shown)} shows the AADSTS50199 prompt without the broker; enable the broker.`,
          detail:
            agent.kind === 'broker'
              ? `It signs in through ${agent.description}, where Entra shows the ${PROMPT} prompt.${fullValueNote(shown)}`
              : `It goes through ${describe(agent)}, which shows the ${PROMPT} prompt; enable the broker or an embedded web view.${fullValueNote(shown)}`,
        });
        continue;
      }
      const where = uri.implied ? ` The URI is implied by the URL scheme '${uri.raw || uri.value}'.` : '';
      const notBrokered = agent.kind === 'broker' && agent.range ? ` The broker is on, but MSAL uses it only with a broker redirect.` : '';
      // An Info.plist names no authority: the app's code that sends its scheme says B2C or External ID.
      const sender = owner.kind === 'config' && !owner.authority ? (receiverProvider(file, workspace) ?? provider) : provider;
      const unconfirmed = sender === 'b2c' || sender === 'ciam';
      const safe = safeRedirect(owner, uri, file, workspace);
      // A redirect of a cross-platform library that serves iOS and Android alike (its platform is not one of them):
      // the advice follows where the library's apps run, not the desktop default.
      const platforms: readonly LibraryPlatform[] =
        owner.kind === 'config' && uri.platform !== 'ios' && uri.platform !== 'android' ? LIBRARIES[owner.library].platforms : [];
      const phone = platforms.includes('ios') || platforms.includes('android');
      const mobile = owner.kind === 'config' && phone && (isPhoneLibrary(owner.library) || !canBroker);
      report({
        range: uri.range,
        severity: unconfirmed ? 'information' : undefined,
        related,
        message: `Custom scheme ${quote(shown)} shows the AADSTS50199 prompt in a system browser; use ${safe.value ?? (mobile ? MOBILE_SAFE_REDIRECT : shortSafeRedirect(uri.platform, canBroker))}.`,
        detail:
          `After sign-in Entra asks "Are you trying to sign in to …?" (CmsiInterrupt), because any app can claim a custom scheme; the app signs in through ${describe(agent)}.` +
          where +
          notBrokered +
          (unconfirmed ? ` Not confirmed for ${sender === 'b2c' ? 'Azure AD B2C' : 'External ID'} authorities.` : '') +
          ` Use ${!canBroker ? APP_LINK + (mobile && platforms.includes('desktop') ? DESKTOP_LOOPBACK : '') : mobile ? MOBILE_SAFE_REDIRECT_DETAIL : safeRedirectFor(uri.platform)}.${fullValueNote(shown)}`,
        fixes: safe.fixes,
      });
    }
  },
};

const MOBILE_SAFE_REDIRECT = 'an https App Link or Universal Link';
const MOBILE_SAFE_REDIRECT_DETAIL =
  'an https:// redirect the app receives as an Android App Link and an iOS Universal Link, or MSAL with the broker (react-native-msal and its msauth redirects)';

/** A library that never uses the broker (AppAuth and other provider-neutral ones) can only avoid the prompt with https. */
const APP_LINK = 'an https:// redirect the app claims (Android App Link, iOS Universal Link); this library never uses the broker';
/** flutter_web_auth_2 and oauth2_client also build Windows and Linux apps, where a loopback listener receives the redirect. */
const DESKTOP_LOOPBACK = ' (on Windows and Linux, http://localhost)';

/** The safe redirect in a few words for the first sentence, when the workspace does not show the concrete one. */
function shortSafeRedirect(platform: Platform, canBroker: boolean): string {
  if (!canBroker && platform === 'android') return 'an https App Link';
  if (!canBroker && platform === 'ios') return 'an https Universal Link';
  switch (platform) {
    case 'ios':
      return 'msauth.<bundle id>://auth';
    case 'android':
      return 'msauth://<package>/<hash>';
    case 'browserExtension':
      return 'https://<extension id>.chromiumapp.org/';
    case 'web':
    case 'spa':
      return 'an https:// URI';
    default:
      return 'http://localhost';
  }
}

/** The web UI a redirect reaches, in words: the library's own when known, else "the system browser". */
function describe(agent: ResolvedUserAgent): string {
  if (agent.kind === 'system-browser') return agent.description;
  if (agent.kind === 'broker') return agent.fallback === 'embedded' ? 'an embedded web view' : 'the system browser';
  return 'a system browser';
}
