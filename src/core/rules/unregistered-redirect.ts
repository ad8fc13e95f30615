import { describesRedirects, registrationAnchor, registrationName, showsListOf } from './shared/registration';
import { replaceValue } from '../fixes/edits';
import type { Fix, RedirectUri } from '../model';
import { isJudgeableRedirect, nearMissReason, redirectMatches } from '../entra/redirect-match';
import { addRedirectFix, listPlatformFor, platformLabel } from '../fixes/registration-edit';
import { entraConfigs, type Report, type WorkspaceRule } from './types';
import { fullValueNote, quote } from './shared/message';

const CODE = 'AADSTS50011';

export const unregisteredRedirect: WorkspaceRule = {
  meta: {
    id: 'unregistered-redirect',
    codes: [CODE],
    defaultSeverity: 'error',
    description: 'A redirect URI in a config that the app registration it signs in with does not list (AADSTS50011).',
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'Sign-in stops on an Entra error page: "AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application."',
      why: 'Entra sends the authorization response only to a redirect URI registered on the app. The comparison is exact: the path is case-sensitive, a trailing slash counts (except on a bare origin), and the port is ignored only for http://localhost — 127.0.0.1 and localhost are different hosts. The config and the registration (a manifest, Terraform, Bicep or AppCreationScripts file in the workspace) are linked by client id = appId.',
      howToFix:
        'Register the exact URI under the platform the app uses (Single-page application for MSAL.js in the browser, Web for server apps, Mobile and desktop for native apps), or change the config to a URI that is registered.',
      links: [
        { title: 'Redirect URI (reply URL) best practices and limitations', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' },
        { title: 'AADSTS error codes (50011)', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, workspace, report }) {
    for (const config of entraConfigs(file)) {
      const links = workspace.linkedRegistrations(config).filter(({ registration }) => describesRedirects(registration));
      if (!links.length) continue;
      // A registration whose own list is only partly known (templated) could hold the URI: say nothing.
      if (links.some(({ registration }) => registration.redirectUris.some((r) => r.partial))) continue;
      for (const uri of config.redirectUris) {
        if (!isJudgeableRedirect(uri)) continue;
        if (links.some(({ registration }) => registration.redirectUris.some((r) => redirectMatches(uri.value, r.value)))) continue;
        const platform = listPlatformFor(uri.platform === 'unknown' ? config.platform : uri.platform);
        // A script that sets only some platform lists says nothing about the others.
        if (links.some(({ registration }) => !showsListOf(registration, platform))) continue;
        const related: NonNullable<Report['related']> = [];
        let closest: { value: string; reason: string } | undefined;
        for (const { file: regFile, registration } of links) {
          const misses = registration.redirectUris
            .map((r) => ({ r, reason: nearMissReason(uri.value, r.value) }))
            .filter((m): m is { r: RedirectUri; reason: string } => m.reason !== undefined);
          for (const { r, reason } of misses) {
            closest ??= { value: r.value, reason };
            related.push({ file: regFile.path, range: r.range, message: `Registered as '${r.value}' (${r.platform}): ${reason}.` });
          }
          if (!misses.length) {
            related.push({
              file: regFile.path,
              range: registrationAnchor(registration),
              message: `App registration ${registrationName(registration)} lists ${registration.redirectUris.length} redirect URI(s), none of them '${uri.value}'.`,
            });
          }
        }
        const fixes: Fix[] = [];
        const edit = closest ? replaceValue(file, uri, closest.value) : undefined;
        if (closest && edit) fixes.push({ title: `Use the registered redirect URI '${closest.value}'`, unattended: false, edits: [edit] });
        if (platform) {
          for (const { file: regFile, registration } of links) {
            const fix = addRedirectFix(regFile, registration, uri.value, platform);
            if (fix) {
              fixes.push(fix);
              break;
            }
          }
        }
        const hint = closest ? ` The nearest registered URI is '${closest.value}': ${closest.reason}.` : '';
        const where = platform ? ` Register it under ${platformLabel(platform)}, or use a registered URI.` : ' Register it, or use a registered URI.';
        report({
          range: uri.range,
          message: closest
            ? `Redirect URI ${quote(uri.value, 48)} is not registered (${CODE}); did you mean ${quote(closest.value, 48)}?`
            : `Redirect URI ${quote(uri.value)} is not registered for this client id (${CODE}); register it.`,
          detail: `The app registration for client id '${config.clientId?.value}' does not list it, so sign-in fails with ${CODE}.${hint}${where}${fullValueNote(uri.value)}`,
          related,
          fixes,
        });
      }
    }
  },
};
