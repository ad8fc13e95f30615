import { defaultUserAgent } from '../../entra/libraries';
import type { AppRegistration, AuthConfig, ParsedFile, Range, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';

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

function withEvidence(file: ParsedFile, agent: UserAgent): ResolvedUserAgent {
  return { ...agent, evidence: agent.range ? { file: file.path, range: agent.range } : undefined };
}
