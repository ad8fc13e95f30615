import type { AppRegistration, AuthConfig, ParsedFile, Platform, RedirectUri } from '../model';
import { isAndroidBrokerUri, isIosBrokerUri, isWamBrokerUri, SAFE_SCHEMES, uriScheme } from '../uri';
import type { WorkspaceIndex } from '../workspace';
import { safeRedirectFix } from './safe-redirect';
import { redirectsOf, type Rule } from './types';

const CODE = 'AADSTS50199';
const PROMPT = '"Are you trying to sign in to …?" (AADSTS50199 CmsiInterrupt)';

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

/** Whether the file (or an Android config of the same module) shows the broker or an embedded web view in use. */
function avoidsSystemBrowser(owner: AuthConfig | AppRegistration, file: ParsedFile, workspace: WorkspaceIndex): string | undefined {
  if (owner.kind === 'config') {
    if (owner.broker?.value) return 'the broker is enabled';
    if (owner.embeddedWebView?.value) return 'an embedded web view is used';
  }
  if (file.format === 'android-manifest') {
    for (const config of workspace.sameModule(file.path, 'android-config').flatMap((f) => f.configs)) {
      if (config.broker?.value) return "the module's MSAL config enables the broker";
      if (config.embeddedWebView?.value) return "the module's MSAL config uses an embedded web view";
    }
  }
  return undefined;
}

export const customSchemeRedirect: Rule = {
  meta: {
    id: 'custom-scheme-redirect',
    codes: [CODE],
    defaultSeverity: 'warning',
    description: 'Custom-scheme redirect URI used through a system browser shows the AADSTS50199 "Are you trying to sign in to …?" prompt.',
    fixable: true,
    scope: 'file',
    docs: {
      impact:
        'After signing in, the user sees an extra "Are you trying to sign in to <app>?" page (AADSTS50199, CmsiInterrupt) and must press Continue; silent token requests fail with interaction_required. In some embedded browsers the Continue button loops.',
      why: 'Any app on a device can claim a custom URL scheme, so Entra asks the user to confirm the app before sending an authorization code to one through the system browser (a spoofing defence). Only http://, https:// and chrome-extension:// (desktop Chrome only) are exempt. Broker redirect URIs avoid the system browser only when the broker or an embedded web view is really used.',
      howToFix:
        'Desktop, Electron and CLI apps: use the loopback redirect http://localhost (any port). iOS/macOS: register msauth.<bundle id>://auth and use the broker. Android: register msauth://<package>/<hash> and set broker_redirect_uri_registered to true. Browser extensions: use https://<extension id>.chromiumapp.org/. If the prompt is acceptable, add the scheme to allowedSchemes.',
      failing: ['{ "redirect_uri": "myapp://auth" }', 'PublicClientApplicationBuilder.Create(id).WithRedirectUri($"msal{ClientId}://auth")'],
      passing: ['{ "redirectUri": "http://localhost" }', '{ "redirect_uri": "msauth://com.contoso.app/abc%3D", "broker_redirect_uri_registered": true }'],
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
      if (scheme === 'chrome-extension') {
        report({ range: uri.range, severity: 'information', message: chromeExtensionMessage(uri) });
        continue;
      }
      const avoided = avoidsSystemBrowser(owner, file, workspace);
      if (isIosBrokerUri(uri.value) || isAndroidBrokerUri(uri.value)) {
        report({
          range: uri.range,
          severity: avoided ? 'hint' : 'information',
          message: avoided
            ? `Broker redirect URI '${uri.value}': ${avoided}, so the system browser and the ${PROMPT} prompt are avoided.`
            : `Broker redirect URI '${uri.value}' avoids the ${PROMPT} prompt only when the broker or an embedded web view is used; through the system browser the user sees the prompt. Enable the broker for this app.`,
        });
        continue;
      }
      if (avoided) {
        report({
          range: uri.range,
          severity: 'information',
          message: `Custom-scheme redirect URI '${uri.value}': ${avoided}, so Entra's ${PROMPT} prompt is not shown; through a system browser it would be.`,
        });
        continue;
      }
      const where = uri.implied ? ` (the URL scheme '${uri.raw || uri.value}' implies the redirect '${uri.value}')` : '';
      report({
        range: uri.range,
        message:
          `Custom-scheme redirect URI '${uri.value}'${where} goes through the system browser, so after sign-in Entra shows ${PROMPT} and the user must confirm the app. ` +
          `Only http://, https:// and chrome-extension:// avoid it; use ${safeRedirectFor(uri.platform)}.`,
        fixes: safeRedirectFix(owner, uri, file, workspace),
      });
    }
  },
};

function chromeExtensionMessage(uri: RedirectUri): string {
  return `Redirect URI '${uri.value}' avoids the AADSTS50199 prompt only in desktop Chrome; in Edge and other browsers the user sees "Are you trying to sign in to …?". Prefer https://<extension id>.chromiumapp.org/.`;
}
