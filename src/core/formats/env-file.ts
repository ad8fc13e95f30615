import type { AuthConfig, Located, ParseProblem, Range } from '../model';
import { redirectUri } from './config-util';
import { emptyParsed, MAX_PROBLEMS, defineFormat, HASH_COMMENTS } from './types';
import { lowerBaseName } from '../io/paths';
import { isTemplateFile, isTemplateTagLine } from './templates';

// `.env` files: KEY=VALUE lines (dotenv syntax: `export`, quotes, `#` comments). The format is line
// oriented, so a line scanner is the parser. Keys of other identity providers are ignored. A template
// (TeamsFx `.env.dev.user.tpl` with `{{#useOpenAI}}` sections) is read as one: its tag lines are skipped and
// its config is marked `template` (values filled in by the scaffolding tool are not judged).

export const envFileFormat = defineFormat({
  id: 'env',
  title: 'Environment files',
  files: '`.env`, `.env.*`',
  reads: '`REDIRECT_URI`, `CLIENT_ID`, `TENANT_ID`, `AUTHORITY`, `CLIENT_SECRET` …',
  globs: ['**/.env', '**/.env.*', '**/*.env'],
  comments: HASH_COMMENTS,
  literal: 'code',
  languageIds: ['dotenv'],
  untitled: [{ languageId: 'dotenv', name: '.env', hint: /CLIENT_ID|REDIRECT_URI|AZURE_|MSAL/i }],
  byName: (path) => {
    const name = lowerBaseName(path);
    return name === '.env' || name.startsWith('.env.') || name.endsWith('.env') ? 'yes' : 'no';
  },
  parse(path, text) {
    const parsed = emptyParsed(path, 'env', text);
    const template = isTemplateFile(path, text);
    if (template) parsed.template = true;
    const { entries, comments, problems } = scanEnv(text, template);
    parsed.comments = comments;
    parsed.problems.push(...problems.slice(0, MAX_PROBLEMS));
    const config = toConfig(entries);
    if (config) {
      if (template) config.template = true;
      parsed.configs.push(config);
    }
    return parsed;
  },
});

export interface EnvEntry {
  key: Located<string>;
  value: Located<string>;
}

/**
 * The identity suffix of a key, one test per key instead of one per field. Where two suffixes fit
 * (`POST_LOGOUT_REDIRECT_URI` and `REDIRECT_URI`) the leftmost match is the longer one, as the field order wants.
 */
const IDENTITY_KEY =
  /(?:^|_)(POST_LOGOUT_REDIRECT_(?:URI|URL)|REDIRECT_(?:URI|URL)|CLIENT_ID|TENANT(?:_ID)?|AUTHORITY|CLOUD_INSTANCE(?:_ID)?|AAD_ENDPOINT_HOST|AUTHORITY_HOST|CLIENT_SECRET)$/i;

const FOREIGN_PREFIX =
  /^(GITHUB|GOOGLE|FACEBOOK|AUTH0|OKTA|DISCORD|TWITTER|APPLE|SPOTIFY|STRIPE|COGNITO|AWS|KEYCLOAK|SLACK|GITLAB|LINKEDIN|TWITCH|FIREBASE|SUPABASE|CLERK)_/i;

/** Splits dotenv text into entries with exact key and value ranges; never throws. In a template, tag lines are not entries. */
export function scanEnv(text: string, template = false): { entries: EnvEntry[]; comments: Range[]; problems: ParseProblem[] } {
  const entries: EnvEntry[] = [];
  const comments: Range[] = [];
  const problems: ParseProblem[] = [];
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = nextLineEnd(text, pos);
    let i = skipBlanks(text, pos, lineEnd);
    if (i < lineEnd && text[i] === '#') {
      comments.push({ start: i, end: lineEnd });
    } else if (template && isTemplateTagLine(text.slice(i, lineEnd))) {
      // `{{#openAIKey}}`, `{% if %}`: the template engine's, not a line of the rendered file.
    } else if (i < lineEnd) {
      if (text.startsWith('export', i) && /[ \t]/.test(text[i + 6] ?? '')) i = skipBlanks(text, i + 6, lineEnd);
      const keyEnd = keyEndAt(text, i, lineEnd);
      const hasKey = keyEnd > i;
      const afterKey = hasKey ? skipBlanks(text, keyEnd, lineEnd) : i;
      if (hasKey && afterKey === lineEnd) {
        // A bare KEY passes the variable through from the environment (docker --env-file): nothing to read.
      } else if (!hasKey || text[afterKey] !== '=') {
        problems.push({ message: 'line is not KEY=VALUE', range: { start: i, end: lineEnd } });
      } else {
        const key = { value: text.slice(i, keyEnd), range: { start: i, end: keyEnd } };
        const read = readValue(text, skipBlanks(text, afterKey + 1, lineEnd), lineEnd, comments, problems);
        entries.push({ key, value: read.value });
        pos = read.next;
        continue;
      }
    }
    pos = afterBreak(text, lineEnd);
  }
  return { entries, comments, problems };
}

function readValue(text: string, start: number, lineEnd: number, comments: Range[], problems: ParseProblem[]): { value: Located<string>; next: number } {
  const quote = text[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    // Quoted values may span lines (dotenv multi-line values).
    let i = start + 1;
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' && quote === '"' ? 2 : 1;
    if (i >= text.length) {
      problems.push({ message: `unterminated ${quote} quoted value`, range: { start, end: lineEnd } });
      return { value: { value: text.slice(start + 1, lineEnd), range: { start: start + 1, end: lineEnd } }, next: afterBreak(text, lineEnd) };
    }
    const raw = text.slice(start + 1, i);
    const value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1') : raw;
    const end = nextLineEnd(text, i + 1);
    const comment = text.indexOf('#', i + 1);
    if (comment >= 0 && comment < end) comments.push({ start: comment, end });
    return { value: { value, range: { start: start + 1, end: i } }, next: afterBreak(text, end) };
  }
  // Unquoted: the value ends at ` #` (an inline comment) or the line end; surrounding blanks are not part of it.
  let end = lineEnd;
  for (let i = start; i < lineEnd; i++) {
    if (text[i] === '#' && (i === start || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      comments.push({ start: i, end: lineEnd });
      end = i;
      break;
    }
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { value: { value: text.slice(start, end), range: { start, end } }, next: afterBreak(text, lineEnd) };
}

/** End of the key `[A-Za-z_][A-Za-z0-9_.-]*` starting at `start` (`start` itself when none starts there); char codes, no slice per line. */
function keyEndAt(text: string, start: number, limit: number): number {
  if (start >= limit || !isKeyStart(text.charCodeAt(start))) return start;
  let i = start + 1;
  while (i < limit && isKeyPart(text.charCodeAt(i))) i++;
  return i;
}

const isKeyStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isKeyPart = (c: number) => isKeyStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function afterBreak(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd + 1;
}

function skipBlanks(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** One AuthConfig from the identity keys of the file, or undefined when it holds none. */
function toConfig(entries: EnvEntry[]): AuthConfig | undefined {
  let config: AuthConfig | undefined;
  const ensure = (anchor: Range): AuthConfig => (config ??= { kind: 'config', library: 'unknown', platform: 'unknown', redirectUris: [], range: anchor });
  for (const { key, value } of entries) {
    if (!value.value) continue;
    // Keys are ASCII (scanEnv), so the case-insensitive tests read as tests of the upper-cased key.
    const field = IDENTITY_KEY.exec(key.value)?.[1];
    if (field === undefined || FOREIGN_PREFIX.test(key.value)) continue;
    const suffix = field.toUpperCase();
    if (suffix.startsWith('POST_LOGOUT_')) {
      ensure(key.range).redirectUris.push(redirectUri(value.value, value.range, 'unknown', 'postLogout'));
    } else if (suffix.startsWith('REDIRECT_')) {
      ensure(key.range).redirectUris.push(redirectUri(value.value, value.range, 'unknown', 'redirect'));
    } else if (suffix === 'CLIENT_ID') {
      ensure(key.range).clientId ??= value;
    } else if (suffix.startsWith('TENANT')) {
      ensure(key.range).tenant ??= value;
    } else if (suffix === 'AUTHORITY') {
      ensure(key.range).authority ??= value;
    } else if (suffix === 'CLIENT_SECRET') {
      ensure(key.range).clientSecret ??= value;
    } else {
      ensure(key.range).instance ??= value; // CLOUD_INSTANCE(_ID), AAD_ENDPOINT_HOST, AUTHORITY_HOST
    }
  }
  return config;
}
