import type { AppRegistration, AuthConfig, RedirectUri } from '../model';
import { holdsPlaceholder, isPlaceholder, parseUri, uriScheme } from '../entra/uri';
import { includesPersonalAccounts, knownText } from './shared/audience';
import { redirectsOf, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const MAX_LENGTH = 256;
const FORBIDDEN = /[!$'(),;]/g;
/** Config kinds that resolve a relative redirect against the page origin (msal-browser and friends, ASP.NET CallbackPath). */
const RELATIVE_OK = ['msal-browser', 'msal-react', 'msal-angular', 'ms-identity-web'];

/** Whether the owner needs absolute redirect URIs (registrations always; native and server configs). */
function needsAbsolute(owner: AuthConfig | AppRegistration): boolean {
  if (owner.kind === 'registration') return true;
  if (RELATIVE_OK.includes(owner.library) || owner.platform === 'spa' || owner.platform === 'web') return false;
  return owner.platform !== 'unknown';
}

/** Problems of one redirect URI, in the order a reader would fix them. Only the known text is judged. */
function formatProblems(uri: RedirectUri, owner: AuthConfig | AppRegistration, personal: boolean): string[] {
  const problems: string[] = [];
  const known = knownText(uri);
  if (uri.value.length > MAX_LENGTH && known.length > MAX_LENGTH)
    problems.push(`it is ${uri.value.length} characters long (at most ${MAX_LENGTH} are allowed)`);
  // Invisible characters (zero-width, bidi controls) make a URI look like another one; none is valid in a URI.
  const invisible = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.exec(known);
  if (invisible)
    problems.push(
      `it contains the invisible character U+${invisible[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which makes it look like another URI`,
    );
  if (/\s/.test(known)) problems.push(/^\s|\s$/.test(known) ? 'it starts or ends with whitespace, so it never matches exactly' : 'it contains whitespace');
  const forbidden = [...new Set(known.match(FORBIDDEN) ?? [])];
  if (forbidden.length) problems.push(`it contains ${forbidden.map((c) => `'${c}'`).join(', ')}, which the platform does not accept in redirect URIs`);
  const parts = parseUri(known);
  if (parts.fragment !== undefined) problems.push('it has a fragment (#…), which redirect URIs may not carry');
  if (parts.query !== undefined && personal) problems.push('it has a query string, which is not allowed when personal Microsoft accounts can sign in');
  if (parts.host && /[^\x00-\x7f]/.test(parts.host)) problems.push('its host is an internationalized domain name, which is not supported');
  const scheme = uriScheme(uri.value);
  const hostPortOnly = scheme !== undefined && /^[a-z0-9.-]+:\d+(\/|$)/i.test(uri.value.trim());
  const relative = !uri.partial && known.trim().length > 0 && (scheme === undefined || hostPortOnly);
  if (relative && needsAbsolute(owner) && !isPlaceholder(uri.value)) {
    problems.push(hostPortOnly ? 'it has no scheme (write http:// or https:// before the host)' : 'it is relative, but this kind of app needs an absolute URI');
  }
  return problems;
}

export const redirectUriFormat: WorkspaceRule = {
  meta: {
    id: 'redirect-uri-format',
    codes: ['AADSTS50011'],
    defaultSeverity: 'error',
    description:
      'A redirect URI the platform does not accept: too long, forbidden characters, a fragment, whitespace, a query for personal accounts, or relative where it must be absolute.',
    fixable: false,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'The registration cannot be saved with the URI, or the URI the app sends never matches a registered one: sign-in fails with AADSTS50011 (redirect URI mismatch).',
      why: "Entra compares redirect URIs exactly and accepts only a restricted form: at most 256 characters, none of the characters ! $ ' ( ) , ;, no fragment, no internationalized domain names, and no query string when personal Microsoft accounts are in the audience. Native, mobile and server apps must send an absolute URI; only browser libraries resolve a relative one against the page.",
      howToFix:
        'Shorten the URI, remove the forbidden characters, fragment or stray whitespace, and move query parameters into the state parameter. Write the full scheme and host for native and server apps. Register the corrected URI and use the same value in the app.',
      links: [{ title: 'Redirect URI restrictions and limitations', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' }],
    },
  },
  check({ file, workspace, report }) {
    for (const { uri, owner } of redirectsOf(file)) {
      // A sample placeholder is placeholder-value's finding; its spaces and brackets say nothing more.
      if (uri.role === 'scheme' || holdsPlaceholder(uri.value, uri.partial === true)) continue;
      const problems = formatProblems(uri, owner, includesPersonalAccounts(owner, workspace));
      if (!problems.length) continue;
      report({
        range: uri.range,
        // The first problem's main clause in the sentence; its reason and any further problems in the detail.
        message: `Redirect URI ${quote(uri.value)} will not match at sign-in (AADSTS50011): ${problems[0].split(', which')[0]}.`,
        detail: `${problems.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('. ')}.${fullValueNote(uri.value)}`,
      });
    }
  },
};
