// Facts of MSAL for iOS/macOS about redirect URIs (microsoft-authentication-library-for-objc and its
// IdentityCore, MSIDRedirectUri / MSIDRedirectUriVerifier): shared by the Apple readers and the rules.

const GUID_OR_LEGACY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16}/i;

/** msauth.<bundle id>: the scheme of MSAL's broker-capable redirect msauth.<bundle id>://auth. */
export function isBrokerScheme(scheme: string): boolean {
  return /^msauth\.[^\s:/]+$/i.test(scheme.trim());
}

/** msal<client id> (or a build variable in its place): the scheme of MSAL's legacy, not broker-capable, default. */
export function isLegacyMsalScheme(scheme: string): boolean {
  const rest = /^msal(.+)$/i.exec(scheme.trim())?.[1] ?? '';
  return new RegExp(`^(${GUID_OR_LEGACY_ID.source})$`, 'i').test(rest) || /^\$[({][^\s:/]*$/.test(rest);
}

/** Either of the schemes MSAL derives its default redirect from. */
export function isMsalScheme(scheme: string): boolean {
  return isBrokerScheme(scheme) || isLegacyMsalScheme(scheme);
}
