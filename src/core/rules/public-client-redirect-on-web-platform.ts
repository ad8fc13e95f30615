import { isNativeConfig, registeredMatches, registrationName, showsListOf } from './shared/registration';
import type { Fix } from '../model';
import { isJudgeableRedirect } from '../entra/redirect-match';
import { moveRedirectFix } from '../fixes/registration-edit';
import { entraConfigs, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const CODE = 'AADSTS7000218';

export const publicClientRedirectOnWebPlatform: WorkspaceRule = {
  meta: {
    id: 'public-client-redirect-on-web-platform',
    codes: [CODE],
    defaultSeverity: 'error',
    description: 'A desktop or mobile redirect URI registered only under the Web platform while public client flows are off (AADSTS7000218).',
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        "The user signs in, then the token request fails: \"AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.\"",
      why: 'A redirect URI under Web marks the app as a confidential client, so Entra expects a secret or certificate with the code. A desktop or mobile app cannot keep a secret and sends none. Entra treats it as a public client only when the URI is registered under Mobile and desktop applications (publicClient.redirectUris, type "InstalledClient") or when "Allow public client flows" (isFallbackPublicClient / allowPublicClient) is on.',
      howToFix:
        'Move the redirect URI to Mobile and desktop applications in the app registration (or, for device code and similar flows, turn on "Allow public client flows").',
      links: [
        {
          title: 'Desktop app that calls web APIs: app registration',
          url: 'https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration',
        },
        { title: 'AADSTS error codes (7000218)', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, workspace, report }) {
    for (const config of entraConfigs(file)) {
      if (!isNativeConfig(config) || config.clientSecret) continue;
      const links = workspace.linkedRegistrations(config);
      if (!links.length) continue;
      for (const uri of config.redirectUris) {
        if (!isJudgeableRedirect(uri)) continue;
        const matches = registeredMatches(links, uri.value);
        if (!matches.length || matches.some((m) => m.entry.platform !== 'web')) continue;
        // The publicClient list of a script that does not set it may hold the URI too.
        if (matches.some((m) => !showsListOf(m.registration, 'publicClient'))) continue;
        // Public client flows switched on in the registration make Entra accept the request anyway.
        if (matches.some((m) => m.registration.allowPublicClient?.value === true)) continue;
        const fixes: Fix[] = [];
        for (const m of matches) {
          const fix = moveRedirectFix(m.file, m.registration, m.entry, 'publicClient');
          if (fix) {
            fixes.push(fix);
            break;
          }
        }
        const related = matches.map((m) => ({
          file: m.file.path,
          range: m.entry.range,
          message: `Registered under Web in app registration ${registrationName(m.registration)}.`,
        }));
        for (const m of matches) {
          const flag = m.registration.allowPublicClient;
          if (flag) related.push({ file: m.file.path, range: flag.range, message: 'Public client flows are off here.' });
        }
        report({
          range: uri.range,
          message: `Redirect URI ${quote(uri.value)} is registered only under Web (${CODE}); move it to Mobile and desktop applications.`,
          detail: `This ${config.platform === 'publicClient' ? 'desktop' : config.platform} app has no client secret and public client flows are off, so Entra expects a secret and the token request fails with ${CODE}.${fullValueNote(uri.value)}`,
          related,
          fixes,
        });
      }
    }
  },
};
