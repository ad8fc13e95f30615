import { includesPersonalAccounts, knownText } from './shared/audience';
import { redirectsOf, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

export const wildcardRedirect: WorkspaceRule = {
  meta: {
    id: 'wildcard-redirect',
    codes: ['AADSTS50011'],
    defaultSeverity: 'warning',
    description: 'A wildcard (*) redirect URI: not supported when personal Microsoft accounts can sign in, discouraged otherwise.',
    fixable: false,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'For apps that accept personal Microsoft accounts the URI cannot be registered, so sign-in fails with AADSTS50011 (redirect URI mismatch). For work and school apps it works, but Entra drops the query string and fragment of a matched URI and any subdomain you do not control can receive codes.',
      why: 'A wildcard widens the set of addresses that may receive authorization codes and tokens. Entra supports wildcards only for apps limited to work or school accounts, and only through the manifest editor.',
      howToFix:
        'Register each exact redirect URI instead. To return the user to a dynamic page, send one fixed redirect URI and carry the target in the state parameter, protected against CSRF and open redirects.',
      links: [
        {
          title: 'Restrictions on wildcards in redirect URIs',
          url: 'https://learn.microsoft.com/entra/identity-platform/reply-url#restrictions-on-wildcards-in-redirect-uris',
        },
        { title: 'Use a state parameter', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url#use-a-state-parameter' },
      ],
    },
  },
  check({ file, workspace, report }) {
    for (const { uri, owner } of redirectsOf(file)) {
      if (uri.role === 'scheme' || !knownText(uri).includes('*')) continue;
      const personal = includesPersonalAccounts(owner, workspace);
      report({
        range: uri.range,
        severity: personal ? 'error' : 'warning',
        codes: personal ? ['AADSTS50011'] : [],
        message: personal
          ? `Wildcard redirect ${quote(uri.value)} is not allowed with personal accounts (AADSTS50011); register exact URIs.`
          : `Wildcard redirect ${quote(uri.value)} lets any matching host receive codes; register exact URIs.`,
        detail: personal
          ? `It cannot be registered for apps that personal Microsoft accounts can sign in to, and sign-in fails with AADSTS50011. Register each exact URI and carry the target page in the state parameter.${fullValueNote(uri.value)}`
          : `Entra also drops the query and fragment of a matched URI. Register exact URIs and carry the target page in the state parameter.${fullValueNote(uri.value)}`,
      });
    }
  },
};
