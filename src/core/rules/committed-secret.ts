import { maskSecret } from '../io/text';
import { isPlaceholder } from '../entra/uri';
import type { FileRule } from './types';
import { isExternalReference } from './shared/value-reference';
/** Sample text that is obviously not a real secret. */
const SAMPLE =
  /enter[_ ]?(the|your)|your[_ -]?(client[_ -]?)?secret|replace|change[_ -]?me|placeholder|todo|dummy|fake|sample|example|secret[_ -]?(value|here)|^x+$|^\*+$|^\.+$|^-+$/i;

/** Whether a ClientSecret value is a literal secret rather than a placeholder or a reference. */
export function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 8) return false;
  if (isPlaceholder(v) || isExternalReference(v) || SAMPLE.test(v)) return false;
  return true;
}

export const committedSecret: FileRule = {
  meta: {
    id: 'committed-secret',
    codes: [],
    defaultSeverity: 'error',
    description: 'A literal client secret is stored in a configuration file; anyone who can read the repository can act as the app.',
    fixable: false,
    scope: 'file',
    docs: {
      impact:
        'Anyone with read access to the repository, its forks, build logs or packages can request tokens as the application. Once found, the secret must be revoked, which breaks every deployment that still uses it.',
      why: 'A client secret is the password of a confidential client. In source control it is copied to every clone and stays in history after it is deleted from the file.',
      howToFix:
        'Revoke the secret in the app registration (Certificates & secrets) and create a new one. Keep the new value out of the repository: use user secrets or environment variables in development, and Key Vault, a managed identity or a certificate credential in production. Leave an empty value or a reference in the committed file. This rule never prints the secret, only its first characters.',
      links: [
        { title: 'Add credentials to an app registration', url: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials' },
        { title: 'Safe storage of app secrets in development (ASP.NET Core)', url: 'https://learn.microsoft.com/aspnet/core/security/app-secrets' },
      ],
    },
  },
  check({ file, report }) {
    for (const config of file.configs) {
      const secret = config.clientSecret;
      if (!secret || !isLiteralSecret(secret.value)) continue;
      report({
        range: secret.range,
        // Never the secret itself: only its masked form.
        message: `A literal client secret (${maskSecret(secret.value.trim())}) is committed here; revoke it and load a new one from a secret store.`,
        detail:
          'Anyone who can read the repository can act as the app. Revoke the secret in the app registration, create a new one and load it from user secrets, environment variables or Key Vault.',
      });
    }
  },
};
