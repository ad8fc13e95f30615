import { defaultUserAgent } from '../../entra/libraries';
import type { AppRegistration, AuthConfig, ParsedFile, Range, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { slashPath } from '../../io/paths';

// The user agent a redirect really goes through: the owner's own (its library's default and the file's
// choices), or, for files that only declare the redirect (an Android manifest, a registration), the one
// of the app's configs. Shared by the rules that depend on who receives the redirect.

export interface ResolvedUserAgent extends UserAgent {
  /** Where the choice is written when it is in another file than the redirect (related information). */
  evidence?: { file: string; range: Range };
}

/** The MSAL Android configs of the module an Android file belongs to. */
export function moduleAndroidConfigs(file: ParsedFile, workspace: WorkspaceIndex): { file: ParsedFile; config: AuthConfig }[] {
  return workspace
    .sameModule(file.path, (f) => f.configs.some((c) => c.library === 'msal-android'))
    .flatMap((f) => f.configs.filter((c) => c.library === 'msal-android').map((config) => ({ file: f, config })));
}

/**
 * The user agent that receives a redirect of `owner`: a config's own; for the redirect an Android manifest
 * declares, its module's MSAL config; for a registration, the one of a linked config that keeps the
 * sign-in away from the system browser. `unknown` when nothing in view tells.
 */
export function userAgentOf(owner: AuthConfig | AppRegistration, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent {
  const settings = owner.kind === 'config' && owner.settingsFile ? settingsConfig(owner.settingsFile.value, file, workspace) : undefined;
  if (settings) return withEvidence(settings.file, settings.config.userAgent ?? defaultUserAgent(settings.config.library));
  if (owner.kind === 'config' && owner.userAgent) return owner.userAgent;
  if (file.android) {
    const [module] = moduleAndroidConfigs(file, workspace).filter((c) => c.file !== file);
    if (module) return withEvidence(module.file, module.config.userAgent ?? defaultUserAgent(module.config.library));
  }
  if (owner.kind === 'config') return defaultUserAgent(owner.library);
  for (const { file: other, config } of workspace.linkedConfigs(owner)) {
    const agent = config.userAgent ?? defaultUserAgent(config.library);
    if (agent.kind === 'embedded' || agent.kind === 'broker') return withEvidence(other, agent);
  }
  return { kind: 'unknown', description: 'a user agent no config in the workspace shows' };
}

/**
 * The config of the settings file a config names (a path relative to the app, e.g. `assets/msal_config.json`):
 * of the workspace files whose path ends with it, the one sharing the longest folder prefix with `file`.
 */
function settingsConfig(relative: string, file: ParsedFile, workspace: WorkspaceIndex): { file: ParsedFile; config: AuthConfig } | undefined {
  const suffix = '/' + slashPath(relative.trim()).replace(/^(\.\/)+|^\/+/, '');
  if (suffix === '/') return undefined;
  const from = slashPath(file.path);
  let best: { file: ParsedFile; config: AuthConfig; shared: number } | undefined;
  for (const other of workspace.all()) {
    const [config] = other.configs;
    if (!config || other === file || !slashPath(other.path).endsWith(suffix)) continue;
    const shared = sharedPrefix(from, slashPath(other.path));
    if (!best || shared > best.shared) best = { file: other, config, shared };
  }
  return best;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.lastIndexOf('/', i - 1) + 1;
}

function withEvidence(file: ParsedFile, agent: UserAgent): ResolvedUserAgent {
  return { ...agent, evidence: agent.range ? { file: file.path, range: agent.range } : undefined };
}
