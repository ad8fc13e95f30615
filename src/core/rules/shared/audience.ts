import type { AppRegistration, AuthConfig, RedirectUri } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';

// Shared judgements of the redirect URI rules: who can sign in, and what part of a value is known.

const PERSONAL_AUDIENCES = ['azureadandpersonalmicrosoftaccount', 'personalmicrosoftaccount'];

/** Whether the registration's signInAudience lets personal Microsoft accounts sign in. */
export function registrationIncludesPersonal(registration: AppRegistration): boolean {
  const audience = registration.signInAudience?.value.trim().toLowerCase();
  return audience !== undefined && PERSONAL_AUDIENCES.includes(audience);
}

/**
 * Whether personal Microsoft accounts are in the audience of a registration, or of a config: through the
 * registration of its client id in the workspace, or a `/consumers` authority.
 */
export function includesPersonalAccounts(owner: AuthConfig | AppRegistration, workspace: WorkspaceIndex): boolean {
  if (owner.kind === 'registration') return registrationIncludesPersonal(owner);
  if (workspace.registrationsFor(owner.clientId?.value).some(({ registration }) => registrationIncludesPersonal(registration))) return true;
  const tenant = owner.tenant?.value ?? owner.authority?.value ?? '';
  return /(^|\/)consumers\/?$/i.test(tenant.trim());
}

/** Template pieces a format keeps in a partial value (`${x}`, `$(X)`, `{x}`, `{{x}}`). */
const TEMPLATE_PIECE = /\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|\{[^{}]*\}/g;

/** The statically known text of a redirect: the value with the unknown pieces of a partial one removed. */
export function knownText(uri: RedirectUri): string {
  return uri.partial ? uri.value.replace(TEMPLATE_PIECE, '') : uri.value;
}

/** Whether a host name is known statically (no template piece in it). */
export function isKnownHost(host: string | undefined): host is string {
  return host !== undefined && host.length > 0 && !/[{}$()]/.test(host);
}
