import {
  AuthErrorCodes,
  ClientAuthErrorCodes,
  ClientConfigurationErrorCodes,
  InteractionRequiredAuthErrorCodes,
  version as msalNodeVersion,
} from '@azure/msal-node';
import type { MsalCodeEntry, MsalErrorClass } from './types';

// The code strings come from MSAL's exported constants, so a renamed or new code shows up here on upgrade.
// @azure/msal-node is the source of truth: the strings are the ones a msal-node app really throws.
// Only the explanations are ours; a code without one gets the generic text of its error class.

const MSAL_ERRORS_LINK = 'https://aka.ms/msal.js.errors';
const OAUTH_ERRORS_LINK = 'https://datatracker.ietf.org/doc/html/rfc6749#section-5.2';

interface Explanation {
  meaning: string;
  remedy: string;
}

const EXPLANATIONS: Record<string, Explanation> = {
  // ClientConfigurationError: MSAL refused its own configuration or request before calling Entra.
  redirect_uri_empty: {
    meaning: 'MSAL has no redirect URI for a flow that needs one (e.g. authorization code or interactive sign-in).',
    remedy: 'Set auth.redirectUri in the MSAL configuration or redirectUri in the request, and register the same URI on the app registration.',
  },
  untrusted_authority: {
    meaning: 'The authority host is not one MSAL knows (login.microsoftonline.com and the sovereign clouds) and is not listed in knownAuthorities.',
    remedy: 'For B2C, CIAM or custom domains add the host to auth.knownAuthorities; otherwise fix the authority URL (typo, missing tenant).',
  },
  authority_uri_insecure: {
    meaning: 'The authority URL does not use https.',
    remedy: 'Use an https:// authority such as https://login.microsoftonline.com/<tenant>.',
  },
  authority_mismatch: {
    meaning: 'The authority of the request differs from the one in the cloud discovery or authority metadata given to MSAL.',
    remedy: 'Use one authority everywhere, or supply metadata that belongs to it.',
  },
  empty_input_scopes_error: {
    meaning: 'A token request was made with an empty scopes array.',
    remedy: 'Pass at least one scope, e.g. ["User.Read"] or ["api://<app id>/.default"].',
  },
  invalid_authority_metadata: {
    meaning: 'The authorityMetadata string given to MSAL is not valid OpenID configuration JSON.',
    remedy: "Pass the JSON of the authority's /.well-known/openid-configuration document unchanged, or drop the option.",
  },
  invalid_cloud_discovery_metadata: {
    meaning: 'The cloudDiscoveryMetadata string given to MSAL is not valid instance-discovery JSON.',
    remedy: 'Pass the JSON returned by the instance discovery endpoint unchanged, or drop the option.',
  },
  invalid_claims: {
    meaning: 'The claims request parameter is not valid JSON.',
    remedy: 'Pass the claims challenge string exactly as the resource returned it.',
  },
  pkce_params_missing: {
    meaning: 'An authorization-code request lacks the PKCE code_challenge or code_verifier.',
    remedy: 'Generate a PKCE pair (CryptoProvider.generatePkceCodes) and pass the challenge to getAuthCodeUrl and the verifier to acquireTokenByCode.',
  },
  url_parse_error: {
    meaning: 'A URL in the configuration or request (authority, redirect URI) could not be parsed.',
    remedy: 'Use absolute URLs with a scheme, e.g. https://login.microsoftonline.com/<tenant>.',
  },
  empty_url_error: {
    meaning: 'A URL in the configuration or request (authority, redirect URI) is empty.',
    remedy: 'Fill in the URL; check for placeholders and unset environment variables.',
  },
  // ClientAuthError: something went wrong on the client side while talking to Entra or handling the result.
  state_mismatch: {
    meaning: 'The state returned with the response differs from the state MSAL sent (often two sign-ins in flight, or a reused response).',
    remedy: 'Start one sign-in at a time and let MSAL handle the response it started.',
  },
  nonce_mismatch: {
    meaning: 'The nonce in the ID token differs from the one MSAL sent.',
    remedy: 'Start a fresh sign-in; do not replay or mix responses of different requests.',
  },
  no_account_in_silent_request: {
    meaning: 'A silent token request was made without an account.',
    remedy: 'Pass an account (from getAllAccounts() or the sign-in result) to acquireTokenSilent, or sign in interactively first.',
  },
  no_account_found: {
    meaning: 'No cached account matches the request.',
    remedy: 'Sign the user in interactively, then call acquireTokenSilent with the returned account.',
  },
  multiple_matching_tokens: {
    meaning: 'The cache holds more than one token that matches the request, so MSAL cannot choose.',
    remedy: 'Pass the account (and authority) in the request; clear stale cache entries.',
  },
  network_error: {
    meaning: 'The HTTP request to the identity endpoint failed (no network, proxy, TLS or DNS problem).',
    remedy: 'Check connectivity, proxy settings and that the authority host is reachable; retry.',
  },
  endpoints_resolution_error: {
    meaning: "MSAL could not load the authority's OpenID configuration (wrong authority URL, or no network).",
    remedy: 'Check the authority URL (tenant, host, B2C policy) and network access to it.',
  },
  user_canceled: {
    meaning: 'The user closed the sign-in window or cancelled the flow.',
    remedy: 'Nothing to fix; let the user start the sign-in again.',
  },
  token_refresh_required: {
    meaning: 'The cached token cannot be used and must be refreshed.',
    remedy: 'Call acquireTokenSilent with forceRefresh, or fall back to interactive sign-in.',
  },
  // InteractionRequiredAuthError: a silent request failed; the user must sign in or consent.
  interaction_required: {
    meaning: 'The request needs the user to interact (sign in, MFA, consent, or a prompt such as AADSTS50199).',
    remedy: 'Catch InteractionRequiredAuthError from the silent call and retry with an interactive request (popup, redirect or acquireTokenInteractive).',
  },
  consent_required: {
    meaning: 'The user (or an admin) has not consented to the requested scopes.',
    remedy: 'Retry interactively so the user can consent, or have an admin grant consent for the tenant.',
  },
  login_required: {
    meaning: 'There is no usable session for a silent request (e.g. prompt=none without a signed-in user).',
    remedy: 'Retry with an interactive request.',
  },
  no_tokens_found: {
    meaning: 'The cache has no refresh token for the account, so a silent request cannot succeed.',
    remedy: 'Sign the user in interactively; make sure the token cache is persisted if the app restarts.',
  },
  refresh_token_expired: {
    meaning: 'The refresh token in the cache has expired.',
    remedy: 'Sign the user in interactively again.',
  },
  bad_token: {
    meaning: 'The server rejected the refresh token (revoked, or issued for another client).',
    remedy: 'Remove the account from the cache and sign in interactively.',
  },
  native_account_unavailable: {
    meaning: 'The account is not available through the platform broker.',
    remedy: 'Sign in interactively through the broker.',
  },
  ui_not_allowed: {
    meaning: 'Interaction is needed but the request did not allow UI.',
    remedy: 'Retry with an interactive request where UI is allowed.',
  },
  // AuthError
  unexpected_error: {
    meaning: 'MSAL hit an error it did not expect.',
    remedy: 'Read the error message and MSAL log (set a logger with LogLevel.Verbose); update MSAL if it is a known bug.',
  },
  post_request_failed: {
    meaning: 'The POST request to the token endpoint failed before a response arrived.',
    remedy: 'Check network access to the authority host and any proxy; retry.',
  },
};

/** OAuth 2.0 `error` values; MSAL throws them as ServerError.errorCode, with the AADSTS number in the message. */
const OAUTH_ERRORS: Record<string, Explanation> = {
  invalid_grant: {
    meaning:
      'The authorization code, refresh token or assertion was rejected (expired, already used, revoked, or redirect_uri differs from the authorize request).',
    remedy: 'Look at the AADSTS number in the message; usually sign in again, and send the same redirect_uri to the authorize and token endpoints.',
  },
  invalid_request: {
    meaning: 'The request is missing a parameter or has an invalid one (redirect URI, scope, PKCE, authority).',
    remedy: 'Look at the AADSTS number in the message; it names the exact problem.',
  },
  invalid_client: {
    meaning: 'Client authentication failed: wrong, expired or missing client secret or certificate, or a secret sent by a public client.',
    remedy: "Check the client credential (secret value, not its id; certificate thumbprint) and the app's public-client setting.",
  },
  unauthorized_client: {
    meaning: 'The client is not allowed to use this grant or flow (e.g. app not found in the tenant, or public client flows disabled).',
    remedy: 'Check the client id and tenant, and the app registration\'s platform and "Allow public client flows" setting.',
  },
  invalid_scope: {
    meaning: 'A requested scope is invalid, unknown, or mixes resources.',
    remedy: 'Request scopes of one resource per call, written as <resource>/<permission> or <resource>/.default.',
  },
  access_denied: {
    meaning: 'The user or an admin declined, or a policy denied, the request.',
    remedy: 'Look at the AADSTS number in error_description; the user may retry and consent.',
  },
  unsupported_response_type: {
    meaning: 'The response_type is not enabled for the app (e.g. implicit tokens not enabled).',
    remedy: 'Use the authorization code flow with PKCE, or enable the implicit grant setting the app needs.',
  },
  unsupported_grant_type: {
    meaning: 'The token endpoint does not support the grant type sent.',
    remedy: 'Use a grant type the app and endpoint support.',
  },
  server_error: {
    meaning: 'The identity service hit an internal error.',
    remedy: 'Retry; if it persists, keep the trace and correlation ids for a support ticket.',
  },
  temporarily_unavailable: {
    meaning: 'The identity service is too busy to answer.',
    remedy: 'Retry after a short delay.',
  },
  authorization_pending: {
    meaning: 'Device code flow: the user has not finished signing in yet.',
    remedy: 'Keep polling at the given interval.',
  },
  slow_down: {
    meaning: 'Device code flow: the client polls too often.',
    remedy: 'Increase the polling interval.',
  },
  expired_token: {
    meaning: 'Device code flow: the device code expired before the user finished.',
    remedy: 'Start a new device code flow.',
  },
};

const GENERIC: Record<MsalErrorClass, Explanation> = {
  ClientConfigurationError: {
    meaning: 'MSAL rejected its configuration or the request before sending it to Entra ID (a ClientConfigurationError).',
    remedy: 'Check the MSAL configuration and request options named in the error message.',
  },
  ClientAuthError: {
    meaning: 'MSAL failed on the client side while getting or handling a token (a ClientAuthError).',
    remedy: 'Read the error message; enable MSAL logging (LogLevel.Verbose) to see which step failed.',
  },
  InteractionRequiredAuthError: {
    meaning: 'A silent token request cannot succeed without the user (an InteractionRequiredAuthError).',
    remedy: 'Retry with an interactive request (popup, redirect or acquireTokenInteractive).',
  },
  AuthError: {
    meaning: 'A general MSAL error (an AuthError).',
    remedy: 'Read the error message and MSAL log.',
  },
  ServerError: {
    meaning: 'An OAuth 2.0 error returned by the server (thrown by MSAL as a ServerError).',
    remedy: 'Look at the AADSTS number in the message.',
  },
};

const SOURCES: [MsalErrorClass, string, Record<string, string>][] = [
  ['ClientConfigurationError', 'ClientConfigurationErrorCodes', ClientConfigurationErrorCodes],
  ['ClientAuthError', 'ClientAuthErrorCodes', ClientAuthErrorCodes],
  ['InteractionRequiredAuthError', 'InteractionRequiredAuthErrorCodes', InteractionRequiredAuthErrorCodes],
  ['AuthError', 'AuthErrorCodes', AuthErrorCodes],
];

function buildMsalEntries(): MsalCodeEntry[] {
  const entries: MsalCodeEntry[] = [];
  const seen = new Set<string>();
  for (const [errorClass, objectName, codes] of SOURCES) {
    for (const [constantName, code] of Object.entries(codes)) {
      if (typeof code !== 'string' || seen.has(code)) continue;
      seen.add(code);
      const own = EXPLANATIONS[code];
      entries.push({
        kind: 'msal',
        code,
        errorClass,
        constantName,
        ...(own ?? GENERIC[errorClass]),
        specific: own !== undefined,
        source: `@azure/msal-node ${msalNodeVersion} ${objectName}.${constantName}`,
        link: `${MSAL_ERRORS_LINK}#${code}`,
      });
    }
  }
  for (const [code, own] of Object.entries(OAUTH_ERRORS)) {
    if (seen.has(code)) continue;
    entries.push({
      kind: 'oauth',
      code,
      errorClass: 'ServerError',
      ...own,
      specific: true,
      source: 'OAuth 2.0 (RFC 6749 section 5.2, RFC 8628)',
      link: OAUTH_ERRORS_LINK,
    });
  }
  return entries;
}

/** Codes that have our own explanation (tests check each is a real msal code). */
export const EXPLAINED_MSAL_CODES: readonly string[] = Object.keys(EXPLANATIONS);

export const MSAL_ENTRIES: readonly MsalCodeEntry[] = buildMsalEntries();

const BY_CODE = new Map(MSAL_ENTRIES.map((entry) => [entry.code, entry]));

/** The MSAL or OAuth entry for an exact code string (case-sensitive, as MSAL writes them). */
export function msalEntry(code: string): MsalCodeEntry | undefined {
  return BY_CODE.get(code);
}
