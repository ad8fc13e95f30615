import { AUTH_CODE_PKCE_LIBRARIES, registrationAnchor, registrationName } from './shared/registration';
import type { AppRegistration, Fix, Located, TextEdit } from '../model';
import { baseName } from '../io/paths';
import { setBooleanEdit } from '../fixes/registration-edit';
import { entraConfigs, type WorkspaceRule, type WorkspaceRuleContext } from './types';

const ID_TOKEN_CODE = 'AADSTS700054';
const ACCESS_TOKEN_CODE = 'AADSTS700051';

export const implicitGrantEnabled: WorkspaceRule = {
  meta: {
    id: 'implicit-grant-enabled',
    codes: [ID_TOKEN_CODE, ACCESS_TOKEN_CODE],
    defaultSeverity: 'warning',
    description:
      'Implicit grant switched on for an app whose configs all use the auth code flow with PKCE, or an implicit response_type that the registration does not allow (AADSTS700054).',
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        "Left on without need, the implicit grant lets anyone obtain tokens in the URL fragment for the app (tokens in browser history and logs). Switched off while a config still asks for response_type id_token, sign-in fails with \"AADSTS700054: response_type 'id_token' is not enabled for the application\" (AADSTS700051 for 'token').",
      why: 'MSAL.js 2 and later (msal-browser, msal-react, msal-angular, msal-node) use the authorization code flow with PKCE and never need implicit token issuance. Implicit issuance (web.implicitGrantSettings, oauth2AllowImplicitFlow / oauth2AllowIdTokenImplicitFlow) is only for old libraries and hybrid OpenID Connect middleware that request id_token or token directly.',
      howToFix:
        'Turn off access and ID token issuance under Implicit grant when every client uses MSAL 2+. If a config sends response_type id_token (or code id_token), either switch it to the code flow or turn on ID token issuance.',
      links: [
        {
          title: 'Microsoft identity platform and OAuth 2.0 implicit grant flow',
          url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow',
        },
        {
          title: 'Migrate a JavaScript single-page app from implicit grant to auth code flow',
          url: 'https://learn.microsoft.com/entra/identity-platform/migrate-spa-implicit-to-auth-code',
        },
      ],
    },
  },
  check(context) {
    checkRegistrations(context);
    checkResponseTypes(context);
  },
};

/** Implicit issuance on in a registration whose every linked config uses the code flow with PKCE. */
function checkRegistrations({ file, workspace, report }: WorkspaceRuleContext): void {
  for (const registration of file.registrations) {
    const flags = enabledFlags(registration);
    if (!flags.length) continue;
    const configs = workspace.linkedConfigs(registration);
    if (!configs.length || !configs.every(({ config }) => AUTH_CODE_PKCE_LIBRARIES.includes(config.library))) continue;
    const libraries = [...new Set(configs.map(({ config }) => config.library))].join(', ');
    const edits = flags.map((f) => setBooleanEdit(file, f.flag.range, false)).filter((e): e is TextEdit => e !== undefined);
    const fixes: Fix[] = edits.length === flags.length ? [{ title: 'Turn off implicit token issuance', unattended: false, edits }] : [];
    for (const { flag, what } of flags) {
      report({
        range: flag.range,
        codes: [],
        message: `Implicit ${what} issuance is on, but every config of this app uses the code flow with PKCE; turn it off.`,
        detail: `The configs (${libraries}) never need it, and tokens issued through the implicit grant can leak in URLs.`,
        related: configs.map(({ file: configFile, config }) => ({
          file: configFile.path,
          range: config.clientId?.range ?? config.range,
          message: `Config (${config.library}) of this app.`,
        })),
        fixes,
      });
    }
  }
}

function enabledFlags(registration: AppRegistration): { flag: Located<boolean>; what: string }[] {
  const flags: { flag: Located<boolean>; what: string }[] = [];
  if (registration.implicitAccessToken?.value) flags.push({ flag: registration.implicitAccessToken, what: 'access token' });
  if (registration.implicitIdToken?.value) flags.push({ flag: registration.implicitIdToken, what: 'ID token' });
  return flags;
}

/** A config asking for id_token / token in the front channel while the registration does not issue it. */
function checkResponseTypes({ file, workspace, report }: WorkspaceRuleContext): void {
  for (const config of entraConfigs(file)) {
    const responseType = config.responseType;
    if (!responseType) continue;
    const parts = responseType.value.toLowerCase().split(/[\s+,]+/);
    const links = workspace.linkedRegistrations(config);
    if (!links.length) continue;
    const wants: { key: 'implicitIdToken' | 'implicitAccessToken'; code: string; what: string; type: string }[] = [];
    if (parts.includes('id_token')) wants.push({ key: 'implicitIdToken', code: ID_TOKEN_CODE, what: 'ID token', type: 'id_token' });
    if (parts.includes('token')) wants.push({ key: 'implicitAccessToken', code: ACCESS_TOKEN_CODE, what: 'access token', type: 'token' });
    for (const want of wants) {
      // Judge only registrations that state the setting; one that allows it is enough.
      const stated = links.filter(({ registration }) => registration[want.key] !== undefined);
      if (!stated.length || stated.some(({ registration }) => registration[want.key]!.value)) continue;
      const fixes: Fix[] = [];
      const first = stated[0];
      const edit = setBooleanEdit(first.file, first.registration[want.key]!.range, true);
      if (edit) fixes.push({ title: `Turn on implicit ${want.what} issuance in ${baseName(first.file.path)}`, unattended: false, edits: [edit] });
      report({
        range: responseType.range,
        codes: [want.code],
        severity: 'error',
        message: `response_type '${responseType.value}' needs implicit ${want.what} issuance, which the registration has off (${want.code}).`,
        detail: `It asks for an ${want.what} from the authorize endpoint, but the app registration does not allow implicit ${want.what} issuance, so sign-in fails with ${want.code}. Use the code flow (MSAL 2+) or turn the setting on.`,
        related: stated.map(({ file: regFile, registration }) => ({
          file: regFile.path,
          range: registration[want.key]?.range ?? registrationAnchor(registration),
          message: `Implicit ${want.what} issuance is off in app registration ${registrationName(registration)}.`,
        })),
        fixes,
      });
    }
  }
}
