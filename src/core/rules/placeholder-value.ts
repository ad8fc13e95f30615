import type { Located } from '../model';
import { holdsPlaceholder } from '../entra/uri';
import { entraConfigs, redirectsOf, type FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

type Field = 'client id' | 'tenant' | 'authority' | 'redirect URI';
const CODES: Record<Field, string> = { 'client id': 'AADSTS700016', tenant: 'AADSTS90002', authority: 'AADSTS90002', 'redirect URI': 'AADSTS50011' };
const OUTCOME: Record<Field, string> = {
  'client id': 'the application is not found (AADSTS700016)',
  tenant: 'the tenant is not found (AADSTS90002)',
  authority: 'the tenant is not found (AADSTS90002)',
  'redirect URI': 'the redirect URI matches no registered one (AADSTS50011)',
};

export const placeholderValue: FileRule = {
  meta: {
    id: 'placeholder-value',
    codes: ['AADSTS700016', 'AADSTS90002', 'AADSTS50011'],
    defaultSeverity: 'error',
    description: 'A sample placeholder (Enter_the_Application_Id_Here, <your-tenant>, [REPLACE …]) left in a client id, tenant, authority or redirect URI.',
    fixable: false,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact:
        'Sign-in fails at once: with a placeholder client id the app is not found (AADSTS700016), with a placeholder tenant or authority the tenant is not found (AADSTS90002), and a placeholder redirect URI matches no registered one (AADSTS50011).',
      why: 'Samples and templates ship with marker text that must be replaced with the values of your own app registration. A missed one is easy to overlook because the app still builds and starts.',
      howToFix:
        'Open the app registration in the Entra admin center and copy the Application (client) ID, the Directory (tenant) ID and a registered redirect URI into the config. For an Android or iOS app, let the portal generate the redirect URI from the package name and signature hash, or the bundle id.',
      links: [
        { title: 'Register an application', url: 'https://learn.microsoft.com/entra/identity-platform/quickstart-register-app' },
        { title: 'AADSTS error codes', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, report }) {
    const flag = (located: Located<string> | undefined, field: Field, partial = false) => {
      if (!located || !holdsPlaceholder(located.value, partial)) return;
      report({
        range: located.range,
        codes: [CODES[field]],
        message: `The ${field} ${quote(located.value)} is a sample placeholder (${CODES[field]}); use your app registration's value.`,
        detail: `Left as it is, ${OUTCOME[field]}.${fullValueNote(located.value)}`,
      });
    };
    // A template's placeholders are replaced later (AppCreationScripts replaceTokens): there they are by design.
    const configs = entraConfigs(file).filter((config) => !config.template);
    for (const config of configs) {
      flag(config.clientId, 'client id');
      flag(config.tenant, 'tenant');
      flag(config.authority, 'authority');
    }
    for (const registration of file.registrations) flag(registration.appId, 'client id');
    for (const { uri, owner } of redirectsOf(file)) {
      if (owner.kind === 'config' && !configs.includes(owner)) continue;
      flag(uri, 'redirect URI', uri.partial === true);
    }
  },
};
