// A value that names where the real one is kept — an environment variable, a pipeline or template token,
// a Key Vault reference — is not the literal a rule would judge (a secret, a client id).

const REFERENCE =
  /^\s*(\$\{[^}]*\}|\$\([^)]*\)|\$[A-Z_][A-Z0-9_]*|%[^%]+%|#\{[^}]*\}#?|\{\{[^}]*\}\}|@Microsoft\.KeyVault\(|env:|process\.env|vault:|secret:|kv:)/i;

/** Whether a value starts as a reference to one supplied elsewhere (`${CLIENT_ID}`, `#{Secret}#`, `@Microsoft.KeyVault(…)`). */
export function isExternalReference(value: string): boolean {
  return REFERENCE.test(value);
}
