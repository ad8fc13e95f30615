import type { RedirectUri } from '../model';
import { isUnresolved } from './authority';
import { parseUri, type UriParts } from './uri';

// How Entra compares the redirect_uri of a request with the registered ones (reply-url docs): exact,
// case-sensitive on the path, trailing slash significant except for an empty path ("https://a" comes
// back as "https://a/"), the port ignored for `localhost` only — `127.0.0.1` and `localhost` differ.
// Scheme and host are case-insensitive as in any URL.

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** Whether a config's redirect can be judged against a registration: an absolute, fully known URI sent at sign-in. */
export function isJudgeableRedirect(uri: RedirectUri): boolean {
  if (uri.role !== 'redirect' || uri.partial || isUnresolved(uri.value)) return false;
  return parseUri(uri.value).scheme !== undefined;
}

export function redirectMatches(sent: string, registered: string): boolean {
  const a = parseUri(sent);
  const b = parseUri(registered);
  if (!a.scheme || a.scheme !== b.scheme) return false;
  if (!a.hasAuthority || !b.hasAuthority) return a.hasAuthority === b.hasAuthority && rest(a) === rest(b);
  if (!hostMatches(a.host ?? '', b.host ?? '')) return false;
  if (a.host !== 'localhost' && portOf(a) !== portOf(b)) return false;
  return pathOf(a) === pathOf(b) && a.query === b.query && a.fragment === b.fragment;
}

/**
 * Why a registered URI is close to, but not the same as, the sent one (for the message), or undefined
 * when the two are not near each other.
 */
export function nearMissReason(sent: string, registered: string): string | undefined {
  const a = parseUri(sent);
  const b = parseUri(registered);
  if (!a.hasAuthority || !b.hasAuthority || a.scheme === undefined) return undefined;
  const reasons: string[] = [];
  if (a.scheme !== b.scheme) {
    // http vs https is a near miss; two different custom schemes are simply different URIs.
    if (![a.scheme, b.scheme].every((s) => s === 'http' || s === 'https')) return undefined;
    reasons.push(`the scheme differs (${a.scheme} vs ${b.scheme})`);
  }
  const loopback = (h?: string) => h === 'localhost' || h === '127.0.0.1';
  if (a.host !== b.host) {
    if (!(loopback(a.host) && loopback(b.host))) return undefined;
    reasons.push('127.0.0.1 and localhost are different hosts to Entra');
  } else if (a.host !== 'localhost' && portOf(a) !== portOf(b)) {
    reasons.push(`the port differs (${portOf(a) || 'none'} vs ${portOf(b) || 'none'}; only localhost ignores the port)`);
  }
  const pa = pathOf(a);
  const pb = pathOf(b);
  if (pa !== pb) {
    if (pa.toLowerCase() === pb.toLowerCase()) reasons.push('the path differs in case (paths are case-sensitive)');
    else if (pa.replace(/\/$/, '') === pb.replace(/\/$/, '')) reasons.push('the trailing slash differs (it is significant)');
    else return undefined;
  }
  if (a.query !== b.query) reasons.push('the query differs');
  return reasons.length ? reasons.join('; ') : undefined;
}

function hostMatches(sent: string, registered: string): boolean {
  if (registered.startsWith('*.')) {
    // Wildcard registrations (manifest only) match any subdomain label sequence.
    const suffix = registered.slice(1);
    return sent.endsWith(suffix) && sent.length > suffix.length;
  }
  return sent === registered;
}

function portOf(parts: UriParts): string {
  const port = parts.port ?? '';
  return port === DEFAULT_PORTS[parts.scheme ?? ''] ? '' : port;
}

/** The path, with an empty path read as "/" (Entra adds the slash to a bare origin). */
function pathOf(parts: UriParts): string {
  return parts.path === '' ? '/' : parts.path;
}

function rest(parts: UriParts): string {
  return `${parts.path}?${parts.query ?? ''}#${parts.fragment ?? ''}`;
}
