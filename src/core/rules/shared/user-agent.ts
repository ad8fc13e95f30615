import { defaultUserAgent } from '../../entra/libraries';
import type { AppRegistration, AuthConfig, ParsedFile, Range, RedirectUri, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { appConfigsOf, isDefaultRedirectScheme, redirectChoice, type AppConfig } from './ios-app';

// The user agent a redirect really goes through: the owner's own (its library's default and the file's
// choices), or, for files that only declare the redirect (an Android manifest, an Info.plist, a
// registration), the one of the app's configs. Shared by the rules that depend on who receives the redirect.

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
 * declares, its module's MSAL config; for the scheme an Info.plist declares, the app's code (the broker
 * counts when any of the app's configs enables it); for a registration, the one of a linked config that
 * keeps the sign-in away from the system browser. `unknown` when nothing in view tells.
 */
export function userAgentOf(owner: AuthConfig | AppRegistration, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent {
  if (owner.kind === 'config' && owner.userAgent) return owner.userAgent;
  if (file.android) {
    const [module] = moduleAndroidConfigs(file, workspace).filter((c) => c.file !== file);
    if (module) return withEvidence(module.file, module.config.userAgent ?? defaultUserAgent(module.config.library));
  }
  if (file.ios) {
    const app = appConfigsOf(file, workspace);
    // The configs that may send one of the plist's schemes: those that do not write their redirect down.
    const senders = app.filter((c) => redirectChoice(c.config) !== 'explicit');
    const agent = appUserAgent(senders.length ? senders : app);
    if (agent) return agent;
  }
  if (owner.kind === 'config') return defaultUserAgent(owner.library);
  for (const { file: other, config } of workspace.linkedConfigs(owner)) {
    const agent = config.userAgent ?? defaultUserAgent(config.library);
    if (agent.kind === 'embedded' || agent.kind === 'broker') return withEvidence(other, agent);
  }
  return { kind: 'unknown', description: 'a user agent no config in the workspace shows' };
}

/**
 * Whether a redirect is really sent to Entra. A URL scheme an Info.plist declares is MSAL's redirect only
 * when the app's code lets the library pick its default (msauth.<bundle id>, else msal<client id>) or
 * passes a redirect the engine cannot see; when every config of the app writes its redirect down, those are
 * judged where they are written and the plist's scheme is only a receiver. With no app code in view, the
 * plist is all there is, and it is judged.
 */
export function isRedirectSent(uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): boolean {
  if (uri.role !== 'scheme' || !file.ios) return true;
  const app = appConfigsOf(file, workspace);
  if (!app.length) return true;
  const scheme = (uri.raw ?? uri.value.replace(/:\/\/.*$/, '')).trim();
  const schemes = file.ios.urlSchemes.map((s) => s.value.trim());
  return app.some(({ config }) => {
    const choice = redirectChoice(config);
    return choice === 'unknown' || (choice === 'default' && isDefaultRedirectScheme(config, scheme, schemes));
  });
}

/** The user agent of an app: the broker when any config enables it, an embedded web view when all use one, else the first config's. */
function appUserAgent(configs: AppConfig[]): ResolvedUserAgent | undefined {
  const agents = configs.map((c) => ({ file: c.file, config: c.config, agent: c.config.userAgent ?? defaultUserAgent(c.config.library) }));
  const chosen =
    agents.find((a) => a.agent.kind === 'broker') ??
    (agents.every((a) => a.agent.kind === 'embedded') ? agents[0] : (agents.find((a) => a.agent.kind !== 'unknown') ?? agents[0]));
  if (!chosen) return undefined;
  return { ...chosen.agent, evidence: { file: chosen.file.path, range: chosen.agent.range ?? chosen.config.range } };
}

function withEvidence(file: ParsedFile, agent: UserAgent): ResolvedUserAgent {
  return { ...agent, evidence: agent.range ? { file: file.path, range: agent.range } : undefined };
}
