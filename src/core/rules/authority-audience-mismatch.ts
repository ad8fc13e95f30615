import { audienceOf, configAuthority, tenantRange, type AuthorityAudience } from '../entra/authority';
import { registrationAnchor, registrationName } from './shared/registration';
import type { AuthConfig, Fix, Range, SignInAudience } from '../model';
import type { WorkspaceIndex, IndexedRegistration } from '../engine/workspace';
import { entraConfigs, type WorkspaceRule } from './types';
import { quote } from './shared/message';

interface Mismatch {
  code: string;
  severity: 'error' | 'warning';
  explain: string;
  /** The tenant value that fits the registration, when one is known for sure. */
  replacement?: string;
  /** What to do when no replacement is known. */
  advice: string;
}

const SINGLE_TENANT_ADVICE = "Use the tenant id or domain of the app's directory, or make the app multi-tenant.";

const AUDIENCE_TEXT: Record<string, string> = {
  AzureADMyOrg: 'accounts in its own directory only',
  AzureADMultipleOrgs: 'work or school accounts only',
  AzureADandPersonalMicrosoftAccount: 'work, school and personal accounts',
  PersonalMicrosoftAccount: 'personal Microsoft accounts only',
};

export const authorityAudienceMismatch: WorkspaceRule = {
  meta: {
    id: 'authority-audience-mismatch',
    codes: ['AADSTS50194', 'AADSTS9002332', 'AADSTS500207'],
    defaultSeverity: 'error',
    description: "The authority's tenant (/common, /organizations, /consumers or a tenant) does not fit the app registration's signInAudience.",
    fixable: true,
    scope: 'workspace',
    providers: 'entra',
    docs: {
      impact:
        'Sign-in fails on an Entra error page, e.g. "AADSTS50194: Application is not configured as a multi-tenant application" for /common against a single-tenant app, or "AADSTS9002332: Application is configured for use by Microsoft Entra users only" for /consumers.',
      why: 'The tenant segment of the authority says who may sign in; signInAudience says who the app accepts. /common and /organizations ask for any organization, which a single-tenant app (AzureADMyOrg) refuses; /consumers asks for personal accounts, which work-or-school-only apps refuse; /organizations or a tenant asks for work accounts, which a personal-accounts-only app cannot serve.',
      howToFix:
        "Use an authority that fits the audience: the app's tenant (id or domain) for AzureADMyOrg, /organizations for AzureADMultipleOrgs, /consumers for PersonalMicrosoftAccount — or change signInAudience if the app really is for more users.",
      links: [
        {
          title: 'Application configuration options: authority and audience',
          url: 'https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration',
        },
        { title: 'AADSTS error codes', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, workspace, report }) {
    for (const config of entraConfigs(file)) {
      const authority = configAuthority(config);
      if (!authority || authority.info.kind !== 'entra' || !authority.info.audience) continue;
      const links = workspace.linkedRegistrations(config).filter((l) => l.registration.signInAudience);
      const audiences = new Set(links.map((l) => l.registration.signInAudience!.value));
      // Registrations with one appId that disagree with each other: nothing certain to say.
      if (audiences.size !== 1) continue;
      const signInAudience = [...audiences][0];
      const known = homeTenant(workspace, links, config);
      const mismatch = judge(authority.info.audience, signInAudience, known?.tenant);
      if (!mismatch) continue;
      const writtenTenant = tenantRange(config, file.text);
      const range = writtenTenant ?? authority.located.range;
      const fixes: Fix[] = [];
      if (mismatch.replacement && writtenTenant) {
        fixes.push({
          title: `Use '${mismatch.replacement}' as the tenant`,
          unattended: false,
          edits: [{ file: file.path, range, newText: mismatch.replacement }],
        });
      }
      const tenant = authority.info.tenant ?? '';
      report({
        range,
        severity: mismatch.severity,
        codes: [mismatch.code],
        message: `Tenant ${quote(tenant)} does not fit signInAudience '${signInAudience}' (${mismatch.code}); ${mismatch.replacement ? `use ${quote(mismatch.replacement)}` : "use the app's own tenant"}.`,
        detail: `The authority's tenant '${tenant}' ${mismatch.explain}, but the app registration accepts ${AUDIENCE_TEXT[signInAudience] ?? 'a narrower audience'}, so sign-in fails with ${mismatch.code}. ${mismatch.replacement ? `Use '${mismatch.replacement}'.` : mismatch.advice}`,
        related: [
          ...links.map(({ file: regFile, registration }) => ({
            file: regFile.path,
            range: registration.signInAudience?.range ?? registrationAnchor(registration),
            message: `signInAudience of app registration ${registrationName(registration)}.`,
          })),
          ...(known && mismatch.replacement === known.tenant ? [{ file: known.file, range: known.range, message: known.message }] : []),
        ],
        fixes,
      });
    }
  },
};

function judge(audience: AuthorityAudience, signInAudience: SignInAudience, homeTenant: string | undefined): Mismatch | undefined {
  if ((audience === 'common' || audience === 'organizations') && signInAudience === 'AzureADMyOrg') {
    return {
      code: 'AADSTS50194',
      severity: 'error',
      explain: 'asks for accounts from any organization',
      replacement: homeTenant,
      advice: SINGLE_TENANT_ADVICE,
    };
  }
  if (audience === 'consumers' && (signInAudience === 'AzureADMyOrg' || signInAudience === 'AzureADMultipleOrgs')) {
    return {
      code: 'AADSTS9002332',
      severity: 'error',
      explain: 'asks for personal Microsoft accounts',
      replacement: signInAudience === 'AzureADMultipleOrgs' ? 'organizations' : homeTenant,
      advice: SINGLE_TENANT_ADVICE,
    };
  }
  if ((audience === 'organizations' || audience === 'tenant') && signInAudience === 'PersonalMicrosoftAccount') {
    // The catalogue marks this pair as only partly detectable, hence a warning.
    return { code: 'AADSTS500207', severity: 'warning', explain: 'asks for work or school accounts', replacement: 'consumers', advice: '' };
  }
  return undefined;
}

interface KnownTenant {
  tenant: string;
  /** Where the workspace says it: the registration's publisherDomain or another config of the app. */
  file: string;
  range: Range;
  message: string;
}

/**
 * The app's home tenant when the workspace knows it: the registration's publisherDomain, else the tenant
 * the other configs of the same client id agree on. Two different candidates: unknown.
 */
function homeTenant(workspace: WorkspaceIndex, links: IndexedRegistration[], self: AuthConfig): KnownTenant | undefined {
  const fromRegistrations = new Map<string, KnownTenant>();
  for (const { file, registration } of links) {
    const tenant = registration.homeTenant;
    if (!tenant || audienceOf(tenant.value) !== 'tenant') continue;
    fromRegistrations.set(tenant.value.toLowerCase(), {
      tenant: tenant.value,
      file: file.path,
      range: tenant.range,
      message: `Home tenant domain (publisherDomain) of app registration ${registrationName(registration)}.`,
    });
  }
  if (fromRegistrations.size) return fromRegistrations.size === 1 ? [...fromRegistrations.values()][0] : undefined;
  const fromConfigs = new Map<string, KnownTenant>();
  for (const { registration } of links) {
    for (const { file, config } of workspace.linkedConfigs(registration)) {
      if (config === self) continue;
      const authority = configAuthority(config);
      const tenant = authority?.info.kind === 'entra' && authority.info.audience === 'tenant' ? authority.info.tenant : undefined;
      if (!authority || !tenant) continue;
      const key = tenant.toLowerCase();
      if (!fromConfigs.has(key)) {
        fromConfigs.set(key, {
          tenant,
          file: file.path,
          range: tenantRange(config, file.text) ?? authority.located.range,
          message: `Another config of this app signs in to tenant '${tenant}'.`,
        });
      }
    }
  }
  return fromConfigs.size === 1 ? [...fromConfigs.values()][0] : undefined;
}
