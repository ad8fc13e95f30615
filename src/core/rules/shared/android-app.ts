import type { AndroidIntentData } from '../../model';

// How an Android app receives a redirect: the parts of an msauth:// URI as Android matches them against a
// BrowserTabActivity intent filter, and the encodings of the signature hash (raw in the manifest,
// URL-encoded in redirect_uri). Shared by android-redirect-mismatch and the custom-scheme quick fix.

export interface SplitRedirect {
  scheme: string;
  host: string;
  /** `/` + the rest, as written ('' when there is none). */
  path: string;
  /** Offset of `path` in the value. */
  pathOffset: number;
}

/** Splits `scheme://host/path` as Android matches it (no query or fragment handling is needed here). */
export function splitRedirect(value: string): SplitRedirect | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(value);
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase(), host: match[2], path: value.slice(match[0].length), pathOffset: match[0].length };
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The hash as MSAL's redirect_uri carries it: base64, URL-encoded. */
export function encodeHash(hash: string): string {
  return encodeURIComponent(safeDecode(hash));
}

/** Whether a BrowserTabActivity `<data>` element accepts the redirect. */
export function intentAccepts(data: AndroidIntentData, redirect: SplitRedirect): boolean {
  if (data.scheme?.value.toLowerCase() !== redirect.scheme) return false;
  if ((data.host?.value ?? '') !== redirect.host) return false;
  const wanted = safeDecode(redirect.path);
  const declared = safeDecode(data.path?.value ?? '');
  if (wanted === '' || wanted === '/') return declared === '' || declared === '/';
  return declared === wanted;
}
