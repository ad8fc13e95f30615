import { registrationIncludesPersonal } from './shared/audience';
import type { FileRule } from './types';

/** Redirect URIs one registration may hold, by audience (the limit cannot be raised). */
export const LIMIT_WORK_SCHOOL = 256;
export const LIMIT_WITH_PERSONAL = 100;

export const tooManyRedirects: FileRule = {
  meta: {
    id: 'too-many-redirects',
    codes: [],
    defaultSeverity: 'error',
    description: 'More redirect URIs than the registration may hold: 256 for work or school audiences, 100 when personal Microsoft accounts can sign in.',
    fixable: false,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact:
        'The registration cannot be saved or deployed: the portal, Microsoft Graph and infrastructure-as-code tools reject the update, so none of the changes in it take effect.',
      why: 'Entra caps the redirect URIs of one application object: 256 when signInAudience is AzureADMyOrg or AzureADMultipleOrgs, 100 when personal Microsoft accounts are included. The limit cannot be raised. Lists grow past it when every preview deployment registers its own URI.',
      howToFix:
        'Remove URIs that are no longer used. Give preview environments one fixed redirect URI and carry the target in the state parameter, or split the environments across several registrations.',
      links: [
        {
          title: 'Maximum number of redirect URIs',
          url: 'https://learn.microsoft.com/entra/identity-platform/reply-url#maximum-number-of-redirect-uris-and-uri-length',
        },
      ],
    },
  },
  check({ file, report }) {
    for (const registration of file.registrations) {
      const uris = registration.redirectUris.filter((u) => u.role === 'redirect');
      const personal = registrationIncludesPersonal(registration);
      const limit = personal ? LIMIT_WITH_PERSONAL : LIMIT_WORK_SCHOOL;
      if (uris.length <= limit) continue;
      const audience = registration.signInAudience ? `'${registration.signInAudience.value}'` : "'AzureADMyOrg' (the default)";
      report({
        range: uris[limit].range,
        message: `Redirect URI ${limit + 1} of ${uris.length}: at most ${limit} are allowed with signInAudience ${audience}; remove some.`,
        detail: 'Entra refuses to save a registration with more redirect URIs than its audience allows.',
        related: registration.signInAudience
          ? [{ file: file.path, range: registration.signInAudience.range, message: 'The audience that sets the limit.' }]
          : [],
      });
    }
  },
};
