import { upgradeToHttps } from '../fixes/edits';
import { isLoopbackHost, parseUri } from '../entra/uri';
import { isKnownHost } from './shared/audience';
import { redirectsOf, type FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

export const insecureHttpRedirect: FileRule = {
  meta: {
    id: 'insecure-http-redirect',
    codes: ['AADSTS500117'],
    defaultSeverity: 'error',
    description: 'An http:// redirect URI on a host other than localhost is rejected (AADSTS500117); only loopback may use http.',
    fixable: true,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact: 'Sign-in fails with AADSTS500117 ("the reply URI uses a non-secure scheme"), and the portal refuses to save such a URI.',
      why: 'Tokens and authorization codes sent to an http:// address travel in clear text and can be read or replayed on the network. Entra allows http only for the loopback host (localhost), where the traffic never leaves the machine.',
      howToFix:
        'Serve the app over TLS and register the https:// form of the URI, then use the same value in the app config. For local development use http://localhost. The quick fix changes http to https; it is not applied by --fix because the server and the registration must change with it.',
      links: [
        { title: 'Redirect URI restrictions and limitations', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' },
        { title: 'AADSTS error codes', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, report }) {
    for (const { uri } of redirectsOf(file)) {
      if (uri.role === 'scheme') continue;
      const parts = parseUri(uri.value);
      if (parts.scheme !== 'http' || !parts.hasAuthority) continue;
      // A partial value is judged only when its host is written out; [::1] is the loopback rule's concern.
      if (!isKnownHost(parts.host) || isLoopbackHost(parts.host)) continue;
      const edit = upgradeToHttps(file, uri);
      report({
        range: uri.range,
        severity: uri.role === 'postLogout' ? 'warning' : undefined,
        message: `Redirect URI ${quote(uri.value)} uses http:// on a host other than localhost (AADSTS500117); use https://.`,
        detail: `Entra accepts http only for localhost, so sign-in fails with AADSTS500117, and codes would travel unencrypted over '${parts.host}'. Use 'https://${uri.value.trim().slice('http://'.length)}'.${fullValueNote(uri.value)}`,
        fixes: edit ? [{ title: 'Change http:// to https://', unattended: false, edits: [edit] }] : [],
      });
    }
  },
};
