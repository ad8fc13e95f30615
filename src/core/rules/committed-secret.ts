import { maskSecret } from '../io/text';
import { findSecrets, isLiteralSecret, looksLikeTestStandIn, type SecretHit } from '../secrets/detector';
import type { FileRule } from './types';
import { isTestFile } from './shared/test-file';

// Secrets are found by the shared detector (secrets/detector.ts) over the file's text, so every format
// and key spelling is covered alike; a secret a reader resolved through a constant is added from the model.
export { isLiteralSecret } from '../secrets/detector';

export const committedSecret: FileRule = {
  meta: {
    id: 'committed-secret',
    codes: [],
    defaultSeverity: 'error',
    description:
      'A literal client secret, certificate password or private key is stored in a configuration file; anyone who can read the repository can act as the app.',
    fixable: false,
    scope: 'file',
    providers: 'any',
    // A real-looking secret in a test is still a leak (stand-ins are not reported at all).
    testCodeSeverity: 'warning',
    docs: {
      impact:
        'Anyone with read access to the repository, its forks, build logs or packages can request tokens as the application. Once found, the secret must be revoked, which breaks every deployment that still uses it.',
      why: 'A client secret is the password of a confidential client. In source control it is copied to every clone and stays in history after it is deleted from the file. Not reported: placeholders and setting names, the `secret` of an MSAL token-cache entry (the cached token), and in a test file (by its name or its test framework) values typed as stand-ins, such as words joined by digits or a JWT-shaped token; a generated secret in a test is still reported.',
      howToFix:
        'Revoke the secret in the app registration (Certificates & secrets) and create a new one. Keep the new value out of the repository: use user secrets or environment variables in development, and Key Vault, a managed identity or a certificate credential in production. Leave an empty value or a reference in the committed file. This rule never prints the secret, only its first characters.',
      links: [
        { title: 'Add credentials to an app registration', url: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials' },
        { title: 'Safe storage of app secrets in development (ASP.NET Core)', url: 'https://learn.microsoft.com/aspnet/core/security/app-secrets' },
      ],
    },
  },
  check({ file, options, report }) {
    const hits: SecretHit[] = findSecrets(file.text);
    for (const config of file.configs) {
      const secret = config.clientSecret;
      if (!secret || !isLiteralSecret(secret.value)) continue;
      if (hits.some((h) => h.range.start < secret.range.end && secret.range.start < h.range.end)) continue;
      hits.push({ range: secret.range, value: secret.value, kind: 'client secret' });
    }
    // A token-cache entry's `secret` is the token it caches, not a credential of the app. A test's typed
    // stand-ins (`unBrEakaBle@123`, a JWT-shaped `header.eyJ….signature`) are test doubles; a generated
    // secret in a test is still a leak.
    if (!hits.length) return;
    // Read only now: the test-framework check scans the whole text.
    const test = isTestFile(file, options);
    const reported = hits.filter((hit) => hit.kind !== 'cached token' && !(test && hit.kind !== 'private key' && looksLikeTestStandIn(hit.value)));
    for (const hit of reported.sort((a, b) => a.range.start - b.range.start)) {
      const what = hit.kind === 'private key' ? 'private key' : hit.kind === 'certificate' ? 'certificate with its key' : hit.kind;
      report({
        range: hit.range,
        // Never the secret itself: only its masked form.
        message:
          hit.kind === 'client secret'
            ? `A literal client secret (${maskSecret(hit.value.trim())}) is committed here; revoke it and load a new one from a secret store.`
            : `A literal ${what} (${maskSecret(hit.value.trim())}) is committed here; replace the credential and load it from a secret store.`,
        detail:
          hit.kind === 'client secret'
            ? 'Anyone who can read the repository can act as the app. Revoke the secret in the app registration, create a new one and load it from user secrets, environment variables or Key Vault.'
            : 'Anyone who can read the repository can sign in as the app with this certificate. Replace the certificate credential in the app registration and load the new one from a certificate store or Key Vault.',
      });
    }
  },
};
