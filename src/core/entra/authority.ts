import { AzureCloudInstance, ClientConfigurationErrorCodes } from '@azure/msal-node';
import type { AuthConfig, Located, Range } from '../model';
import { GUID, isPlaceholder } from './uri';

// Reading an authority the way MSAL does: instance host, tenant segment and the kind of authority
// (Entra ID, B2C, External ID/CIAM, ADFS, or some other host). The msal error codes and the cloud hosts
// are @azure/msal-node's exported constants, so they are the strings a msal-node app really throws.

/** msal's error codes for the authority problems we predict (e.g. `untrusted_authority`). */
export const MSAL_ERROR = {
  untrustedAuthority: ClientConfigurationErrorCodes.untrustedAuthority,
  authorityUriInsecure: ClientConfigurationErrorCodes.authorityUriInsecure,
} as const;

/** Hosts of the national clouds msal knows (AzureCloudInstance), lower-cased. */
export const CLOUD_HOSTS: readonly string[] = (Object.values(AzureCloudInstance) as string[])
  .filter((value) => value.startsWith('https://'))
  .map((value) => value.slice('https://'.length).replace(/\/.*$/, '').toLowerCase());

const PUBLIC_CLOUD_HOST = new URL(AzureCloudInstance.AzurePublic).host;

/**
 * Entra ID host names msal resolves from its built-in instance metadata (not in msal-node's AzureCloudInstance),
 * and Microsoft's pre-production cloud, which newer msal-common lists as AzureCloudInstance.AzurePpe.
 */
const ENTRA_ALIASES = ['login.microsoft.com', 'login.windows.net', 'sts.windows.net', 'login.partner.microsoftonline.cn', 'login.windows-ppe.net'];

/** The tenant id Entra uses for personal Microsoft accounts; as a tenant it means the same as /consumers. */
const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

export type AuthorityKind = 'entra' | 'b2c' | 'ciam' | 'adfs' | 'other';
/** Who the authority lets sign in: a multi-tenant alias or one tenant. */
export type AuthorityAudience = 'common' | 'organizations' | 'consumers' | 'tenant';

export interface AuthorityInfo {
  scheme: string;
  /** Host (and port) lower-cased. */
  host: string;
  kind: AuthorityKind;
  /** The first path segment (or the config's separate tenant value), as written. */
  tenant?: string;
  audience?: AuthorityAudience;
}

function isKnownEntraHost(host: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  return CLOUD_HOSTS.includes(bare) || ENTRA_ALIASES.includes(bare) || /^login\.microsoftonline\.[a-z.]+$/.test(bare);
}

/** Whether a value is only partly known (template, variable, sample placeholder): judged by no rule. */
export function isUnresolved(value: string): boolean {
  return /\$\{|\{\{|\{[A-Za-z_]+\}|<[^>]*>|process\.env/.test(value) || isPlaceholder(value) || /enter_the_/i.test(value);
}

export function audienceOf(tenant: string | undefined): AuthorityAudience | undefined {
  if (!tenant || isUnresolved(tenant)) return undefined;
  const t = tenant.trim().toLowerCase();
  if (t === 'common' || t === 'organizations' || t === 'consumers') return t;
  if (t === CONSUMERS_TENANT_ID) return 'consumers';
  if (GUID.test(t) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(t)) return 'tenant';
  return undefined;
}

/** Reads an absolute authority URL; undefined when it is not one or is only partly known. */
export function parseAuthority(value: string): AuthorityInfo | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#\s]+)([^?#\s]*)/.exec(value);
  if (!match || isUnresolved(value)) return undefined;
  const scheme = match[1].toLowerCase();
  const host = match[2].toLowerCase();
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(host) || !host.includes('.')) return undefined;
  const segments = match[3].split('/').filter(Boolean);
  const first = segments[0];
  let kind = kindOf(host, segments);
  // B2C's policy as a query parameter (`…/v2.0/.well-known/openid-configuration?p=B2C_1_SUSI`), which Entra ID has no use for.
  if (kind === 'entra' && /[?&]p=/i.test(value)) kind = 'b2c';
  const info: AuthorityInfo = { scheme, host, kind };
  if (first && first.toLowerCase() !== 'tfp' && first.toLowerCase() !== 'adfs') {
    info.tenant = first;
    info.audience = audienceOf(first);
  }
  return info;
}

function kindOf(host: string, segments: string[]): AuthorityKind {
  const lower = segments.map((s) => s.toLowerCase());
  if (host.endsWith('.b2clogin.com') || lower[0] === 'tfp' || lower.some((s) => s.startsWith('b2c_1'))) return 'b2c';
  if (host.endsWith('.ciamlogin.com')) return 'ciam';
  if (lower[0] === 'adfs') return 'adfs';
  return isKnownEntraHost(host) ? 'entra' : 'other';
}

/**
 * The authority a config signs in with: its `authority` URL, or its instance plus tenant (appsettings
 * `Instance` + `TenantId`). A separate tenant value wins over the URL's segment, as in Microsoft.Identity.Web.
 * `located` is the text to anchor findings to.
 */
export function configAuthority(config: AuthConfig): { info: AuthorityInfo; located: Located<string> } | undefined {
  const located = config.authority ?? config.instance;
  if (!located) {
    // A tenant alone (`WithTenantId`, an Android audience's tenant_id): MSAL's default instance is the public cloud.
    const tenant = config.tenant;
    if (!tenant || isUnresolved(tenant.value)) return undefined;
    return { info: { scheme: 'https', host: PUBLIC_CLOUD_HOST, kind: 'entra', tenant: tenant.value, audience: audienceOf(tenant.value) }, located: tenant };
  }
  const info = parseAuthority(located.value);
  if (!info) return undefined;
  if (config.tenant && !isUnresolved(config.tenant.value)) {
    info.tenant = config.tenant.value;
    info.audience = audienceOf(config.tenant.value);
  }
  return { info, located };
}

/**
 * Where the tenant of a config is written, for a fix that replaces it: the separate tenant value, or the
 * tenant segment inside the authority when the text holds the value verbatim.
 */
export function tenantRange(config: AuthConfig, text: string): Range | undefined {
  if (config.tenant && text.slice(config.tenant.range.start, config.tenant.range.end) === config.tenant.value) return config.tenant.range;
  const authority = config.authority;
  if (!authority || text.slice(authority.range.start, authority.range.end) !== authority.value) return undefined;
  const match = /^\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]+\/([^/?#\s]+)/.exec(authority.value);
  if (!match) return undefined;
  const start = authority.range.start + match[0].length - match[1].length;
  return { start, end: start + match[1].length };
}

/** Whether `host` appears in msal's `knownAuthorities` (entries may be hosts or URLs, as msal accepts). */
export function inKnownAuthorities(host: string, known: string[] | undefined): boolean {
  if (!known) return false;
  return known.some((entry) => {
    const e = entry.trim().toLowerCase();
    const entryHost = /^[a-z][a-z0-9+.-]*:\/\//.test(e) ? e.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '') : e.replace(/\/.*$/, '');
    return entryHost === host;
  });
}
