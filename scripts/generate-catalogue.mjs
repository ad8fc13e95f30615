// Generates src/core/aadsts/catalogue-data.ts from the verified AADSTS table, scripts/data/aadsts.tsv (facts:
// codes, names, sources; meanings and remedies in our own words). The table is committed so a fresh clone can
// regenerate the module; `npm run check:generated` does, and fails when the committed module differs.
//   npm run catalogue   (or: node scripts/generate-catalogue.mjs [path/to/aadsts.tsv])
// Corrections to the table (missing remedies, vague texts) live in OVERRIDES below, so regenerating keeps them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsvPath = resolve(process.argv[2] ?? join(root, 'scripts/data/aadsts.tsv'));
const outPath = join(root, 'src/core/aadsts/catalogue-data.ts');

/** The reference page version the table was taken from (its ms.date) and where it lives. */
const CAPTURED_ON = '2025-02-03';
const REFERENCE_URL = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const REFERENCE_REVISION = 'MicrosoftDocs/entra-docs docs/identity-platform/reference-error-codes.md @3164b3b5';

const PASSWORD_CHANGE_REMEDY =
  'The user retries the password change or reset; if it keeps failing, an admin checks the password policy and, for synced accounts, password writeback to on-premises AD.';
const CONTACT_ADMIN = 'Contact the tenant administrator; the cause is in the tenant or service configuration, not in the app.';
const DESKTOP_SSO =
  'Seamless SSO (Kerberos) failed; the user signs in with a password instead. An admin checks the Seamless SSO setup (computer account, intranet zone settings, time sync).';
const WS_FED = 'Contact the owner of the federation (WS-Federation) setup; the app cannot fix this.';
const NGC = 'The user sets up Windows Hello for Business again or signs in another way; an admin checks the device registration.';

/** code → corrected fields. Meanings and remedies are ours. */
const OVERRIDES = {
  50177: { remedy: 'Use a sign-in method other than pass-through authentication for these users, or remove the external challenge from the policy.' },
  50178: { remedy: 'Remove the session control from the policy for pass-through users, or use another sign-in method for them.' },
  51000: { remedy: CONTACT_ADMIN },
  54000: { remedy: 'The app cannot continue for this user until parental consent is given, or the user signs in with another account.' },
  67003: { remedy: 'Use a managed identity or service principal as the actor of the request.' },
  75001: { remedy: 'Check the SAML request the app sends (binding, encoding); capture a trace if it persists.' },
  80010: { remedy: 'An admin re-registers the pass-through authentication agent so it has a valid key.' },
  80012: { remedy: 'Sign in during the hours allowed for the account in on-premises AD, or ask an admin to change them.' },
  81004: { remedy: DESKTOP_SSO },
  81005: { remedy: DESKTOP_SSO },
  81006: { remedy: DESKTOP_SSO },
  81009: { remedy: DESKTOP_SSO },
  81010: { remedy: DESKTOP_SSO },
  81011: { remedy: DESKTOP_SSO },
  81012: { remedy: 'Sign in with the account that is signed in to the device, or turn off Seamless SSO for this case.' },
  90004: { remedy: 'Check the request the app sends (parameters, encoding); use a maintained library such as MSAL instead of hand-built requests.' },
  90007: { remedy: 'Start a fresh sign-in; do not send a modified session id.' },
  90010: { remedy: 'Use a supported signing or encryption algorithm; retry.' },
  90013: { remedy: 'Ask the user to correct the input and retry.' },
  90016: { remedy: 'Request the token so that it carries the claim the resource needs (check the requested scopes and optional claims).' },
  90022: { remedy: 'Send the principal name as name[/host][@realm].' },
  900384: { remedy: 'Sign the JWT with a key registered for the issuer; check that the key has not been rotated.' },
  90043: { remedy: CONTACT_ADMIN },
  900432: { remedy: 'Use a public client, or a client registered in the same cloud as the resource.' },
  90081: { remedy: WS_FED },
  90082: { remedy: WS_FED },
  90084: { remedy: 'Sign in with a member account; guest accounts cannot use this federation.' },
  90085: { remedy: 'Wait until the company object is provisioned, then retry.' },
  90086: { remedy: 'Sign in again to get a fresh token.' },
  90087: { remedy: WS_FED },
  90092: { remedy: 'Retry later; open a support ticket if it persists.' },
  90093: { remedy: 'Check that the user or app has the Graph permissions the request needs.' },
  900382: { remedy: 'Use a public client, or a client registered in the same cloud as the resource.' },
  90100: { remedy: 'Check the request for empty or invalid parameters (client id, authority, redirect URI, scopes).' },
  90101: { remedy: 'Ask the user to enter a valid email address.' },
  90107: { remedy: 'Remove invalid characters from the request; check its XML or encoding.' },
  90114: { remedy: 'Request a token expiry in the future.' },
  90117: { remedy: 'Check the request input; capture a trace if it persists.' },
  90119: { remedy: 'Send the user code shown by the device code flow.' },
  90120: { remedy: 'Start a new device code flow.' },
  90121: { remedy: 'Send a request with the required parameters.' },
  90123: { remedy: 'Contact the owner of the identity or claims provider.' },
  90125: { remedy: 'Check the user name; the user must exist in the tenant.' },
  90126: { remedy: 'Use a user name whose domain belongs to the tenant, or a tenant-specific authority.' },
  130004: { remedy: NGC },
  130005: { remedy: NGC },
  130006: { remedy: NGC },
  130007: { remedy: 'An admin re-enables the device, or the user signs in from another device.' },
  130008: { remedy: NGC },
  135010: { remedy: NGC },
  135011: { remedy: 'An admin re-enables the device, or the user signs in from another device.' },
  140000: { remedy: 'Send the nonce the request requires; start a fresh sign-in.' },
  140001: { remedy: 'Start a fresh sign-in; check the device registration.' },
  165004: { remedy: 'Read the exception message for details; retry.' },
  165900: { remedy: 'Check the request; capture a trace if it persists.' },
  220501: { remedy: 'An admin checks that the certificate revocation list (CRL) URL is reachable and valid.' },
  221000: { remedy: 'Request a user token, or have the resource owner allow device-only tokens.' },
  240001: { remedy: 'An admin allows the user to register devices.' },
  240002: { remedy: 'Use an access token, not an id_token, as the jwt-bearer assertion.' },
  1000000: { remedy: 'The user also signs in with the external identity provider to complete the binding.' },
  1000002: { remedy: 'Informational; show the user that the binding is complete.' },
  7000114: { remedy: 'Call on behalf of a user, or have an admin allow application on-behalf-of calls for the app.' },
  901011: { remedy: 'The user shares an email address with the app at the external provider, or signs in another way.' },
  901012: { remedy: 'The user verifies the email address at the external provider.' },
  901014: { remedy: 'Fix the external OIDC provider so its id_token carries a subject identifier.' },
  501481: { remedy: 'Send the code_verifier that produced the code_challenge of the same authorize request.' },
  50147: { meaning: 'The PKCE code_challenge parameter has an invalid size.' },
  120000: { meaning: 'Password change failed: the current password entered is wrong.' },
  120002: { meaning: 'Password change failed: the new password is too weak.' },
  120003: { meaning: 'Password change failed: the new password contains the user name.' },
  120004: { meaning: 'Password change failed: the new password does not meet the on-premises complexity policy.' },
  120005: { meaning: 'Password changed on-premises, but updating the cloud password failed.' },
  120008: { meaning: 'Password change was cancelled before it finished.' },
  120011: { meaning: 'Password change failed: the user principal name could not be determined.' },
  120012: { meaning: 'Password change must be done on-premises (writeback is not available for this account).' },
  120013: { meaning: 'Password change failed: on-premises connectivity (writeback) failed.' },
  120014: { meaning: 'Password change failed: the on-premises account is locked out or disabled.' },
  120015: { meaning: 'Password change failed: an on-premises AD administrator action is needed.' },
  120016: { meaning: 'Password change failed: self-service password reset could not find the user.' },
  120018: { meaning: 'Password change failed: the new password is too similar to a banned or previous password.' },
  120020: { meaning: 'Password change failed for an unspecified reason.' },
  120021: { meaning: 'Self-service password reset failed inside a partner service.' },
};
for (const code of [120000, 120002, 120003, 120004, 120005, 120008, 120011, 120012, 120013, 120014, 120015, 120016, 120018, 120020, 120021]) {
  OVERRIDES[code].remedy = PASSWORD_CHANGE_REMEDY;
}

function parseTsv(text) {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell.trim()])));
}

function sourceOf(row) {
  if (row.doc_status === 'in_reference_2025') {
    const oldName = row.source.includes('name from entra-docs @04f65548') ? ' (symbolic name from the 2024-04-24 version)' : '';
    return `${REFERENCE_URL}${oldName}`;
  }
  return row.source
    .split(';')
    .map((s) => s.trim().split(' ')[0])
    .join(' ; ');
}

const rows = parseTsv(readFileSync(tsvPath, 'utf8'));
const entries = rows.map((row) => {
  const number = Number(row.code);
  const fix = OVERRIDES[number] ?? {};
  const entry = {
    number,
    ...(row.name ? { name: row.name } : {}),
    meaning: fix.meaning ?? row.meaning_own_words,
    remedy: fix.remedy ?? row.remedy_own_words,
    configDetectable: row.config_detectable,
    ...(row.config_signal ? { configSignal: row.config_signal } : {}),
    docStatus: row.doc_status === 'in_reference_2025' ? 'in-reference' : 'not-in-reference',
    source: sourceOf(row),
  };
  for (const field of ['meaning', 'remedy']) if (!entry[field]) throw new Error(`row ${row.code}: empty ${field}`);
  if (!Number.isInteger(number)) throw new Error(`bad code ${row.code}`);
  return entry;
});
entries.sort((a, b) => a.number - b.number);

const body = entries.map((e) => `  ${JSON.stringify(e)},`).join('\n');
const module = `// GENERATED by scripts/generate-catalogue.mjs from the verified AADSTS table. Do not edit by hand:
// change the table or the OVERRIDES in the script and run it again.
import type { AadstsRecord } from './types';

/** The Microsoft reference page version (its ms.date) the catalogue was captured from. */
export const CAPTURED_ON = ${JSON.stringify(CAPTURED_ON)};
export const REFERENCE_URL = ${JSON.stringify(REFERENCE_URL)};
export const REFERENCE_REVISION = ${JSON.stringify(REFERENCE_REVISION)};

export const AADSTS_RECORDS: readonly AadstsRecord[] = [
${body}
];
`;
// An unchanged module is not rewritten, so its modification time still says when the table last changed.
if (existsSync(outPath) && readFileSync(outPath, 'utf8') === module) {
  console.log(`${relative(root, outPath)} is current (${entries.length} entries)`);
} else {
  writeFileSync(outPath, module);
  console.log(`wrote ${entries.length} entries to ${relative(root, outPath)}`);
}
