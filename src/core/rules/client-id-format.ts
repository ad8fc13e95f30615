import type { AuthConfig, Located } from '../model';
import { GUID, holdsPlaceholder } from '../entra/uri';
import { identityProvider, LIBRARIES } from '../entra/libraries';
import { entraConfigs, type FileRule } from './types';
import { isExternalReference } from './shared/value-reference';
import { fullValueNote, quote } from './shared/message';

/**
 * Client ids MSAL itself sends that are no app's GUID: MSAL.NET's federated managed identity (FMI) node
 * (`Constants.FmiNodeClientId` in AzureAD/microsoft-authentication-library-for-dotnet
 * src/client/Microsoft.Identity.Client/Internal/Constants.cs), with which a resource managed authority node
 * asks for an FMI credential.
 */
const MSAL_CLIENT_IDS = new Set(['urn:microsoft:identity:fmi']);

/**
 * A config of a library that serves any provider (AppAuth, expo-auth-session, flutter_appauth) whose file
 * names no provider: its client id may be another provider's, whose ids are no GUIDs ("test_client_id" of
 * openid/AppAuth-Android library/javatests/net/openid/appauth/TestValues.java, with a test IdP's endpoints
 * in another file). Its redirects are still judged; only the GUID check would be a guess.
 */
function mayServeAnotherProvider(config: AuthConfig): boolean {
  return config.library !== 'unknown' && !LIBRARIES[config.library].entraOnly && identityProvider(config) === 'unknown';
}

export const clientIdFormat: FileRule = {
  meta: {
    id: 'client-id-format',
    codes: ['AADSTS700016', 'AADSTS90112'],
    defaultSeverity: 'error',
    description: 'A client id (application id) that is not a GUID: the app cannot be found at sign-in.',
    fixable: false,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact:
        'Sign-in fails before the user can enter credentials: the application identifier is rejected (AADSTS90112) or no application is found for it (AADSTS700016).',
      why: 'The client id is the Application (client) ID of the registration, always a GUID such as 6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b. Common mistakes are pasting the object id, the display name or the app id URI, or leaving quotes, braces or spaces around the GUID.',
      howToFix: 'Copy the Application (client) ID from the Overview page of the app registration, exactly, without braces or spaces.',
      links: [
        { title: 'Application and service principal objects', url: 'https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals' },
        { title: 'AADSTS error codes', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, report }) {
    const judge = (located: Located<string> | undefined, what: string) => {
      if (!located) return;
      const value = located.value;
      // A sample placeholder is placeholder-value's finding (reported once, there).
      if (GUID.test(value) || MSAL_CLIENT_IDS.has(value) || holdsPlaceholder(value) || isExternalReference(value)) return;
      if (value.trim() === '') {
        report({
          range: located.range,
          severity: 'warning',
          codes: ['AADSTS900144', 'AADSTS700016'],
          message: `The ${what} is empty (AADSTS900144); fill in the Application (client) ID of the registration.`,
          detail: 'MSAL refuses to start, or sign-in fails with AADSTS900144 / AADSTS700016.',
        });
        return;
      }
      const hint = GUID.test(value.trim().replace(/^\{(.*)\}$/, '$1')) ? ' (remove the surrounding spaces or braces)' : '';
      report({
        range: located.range,
        message: `The ${what} ${quote(value)} is not a GUID${hint} (AADSTS700016); use the Application (client) ID.`,
        detail: `Sign-in fails with AADSTS90112 or AADSTS700016: the app cannot be found. Copy the Application (client) ID from the app registration.${fullValueNote(value)}`,
      });
    };
    // Another identity provider's client ids (Google, Okta, Duende's "m2m") have their own shapes: entraConfigs leaves them out.
    // A template's ids are filled in later (AppCreationScripts, a provider-agnostic demo): blank is by design there.
    for (const config of entraConfigs(file)) if (!config.template && !mayServeAnotherProvider(config)) judge(config.clientId, 'client id');
    for (const registration of file.registrations) judge(registration.appId, 'appId');
  },
};
