import { configAuthority, inKnownAuthorities, MSAL_ERROR } from '../entra/authority';
import { appendToListLiteral, upgradeToHttps } from '../fixes/edits';
import type { AuthConfig, Fix, Library, Located, ParsedFile } from '../model';
import { entraConfigs, type FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

// MSAL.js libraries: they validate the authority against `knownAuthorities` (or Entra instance discovery).
const MSAL_JS: readonly Library[] = ['msal-browser', 'msal-react', 'msal-angular', 'msal-node', 'msal-js', 'electron', 'react-native'];

export const untrustedAuthority: FileRule = {
  meta: {
    id: 'untrusted-authority',
    codes: [MSAL_ERROR.untrustedAuthority, MSAL_ERROR.authorityUriInsecure],
    defaultSeverity: 'error',
    description: `A B2C, External ID or custom-domain authority missing from knownAuthorities (msal ${MSAL_ERROR.untrustedAuthority}), or an http:// authority (${MSAL_ERROR.authorityUriInsecure}).`,
    fixable: true,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact: `MSAL.js throws before any sign-in page appears: "${MSAL_ERROR.untrustedAuthority}" for an authority it cannot validate, "${MSAL_ERROR.authorityUriInsecure}" for one that is not https.`,
      why: 'MSAL.js trusts an authority host when it is an Entra ID cloud (instance discovery answers for it) or when the app lists it in knownAuthorities. Azure AD B2C hosts (*.b2clogin.com), custom domains and other hosts are unknown to instance discovery, so they must be listed. Recent MSAL.js versions accept External ID (*.ciamlogin.com) hosts without the list; older ones do not. Every authority must use https.',
      howToFix: 'Add the authority host (e.g. "contoso.b2clogin.com") to auth.knownAuthorities, and use an https:// authority.',
      links: [
        {
          title: 'MSAL.js: configuration options (knownAuthorities)',
          url: 'https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration',
        },
        { title: 'Use MSAL.js with Azure AD B2C', url: 'https://learn.microsoft.com/azure/active-directory-b2c/enable-authentication-spa-app-options' },
      ],
    },
  },
  check({ file, report }) {
    for (const config of entraConfigs(file)) {
      const authority = configAuthority(config);
      if (!authority) continue;
      const { info, located } = authority;
      if (info.scheme === 'http') {
        report({
          range: located.range,
          codes: [MSAL_ERROR.authorityUriInsecure],
          message: `Authority ${quote(located.value)} uses http://, which MSAL rejects (${MSAL_ERROR.authorityUriInsecure}); use https://.`,
          detail: `Entra serves its endpoints only over https.${fullValueNote(located.value)}`,
          fixes: httpsFix(file, located),
        });
        continue;
      }
      if (info.scheme !== 'https' || !usesMsalJs(config) || info.kind === 'entra' || info.kind === 'adfs') continue;
      // A list with entries that are not known statically (variables) may name the host.
      if (inKnownAuthorities(info.host, config.knownAuthorities?.value) || config.knownAuthorities?.partial) continue;
      const what = info.kind === 'b2c' ? 'an Azure AD B2C' : info.kind === 'ciam' ? 'an External ID (CIAM)' : 'a custom-domain';
      const ciam = info.kind === 'ciam';
      report({
        range: located.range,
        severity: ciam ? 'information' : undefined,
        codes: [MSAL_ERROR.untrustedAuthority],
        message: ciam
          ? `Authority host ${quote(info.host)} is not in knownAuthorities (${MSAL_ERROR.untrustedAuthority} in older MSAL.js); add it.`
          : `Authority host ${quote(info.host)} is not in knownAuthorities (${MSAL_ERROR.untrustedAuthority}); add it.`,
        detail: ciam
          ? `'${located.value}' is ${what} authority. Recent MSAL.js versions accept *.ciamlogin.com without it; older ones throw ${MSAL_ERROR.untrustedAuthority}. Listing it works with both.`
          : `'${located.value}' is ${what} authority that Entra instance discovery does not know, so MSAL throws ${MSAL_ERROR.untrustedAuthority} before sign-in.`,
        related: config.knownAuthorities ? [{ file: file.path, range: config.knownAuthorities.range, message: 'knownAuthorities of this config.' }] : [],
        fixes: knownAuthoritiesFix(file, config, info.host),
      });
    }
  },
};

function usesMsalJs(config: AuthConfig): boolean {
  return MSAL_JS.includes(config.library);
}

function httpsFix(file: ParsedFile, located: Located<string>): Fix[] {
  const edit = upgradeToHttps(file, located);
  return edit ? [{ title: 'Use https://', unattended: true, edits: [edit] }] : [];
}

/** Adds the host to an existing knownAuthorities list literal, in the quotes the list already uses. */
function knownAuthoritiesFix(file: ParsedFile, config: AuthConfig, host: string): Fix[] {
  const known = config.knownAuthorities;
  if (!known) return [];
  const text = file.text.slice(known.range.start, known.range.end);
  const quote = /'/.test(text) && !/"/.test(text) ? "'" : '"';
  const edit = appendToListLiteral(file, known.range, `${quote}${host}${quote}`);
  // Trusting a host is a security decision: the authority could hold a typo.
  return edit ? [{ title: `Add '${host}' to knownAuthorities`, unattended: false, edits: [edit] }] : [];
}
