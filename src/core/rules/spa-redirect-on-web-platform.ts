import { isBrowserConfig, registeredMatches, registrationName, showsListOf } from './shared/registration';
import type { Fix } from '../model';
import { isJudgeableRedirect } from '../entra/redirect-match';
import { moveRedirectFix } from '../fixes/registration-edit';
import { entraConfigs, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const CODE = 'AADSTS9002326';

export const spaRedirectOnWebPlatform: WorkspaceRule = {
  meta: {
    id: 'spa-redirect-on-web-platform',
    codes: [CODE],
    defaultSeverity: 'error',
    description: 'A browser (MSAL.js) redirect URI registered under the Web platform instead of Single-page application (AADSTS9002326).',
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'Sign-in succeeds at Entra, then the token request from the browser fails: "AADSTS9002326: Cross-origin token redemption is permitted only for the \'Single-Page Application\' client-type."',
      why: 'msal-browser, msal-react and msal-angular redeem the authorization code from JavaScript (a cross-origin request with PKCE). Entra allows that only for redirect URIs registered as Single-page application (spa.redirectUris, or replyUrlsWithType type "Spa"). Under Web (web.redirectUris, type "Web") the code is meant for a server holding a secret.',
      howToFix:
        'Move the redirect URI from the Web platform to Single-page application in the app registration (the manifest, Terraform single_page_application, Bicep spa).',
      links: [
        { title: 'Single-page application: app registration', url: 'https://learn.microsoft.com/entra/identity-platform/scenario-spa-app-registration' },
        {
          title: 'Migrate a JavaScript single-page app from implicit grant to auth code flow',
          url: 'https://learn.microsoft.com/entra/identity-platform/migrate-spa-implicit-to-auth-code',
        },
      ],
    },
  },
  check({ file, workspace, report }) {
    for (const config of entraConfigs(file)) {
      if (!isBrowserConfig(config)) continue;
      const links = workspace.linkedRegistrations(config);
      if (!links.length) continue;
      for (const uri of config.redirectUris) {
        if (!isJudgeableRedirect(uri)) continue;
        const matches = registeredMatches(links, uri.value);
        if (!matches.length || matches.some((m) => m.entry.platform === 'spa')) continue;
        // The spa list of a script that does not set it may hold the URI too.
        if (matches.some((m) => !showsListOf(m.registration, 'spa'))) continue;
        const onWeb = matches.filter((m) => m.entry.platform === 'web');
        if (!onWeb.length) continue;
        const fixes: Fix[] = [];
        for (const m of onWeb) {
          const fix = moveRedirectFix(m.file, m.registration, m.entry, 'spa');
          if (fix) {
            fixes.push(fix);
            break;
          }
        }
        report({
          range: uri.range,
          message: `Redirect URI ${quote(uri.value)} is registered under Web, not Single-page application (${CODE}); move it.`,
          detail: `This browser app (${config.library}) redeems the code from the browser, which Entra allows only for SPA redirect URIs (cross-origin redemption), so the token request fails with ${CODE}.${fullValueNote(uri.value)}`,
          related: onWeb.map((m) => ({
            file: m.file.path,
            range: m.entry.range,
            message: `Registered under Web in app registration ${registrationName(m.registration)}.`,
          })),
          fixes,
        });
      }
    }
  },
};
