import type { Range } from '../model';
import { isPlaceholder } from '../entra/uri';
import { isExternalReference } from '../rules/shared/value-reference';
import { maskSecret } from '../io/text';

// The one secret detector: the committed-secret rule reports what it finds, and every output path (the
// CLI's messages, the --fix-dry-run diff) masks what it finds. It reads the text, not a format's model,
// so it sees every spelling in every format alike:
//   - a key whose name ends in ClientSecret, client_secret, CLIENT_SECRET, Secret, CertificatePassword,
//     Base64EncodedValue or PrivateKey, with any prefix (`AzureAd:ClientSecret`, `APP_CLIENT_SECRET`,
//     `ida:ClientSecret`), given a value by `:`, `=`, `=>`, `<key>…</key><string>`, `key="…" value="…"`
//     or a `WithClientSecret(…)` call; the value quoted (escapes decoded) or bare (.env), or the literal
//     after `??` / `||` in a C# or JS fallback;
//   - a PEM private key block (`-----BEGIN … PRIVATE KEY-----`), also inside a JSON string;
//   - the shape of an Entra client secret (`xxx8Q~` and 31–34 more characters) under any key.
// Values that are placeholders, references (`${…}`, `@Microsoft.KeyVault(…)`) or samples are not secrets.

export interface SecretHit {
  /** The secret's range in the text (inside the quotes). */
  range: Range;
  /** The value (escapes decoded). */
  value: string;
  /**
   * What it is, for messages: "client secret", "certificate password", "private key"; a `cached token` is
   * the `secret` of an MSAL token-cache entry (the token itself, masked in output but no client secret).
   */
  kind: 'client secret' | 'certificate password' | 'certificate' | 'private key' | 'cached token';
}

/** Sample text that is obviously not a real secret. */
const SAMPLE =
  /enter[_ ]?(the|your)|your[_ -]?([a-z]+[_ -])?(client[_ -]?)?(secret|password)|replace|change[_ -]?me|placeholder|todo|dummy|fake|sample|example|secret[_ -]?(value|here)|^x+$|^\*+$|^\.+$|^-+$|^<.*>$/i;

/** Whether a value is a literal secret rather than a placeholder, a reference or a sample. */
export function isLiteralSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || /\s/.test(v)) return false;
  if (isPlaceholder(v) || isExternalReference(v) || SAMPLE.test(v)) return false;
  // A name that names a secret is a label or a reference, not a secret: `kTestClientSecret = @"ClientSecret"`,
  // `clientSecret: clientSecret` (an argument label and the parameter it passes on, as in openid/AppAuth-iOS
  // Examples/*\/AppAuthExampleViewController).
  if (/^[A-Za-z_][\w-]*$/.test(v) && kindOfKey(v) !== undefined) return false;
  // A template, not a value: an interpolation.
  if (/\$\{|\{\{/.test(v)) return false;
  return !looksLikeDummy(v);
}

/** Words of test doubles, sample values and setting names; `leet` spellings (`topSeCr3t`) are read as letters first. */
const DUMMY_WORDS =
  /secret|passw(or)?d|client|token|access|app|key|value|test|dummy|fake|mock|stub|sample|example|demo|default|bad|wrong|invalid|foo|bar|baz|qwerty|abcd|1234|^the|^my|^some|this|is/gi;

/**
 * A value a person typed as a stand-in, not a generated credential (issue 16: `"ClientSecret"`,
 * `"the_secret"`, `"1234_abcd"`, `"M365_CLIENT_SECRET"`): the name of a setting or environment variable
 * (`CLIENT_SECRET`, `__ADMIN_CLIENT_SECRET__`, `clientSecret`), or a value with too little randomness left
 * once its dummy words are taken out (Entra secrets are 40 random characters; older ones 32–44 of base64).
 * A person's password with a random part (`Pfx-Pa55w0rd-Lk2Vb8Tq4W`) keeps enough to count as a secret.
 */
export function looksLikeDummy(value: string): boolean {
  if (/^_*[A-Z][A-Z0-9]*(_+[A-Z0-9]+)+_*$/.test(value)) return true;
  if (/^[\w.-]+$/.test(value) && kindOfKey(value) !== undefined) return true;
  const letters = value.toLowerCase().replace(/[013457@$]/g, (c) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' })[c] ?? c);
  const rest = value.replace(DUMMY_WORDS, '').replace(/[\W_]+/g, '');
  const restOfLetters = letters.replace(DUMMY_WORDS, '').replace(/[\W_]+/g, '');
  return Math.min(entropyBits(rest), entropyBits(restOfLetters)) < 36;
}

/** A JWT (or a test's JWT-shaped stand-in `header.eyJ….signature`): a token, never a client secret. */
const JWT_SHAPED = /^(?:eyJ[\w-]*|[a-z]+)\.eyJ[\w-]+\.[\w-]*$/i;

/**
 * A value a test typed as a stand-in for a secret: a JWT-shaped token, or words joined by `_`, `@`, `-`,
 * `.` or digits (`unBrEakaBle@123` in pnp/cli-microsoft365 src/m365/commands/login.spec.ts,
 * `obo_at_B_injected` in MSAL.NET's tests). Every letter run of a word has a vowel and no four consonants in
 * a row, and vowels make up a third of its letters; a generated secret's runs rarely do (about 1 in 80 random
 * 24-character values of letters and digits pass, 1 in 2,000 of 40), and an Entra secret (`…8Q~…`) never does.
 * Only for test code: in product code a person's chosen password is still a secret.
 */
export function looksLikeTestStandIn(value: string): boolean {
  const v = value.trim();
  if (JWT_SHAPED.test(v)) return true;
  if (v.length > 64 || !/^[A-Za-z0-9_@.!#$-]+$/.test(v)) return false;
  // A few words of several letters each; a generated value breaks into many short runs.
  const words = v.match(/[A-Za-z]+/g) ?? [];
  const letters = words.join('').length;
  if (!words.length || words.length > 5 || letters / words.length < 3 || words.filter((w) => w.length === 1).length > 1) return false;
  const vowelsOf = (w: string) => (w.match(/[aeiouy]/gi) ?? []).length;
  const wordLike = (w: string) => w.length === 1 || (vowelsOf(w) / w.length >= 0.3 && !/[^aeiouy]{4}/i.test(w));
  const digitRuns = v.match(/\d+/g) ?? [];
  return words.every(wordLike) && digitRuns.every((d) => d.length <= 4);
}

/** The value's length times its Shannon entropy per character: how many bits of randomness it could hold. */
function entropyBits(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / value.length) * Math.log2(n / value.length);
  return perChar * value.length;
}

/** Secret key names, compared in lower case with `_`, `-`, `.` and spaces removed; a prefix before is allowed. */
const KEY_KINDS: [RegExp, SecretHit['kind']][] = [
  [/clientsecret$|^secret$|appsecret$|clientsecretvalue$/, 'client secret'],
  [/(certificate|cert|pfx)password$/, 'certificate password'],
  [/base64encodedvalue$/, 'certificate'],
  [/privatekey$/, 'private key'],
];

function kindOfKey(key: string): SecretHit['kind'] | undefined {
  const normalized = key.toLowerCase().replace(/[_\-.\s]/g, '');
  const last = normalized.slice(normalized.lastIndexOf(':') + 1);
  for (const [pattern, kind] of KEY_KINDS) if (pattern.test(last)) return kind;
  return undefined;
}

/** A key and what follows it: `"Key": `, `Key = `, `key: `, `KEY=`, `Key => `. Keys are bounded (linear scan). */
const ASSIGNMENT = /(["'`]?)([A-Za-z_@][\w.:@-]{0,120})\1[ \t]*(?::|=>|=(?!=))[ \t]*/g;
const CALL = /\bWith(ClientSecret|CertificatePassword)\s*\(\s*/g;
const PLIST_KEY = /<key>\s*([\w.:-]{1,120})\s*<\/key>\s*<string>([^<]{0,4096})<\/string>/g;
const ADD_KEY = /\bkey\s*=\s*["']([\w.:-]{1,120})["']\s+value\s*=\s*(["'])/g;
const PEM = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY-----/g;
const PEM_BODY = /[A-Za-z0-9+/]{12}/;
const ENTRA_SHAPE = /(?<![\w~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g;

/** Most hits reported per text (a generated file of thousands of keys still costs little). */
const MAX_HITS = 1000;

/** Every secret in `text`, in order, without overlaps. Linear in the text. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const add = (hit: SecretHit | undefined) => {
    if (hit && hits.length < MAX_HITS && isLiteralSecret(hit.value)) hits.push(hit);
  };
  if (/secret|password|base64encoded|privatekey|private_key|private-key/i.test(text)) {
    for (const match of assignmentsOnSecretLines(text)) {
      let kind = kindOfKey(match[2]);
      if (kind && inUrlQuery(text, match.index!)) continue;
      if (kind === 'client secret' && /^["'`]?secret$/i.test(match[2]) && inTokenCacheEntry(text, match.index!)) kind = 'cached token';
      // A quoted key (`"secret": x`) is JSON or code: a value without quotes after it is a name, not text.
      if (kind) add(valueAt(text, match.index! + match[0].length, kind, match[1] !== ''));
    }
    // Each scan below runs only when the literal it starts with is in the text (a substring search is far
    // cheaper than a regex over a large file).
    if (text.includes('With'))
      for (const match of text.matchAll(CALL))
        add(valueAt(text, match.index! + match[0].length, match[1] === 'ClientSecret' ? 'client secret' : 'certificate password'));
    for (const match of text.includes('<key>') ? text.matchAll(PLIST_KEY) : []) {
      const kind = kindOfKey(match[1]);
      if (!kind) continue;
      const start = match.index! + match[0].lastIndexOf('<string>') + '<string>'.length;
      add({ range: { start, end: start + match[2].length }, value: match[2].trim(), kind });
    }
    for (const match of text.includes('value') ? text.matchAll(ADD_KEY) : []) {
      const kind = kindOfKey(match[1]);
      if (kind) add(valueAt(text, match.index! + match[0].length - 1, kind));
    }
  }
  if (text.includes('PRIVATE KEY-----')) {
    for (const match of text.matchAll(PEM)) {
      const start = match.index!;
      const endMarker = text.indexOf('-----END', start + match[0].length);
      // Without its END line within a key's length it is prose about PEM (a docstring), not a key.
      if (endMarker < 0 || endMarker - start > 8192) continue;
      // A key has a base64 body; `-----BEGIN PRIVATE KEY----- ... -----END` in a doc comment has none.
      if (!PEM_BODY.test(text.slice(start + match[0].length, endMarker))) continue;
      const close = text.indexOf('-----', endMarker + 8);
      const end = close < 0 ? Math.min(text.length, endMarker + 8) : close + 5;
      if (hits.length < MAX_HITS) hits.push({ range: { start, end }, value: text.slice(start, end), kind: 'private key' });
    }
  }
  if (text.includes('Q~'))
    for (const match of text.matchAll(ENTRA_SHAPE))
      add({ range: { start: match.index!, end: match.index! + match[0].length }, value: match[0], kind: 'client secret' });
  hits.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const result: SecretHit[] = [];
  for (const hit of hits) if (!result.length || hit.range.start >= result[result.length - 1].range.end) result.push(hit);
  return result;
}

/** A word every secret key holds (see KEY_KINDS): the lines without one cannot assign a secret. */
const SECRET_WORD = /secret|password|encoded|private/gi;

/**
 * The ASSIGNMENT matches on the lines that hold a secret word, in order. A match never crosses a line
 * break (neither the key nor the spaces around the operator take one), so this finds the same matches as
 * scanning the whole text, without the cost of every `x = …` in a large source file.
 */
function* assignmentsOnSecretLines(text: string): Generator<RegExpExecArray> {
  SECRET_WORD.lastIndex = 0;
  for (let word = SECRET_WORD.exec(text); word; word = SECRET_WORD.exec(text)) {
    const lineStart = text.lastIndexOf('\n', word.index) + 1;
    const newline = text.indexOf('\n', word.index);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    ASSIGNMENT.lastIndex = 0;
    for (let match = ASSIGNMENT.exec(line); match; match = ASSIGNMENT.exec(line)) {
      match.index += lineStart;
      yield match;
    }
    SECRET_WORD.lastIndex = lineEnd;
  }
}

/**
 * Fields of an MSAL token-cache entry (msal-common CredentialEntity / IdTokenEntity, MSAL.NET
 * MsalAccessTokenCacheItem, the serialized cache's snake_case keys): its `secret` is the token it caches.
 */
const CACHE_ENTRY_FIELD =
  /\b(credential_?type|home_?account_?id|cached_?at|expires_?on|extended_?expires_?on|family_?id|obo_?cache_?key|preferred_?cache_?env|raw_?client_?info|token_?type|realm)["']?\s*[:=]/gi;
/** How far the object around a key is looked for, each way (a cache entry spans a few lines). */
const ENTRY_REACH = 2000;

/**
 * Whether the key at `at` sits in an object, call or list that holds at least two other fields of a
 * token-cache entry (`{ homeAccountId, credentialType: "IdToken", secret: "header.eyJ….signature" }` in
 * AzureAD/microsoft-authentication-library-for-js lib/msal-common/test/cache/entities/cacheConstants.ts,
 * `new MsalAccessTokenCacheItem(…, secret: "…", cachedAt: …)` in MSAL.NET's tests). Bounded both ways.
 */
function inTokenCacheEntry(text: string, at: number): boolean {
  const closers: Record<string, string> = { '}': '{', ')': '(', ']': '[' };
  let depth = 0;
  let start = -1;
  for (let i = at - 1; i >= Math.max(0, at - ENTRY_REACH); i--) {
    const c = text[i];
    if (c in closers) depth++;
    else if (c === '{' || c === '(' || c === '[') {
      if (depth === 0) {
        start = i;
        break;
      }
      depth--;
    }
  }
  if (start < 0) return false;
  const open = text[start];
  let end = Math.min(text.length, at + ENTRY_REACH);
  depth = 0;
  for (let i = at; i < end; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c in closers) {
      if (depth === 0) {
        if (closers[c] === open) end = i;
        break;
      }
      depth--;
    }
  }
  const fields = new Set<string>();
  for (const match of text.slice(start, end).matchAll(CACHE_ENTRY_FIELD)) fields.add(match[1].toLowerCase().replace(/_/g, ''));
  return fields.size >= 2;
}

/**
 * Whether the key at `at` is a query parameter of a URL (`https://aka.ms/GetLabSecret?Secret=msidlabXYZ` in
 * AzureAD/microsoft-authentication-library-for-python tests/test_e2e.py): a link that names a secret, not a
 * value (a real secret of Entra's shape is still found by its shape).
 */
function inUrlQuery(text: string, at: number): boolean {
  if (text[at - 1] !== '?' && text[at - 1] !== '&') return false;
  // The word the key ends (bounded: a URL is short), from the last space or quote before it.
  const window = text.slice(Math.max(0, at - 2048), at);
  const word = window.slice(Math.max(...[' ', '\t', '\n', '\r', '"', "'", '`'].map((c) => window.lastIndexOf(c))) + 1);
  return /[a-z]:\/\//i.test(word);
}

/** The literal value that starts at `at`: quoted, bare to the end of the line, or the literal after `??` / `||`. */
function valueAt(text: string, at: number, kind: SecretHit['kind'], quotedKey = false): SecretHit | undefined {
  const quote = text[at];
  if (quote === '"' || quote === "'" || quote === '`') return quoted(text, at, kind);
  if (quote === '@' && text[at + 1] === '"') return quoted(text, at + 1, kind);
  // An expression: look along the rest of the line for a fallback literal (`config["X"] ?? "secret"`).
  const lineEnd = endOfLine(text, at, 400);
  const line = text.slice(at, lineEnd);
  const fallback = /(\?\?|\|\|)\s*@?(["'`])/.exec(line);
  if (fallback) return quoted(text, at + fallback.index + fallback[0].length - 1, kind);
  // A bare value (.env, YAML, ini): to the end of the line or a comment, without trailing spaces.
  if (/^[A-Za-z_$][\w$]*\s*[.([]/.test(line) || /^(true|false|null|undefined|new)\b/.test(line)) return undefined;
  if (quotedKey) return undefined;
  const bare = /^[^\s#;,}\]]+/.exec(line);
  if (!bare || isCodeReference(bare[0])) return undefined;
  // A command with arguments (`$secret = Add-MgApplicationPassword -ApplicationId $app.Id`) is code too.
  if (/^[ \t]+[^\s#;]/.test(line.slice(bare[0].length))) return undefined;
  return { range: { start: at, end: at + bare[0].length }, value: bare[0], kind };
}

/**
 * Whether a bare value is code rather than a literal: a member access or a call (`config.Secret`,
 * `GetSecret()`, `response?.clientSecret)`), a Swift optional type or unwrap (`String?`, `secret!`), or an
 * Objective-C message, array or dictionary (`[clientSecret copy]`, `@{…}`). A name that itself names a
 * secret (`clientSecret: clientSecret`, `kClientSecret`) is left to isLiteralSecret.
 */
function isCodeReference(bare: string): boolean {
  // `[clientSecret copy]`, `[aDecoder decodeObjectOfClass:…]`: an Objective-C message (okta/okta-oidc-ios Sources/AppAuth).
  if (/^@?[[{]/.test(bare) || /[()]/.test(bare) || /^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*)+$/.test(bare)) return true;
  return /^[A-Za-z_$][\w$]*[?!]$/.test(bare);
}

function quoted(text: string, open: number, kind: SecretHit['kind']): SecretHit | undefined {
  const quote = text[open];
  let value = '';
  const limit = Math.min(text.length, open + 8192);
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < limit) {
      const next = text[++i];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', '/': '/', '`': '`' };
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else value += simple[next] ?? next;
      continue;
    }
    if (c === quote) return { range: { start: open + 1, end: i }, value, kind };
    if (c === '\n') return undefined;
    value += c;
  }
  return undefined;
}

function endOfLine(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max);
  for (let i = from; i < limit; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return limit;
}

/** `text` with every secret replaced by its masked form (for diffs and anything else shown whole). */
export function maskSecretsIn(text: string, hits: SecretHit[] = findSecrets(text)): string {
  let result = '';
  let last = 0;
  for (const hit of hits) {
    result += text.slice(last, hit.range.start) + maskSecret(text.slice(hit.range.start, hit.range.end));
    last = hit.range.end;
  }
  return result + text.slice(last);
}

/** `message` with any of the secret values replaced by their masked forms (a message that quotes a value). */
export function maskValuesIn(message: string, hits: readonly SecretHit[]): string {
  let result = message;
  for (const hit of hits) {
    for (const form of new Set([hit.value, hit.value.trim()])) {
      if (form.length >= 4 && result.includes(form)) result = result.split(form).join(maskSecret(form));
    }
    // A quoted or escaped form in the text may differ from the decoded value: mask any long enough window too.
    const raw = hit.value.trim();
    if (raw.length >= 12)
      for (let i = 3; i + 8 <= raw.length; i += 4) if (result.includes(raw.slice(i, i + 8))) result = result.split(raw.slice(i, i + 8)).join('********');
  }
  return result;
}
