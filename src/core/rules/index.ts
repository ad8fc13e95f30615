import { customSchemeRedirect } from './custom-scheme-redirect';
import { fileSkipped } from './file-skipped';
import { parseError } from './parse-error';
import type { Rule } from './types';
import { urnRedirect } from './urn-redirect';
import { insecureHttpRedirect } from './insecure-http-redirect';
import { committedSecret } from './committed-secret';
import { wildcardRedirect } from './wildcard-redirect';
import { redirectUriFormat } from './redirect-uri-format';
import { loopbackRedirect } from './loopback-redirect';
import { placeholderValue } from './placeholder-value';
import { clientIdFormat } from './client-id-format';
import { duplicateRedirect } from './duplicate-redirect';
import { tooManyRedirects } from './too-many-redirects';
import { androidRedirectMismatch } from './android-redirect-mismatch';
import { iosUrlSchemeMissing } from './ios-url-scheme-missing';
import { unregisteredRedirect } from './unregistered-redirect';
import { spaRedirectOnWebPlatform } from './spa-redirect-on-web-platform';
import { publicClientRedirectOnWebPlatform } from './public-client-redirect-on-web-platform';
import { authorityAudienceMismatch } from './authority-audience-mismatch';
import { implicitGrantEnabled } from './implicit-grant-enabled';
import { untrustedAuthority } from './untrusted-authority';

/** The only list of rules. Docs pages, the README table, SARIF rules and settings are generated from it. */
export const RULES: Rule[] = [
  customSchemeRedirect,
  urnRedirect,
  insecureHttpRedirect,
  committedSecret,
  wildcardRedirect,
  redirectUriFormat,
  loopbackRedirect,
  placeholderValue,
  clientIdFormat,
  duplicateRedirect,
  tooManyRedirects,
  androidRedirectMismatch,
  iosUrlSchemeMissing,
  unregisteredRedirect,
  spaRedirectOnWebPlatform,
  publicClientRedirectOnWebPlatform,
  authorityAudienceMismatch,
  implicitGrantEnabled,
  untrustedAuthority,
  parseError,
  fileSkipped,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
