import type { AppRegistration, AuthConfig, Library, ParsedFile, RedirectUri } from '../../model';
import { redirectMatches } from '../../entra/redirect-match';
import type { IndexedRegistration } from '../../engine/workspace';

// Shared vocabulary of the rules that hold a config against the app registration it signs in with.

export interface RegisteredEntry {
  file: ParsedFile;
  registration: AppRegistration;
  entry: RedirectUri;
}

/** MSAL.js 2+ libraries: they sign in with the auth code flow and PKCE, never the implicit grant. */
export const AUTH_CODE_PKCE_LIBRARIES: readonly Library[] = ['msal-browser', 'msal-react', 'msal-angular', 'msal-node'];
const BROWSER_LIBRARIES: readonly Library[] = ['msal-browser', 'msal-react', 'msal-angular'];

/** A config that runs in the browser and redeems its code cross-origin (needs the SPA platform). */
export function isBrowserConfig(config: AuthConfig): boolean {
  return config.platform === 'spa' || (config.platform === 'unknown' && BROWSER_LIBRARIES.includes(config.library));
}

/** A desktop or mobile config: a public client that has no secret to send. */
export function isNativeConfig(config: AuthConfig): boolean {
  return config.platform === 'publicClient' || config.platform === 'ios' || config.platform === 'android';
}

/**
 * Whether the registration's file says which redirect URIs it holds: a portal manifest always does (no list
 * means none); other formats only when they show a list (an empty one counts).
 */
export function describesRedirects(registration: AppRegistration): boolean {
  if (registration.redirectsComplete) return true;
  return registration.redirectUris.length > 0 || Object.keys(registration.redirectLists ?? {}).length > 0;
}

/**
 * Whether the registration's file shows the whole redirect list of `platform`: always, except for a script
 * that updates an app registered elsewhere (`redirectPlatforms`), which shows only the lists it sets.
 */
export function showsListOf(registration: AppRegistration, platform: 'web' | 'spa' | 'publicClient' | undefined): boolean {
  if (!registration.redirectPlatforms) return true;
  return platform !== undefined && registration.redirectPlatforms.includes(platform);
}

/** Every registered redirect URI (of the linked registrations) that a sent redirect matches. */
export function registeredMatches(links: IndexedRegistration[], sent: string): RegisteredEntry[] {
  const matches: RegisteredEntry[] = [];
  for (const { file, registration } of links) {
    for (const entry of registration.redirectUris) {
      if (entry.role === 'redirect' && !entry.partial && redirectMatches(sent, entry.value)) matches.push({ file, registration, entry });
    }
  }
  return matches;
}

/** How a registration is named in messages: its display name, else its appId. */
export function registrationName(registration: AppRegistration): string {
  return registration.displayName ? `'${registration.displayName}'` : `'${registration.appId?.value ?? 'unnamed'}'`;
}

/** Where a finding about the registration as a whole points: its appId, else the whole object. */
export function registrationAnchor(registration: AppRegistration): { start: number; end: number } {
  return registration.appId?.range ?? registration.range;
}
