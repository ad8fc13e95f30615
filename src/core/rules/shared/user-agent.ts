import { defaultUserAgent } from '../../entra/libraries';
import type { AppRegistration, AuthConfig, ParsedFile, Range, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { androidConfigAgent, androidReceiverAgent, appMsalConfigs } from './android-app';

// The user agent a redirect really goes through: the owner's own (its library's default and the file's
// choices), or, for files that only declare the redirect (an Android manifest, a registration), the one
// of the app's configs. Shared by the rules that depend on who receives the redirect.

export interface ResolvedUserAgent extends UserAgent {
  /** Where the choice is written when it is in another file than the redirect (related information). */
  evidence?: { file: string; range: Range };
}

/** The MSAL Android configs of the app an Android file belongs to (res/raw files and code). */
export function moduleAndroidConfigs(file: ParsedFile, workspace: WorkspaceIndex): { file: ParsedFile; config: AuthConfig }[] {
  return appMsalConfigs(file.path, workspace);
}

/**
 * The user agent that receives a redirect of `owner`: a config's own (for MSAL Android, as the module's
 * application ids let the broker be used); for the redirect an Android manifest declares for MSAL, the
 * app's MSAL configs, where any that enables the broker counts; for a registration, the one of a linked config that keeps the
 * sign-in away from the system browser. `unknown` when nothing in view tells.
 */
export function userAgentOf(owner: AuthConfig | AppRegistration, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent {
  if (owner.kind === 'config' && owner.userAgent) return owner.library === 'msal-android' ? androidConfigAgent(owner, file, workspace) : owner.userAgent;
  if (file.android && owner.kind === 'config' && owner.library === 'msal-android') {
    const agent = androidReceiverAgent(owner, file, workspace);
    if (agent) return agent;
  }
  if (owner.kind === 'config') return defaultUserAgent(owner.library);
  for (const { file: other, config } of workspace.linkedConfigs(owner)) {
    const agent = config.userAgent ?? defaultUserAgent(config.library);
    if (agent.kind === 'embedded' || agent.kind === 'broker') return withEvidence(other, agent);
  }
  return { kind: 'unknown', description: 'a user agent no config in the workspace shows' };
}

export function withEvidence(file: ParsedFile, agent: UserAgent): ResolvedUserAgent {
  return { ...agent, evidence: agent.range ? { file: file.path, range: agent.range } : undefined };
}
