import type { RedirectUri } from '../model';
import { parseUri } from '../entra/uri';
import { redirectsOf, type FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

/**
 * A localhost URI without its port, the form Entra matches localhost URIs by. Only the name localhost:
 * 127.0.0.1 keeps its port when matched (as in redirect-match.ts).
 */
function withoutPort(uri: RedirectUri): string | undefined {
  const parts = parseUri(uri.value);
  if (parts.host !== 'localhost') return undefined;
  return `${parts.scheme}://${parts.host}${parts.path}${parts.query !== undefined ? `?${parts.query}` : ''}`;
}

export const loopbackRedirect: FileRule = {
  meta: {
    id: 'loopback-redirect',
    codes: ['AADSTS50011'],
    defaultSeverity: 'error',
    description: 'Loopback redirect URIs: http://[::1] is not supported, and localhost URIs differing only by port are ambiguous.',
    fixable: false,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact:
        'With http://[::1] sign-in fails with AADSTS50011 because Entra does not accept the IPv6 loopback address. Two registered localhost URIs that differ only by port make Entra pick one of them, and with it the platform type, arbitrarily.',
      why: 'Entra ignores the port when it matches localhost redirect URIs (so a native app can listen on any free port), which makes URIs that differ only by port indistinguishable. The IPv6 loopback literal is not supported.',
      howToFix:
        'Use http://localhost or http://127.0.0.1 instead of http://[::1]. Tell localhost URIs apart by path (http://localhost/desktop, http://localhost/spa), not by port.',
      links: [
        {
          title: 'Localhost exceptions (redirect URI restrictions)',
          url: 'https://learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions',
        },
        { title: 'RFC 8252 §8.3 Loopback redirect considerations', url: 'https://www.rfc-editor.org/rfc/rfc8252#section-8.3' },
      ],
    },
  },
  check({ file, report }) {
    for (const { uri } of redirectsOf(file)) {
      if (uri.role === 'scheme') continue;
      const parts = parseUri(uri.value);
      if (parts.host === '::1' || parts.host === '0:0:0:0:0:0:0:1') {
        report({
          range: uri.range,
          message: `Redirect URI ${quote(uri.value)} uses IPv6 loopback, which fails with AADSTS50011; use http://localhost or http://127.0.0.1.`,
          detail: `Entra does not accept the IPv6 loopback address [::1] in redirect URIs.${fullValueNote(uri.value)}`,
        });
      }
    }
    // Within one registration, localhost URIs that differ only by port are one URI to Entra.
    for (const registration of file.registrations) {
      const seen = new Map<string, RedirectUri>();
      for (const uri of registration.redirectUris) {
        if (uri.role !== 'redirect') continue;
        const key = withoutPort(uri);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, uri);
          continue;
        }
        if (first.value === uri.value) continue; // an exact duplicate is duplicate-redirect's concern
        report({
          range: uri.range,
          severity: 'warning',
          message: `Redirect URI ${quote(uri.value, 32)} differs from ${quote(first.value, 32)} only by port; tell them apart by path.`,
          detail: `Entra ignores the port of localhost URIs, so it picks one of the two (and its platform) arbitrarily.${fullValueNote(uri.value)}`,
          related: [{ file: file.path, range: first.range, message: `'${first.value}' is registered here.` }],
        });
      }
    }
  },
};
