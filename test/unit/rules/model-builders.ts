import type { AppRegistration, AuthConfig, Finding, ParsedFile, Platform, RedirectUri } from '../../../src/core/model';
import { Project } from '../../../src/core/engine/project';
import { ruleById } from '../../../src/core/rules';

// Builds model objects directly, for rule tests that must not depend on a format's parser.

/** A registration whose redirect URIs sit one per line in `text`, with exact ranges. */
export function registrationFile(path: string, uris: string[], extra: Partial<AppRegistration> = {}, platform: Platform = 'web'): ParsedFile {
  let text = '';
  const redirectUris: RedirectUri[] = [];
  for (const value of uris) {
    const start = text.length + 1;
    text += `"${value}"\n`;
    redirectUris.push({ value, range: { start, end: start + value.length }, platform, role: 'redirect' });
  }
  const registration: AppRegistration = { kind: 'registration', redirectUris, range: { start: 0, end: text.length }, ...extra };
  return { path, format: 'graph-manifest', text, configs: [], registrations: [registration], problems: [] };
}

/** A config file holding one redirect URI (and optionally other fields) on its first line. */
export function configFile(path: string, redirect: string, config: Partial<AuthConfig> = {}, uriExtra: Partial<RedirectUri> = {}): ParsedFile {
  const text = `redirectUri: '${redirect}'\n`;
  const start = text.indexOf("'") + 1;
  const uri: RedirectUri = {
    value: redirect,
    range: { start, end: start + redirect.length },
    platform: config.platform ?? 'publicClient',
    role: 'redirect',
    ...uriExtra,
  };
  const authConfig: AuthConfig = {
    kind: 'config',
    library: 'unknown',
    platform: 'publicClient',
    redirectUris: [uri],
    range: { start: 0, end: text.length },
    ...config,
  };
  return { path, format: 'msal-js', text, configs: [authConfig], registrations: [], problems: [] };
}

/**
 * Lints hand-built files together with one rule and returns its findings in `target` (alone, so the engine
 * does not fold them into another rule's finding on the same range).
 */
export function lintModel(files: ParsedFile[], target: string, ruleId: string): Finding[] {
  const rule = ruleById(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const project = new Project({}, '/w', [rule]);
  for (const file of files) project.index.set(file);
  return project.lintFile(target).filter((f) => f.ruleId === ruleId);
}
