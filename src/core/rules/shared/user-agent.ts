import { defaultUserAgent, identityProvider, type IdentityProvider } from '../../entra/libraries';
import type { AppRegistration, AuthConfig, ParsedFile, Range, RedirectUri, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { slashPath } from '../../io/paths';
import { androidConfigAgent, androidReceiverAgent, appMsalConfigs, isAndroidRedirectSent } from './android-app';
import { appConfigsOf, isDefaultRedirectScheme, redirectChoice, type AppConfig } from './ios-app';
import { signInCodeFor, wrapperConfigsFor } from './js-app';
import { isAndroidBrokerUri, isIosBrokerUri } from '../../entra/uri';
import { dotnetReceiverAgent, isDotnetReceiver, isDotnetReceiverSent } from './dotnet-app';

// The user agent a redirect really goes through: the owner's own (its library's default and the file's
// choices), or, for files that only declare the redirect (an Android manifest, an Info.plist, a
// registration), the one of the app's configs. Shared by the rules that depend on who receives the redirect.

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
 * app's MSAL configs, where any that enables the broker counts; for the scheme an Info.plist declares, the
 * app's code (the broker counts when any of the app's configs enables it); for a registration, the one of
 * a linked config that keeps the sign-in away from the system browser. `unknown` when nothing in view tells.
 */
export function userAgentOf(owner: AuthConfig | AppRegistration, file: ParsedFile, workspace: WorkspaceIndex, uri?: RedirectUri): ResolvedUserAgent {
  const settings = owner.kind === 'config' && owner.settingsFile ? settingsConfig(owner.settingsFile.value, file, workspace) : undefined;
  if (settings) return withEvidence(settings.file, settings.config.userAgent ?? defaultUserAgent(settings.config.library));
  // A .NET app's Android receiver (an MsalActivity's `[IntentFilter]`, a MAUI manifest): the app's MSAL.NET builders decide.
  const dotnet = owner.kind === 'config' && isDotnetReceiver(owner, file, workspace) ? dotnetReceiverAgent(owner, file, workspace) : undefined;
  if (dotnet) return dotnet;
  if (owner.kind === 'config' && owner.userAgent)
    return owner.library === 'msal-android' ? androidConfigAgent(owner, file, workspace) : platformAgent(owner.userAgent, uri);
  // A JSON config of an app whose code decides how it signs in (an Electron main process).
  const code = owner.kind === 'config' && !file.android && !file.ios ? signInCodeFor(file.path, workspace) : undefined;
  if (code) return withEvidence(code.file, platformAgent(code.signIn.userAgent, uri));
  if (file.android && owner.kind === 'config' && owner.library === 'msal-android') {
    const agent = androidReceiverAgent(owner, file, workspace);
    if (agent) return agent;
    // An MSAL receiver of a React Native or Capacitor app: the JS wrapper configures MSAL Android.
    const [wrapper] = wrapperConfigsFor(file.path, workspace);
    if (wrapper?.config.userAgent) {
      const chosen = platformAgent(wrapper.config.userAgent, uri && { ...uri, platform: 'android' });
      return { ...chosen, evidence: { file: wrapper.file.path, range: chosen.range ?? wrapper.config.range } };
    }
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
 * The provider of the app configs that send a scheme an Info.plist declares (the plist's own config names
 * none: MSAL's default is Entra): the one all of them share, else undefined. The B2C sample
 * (Azure-Samples/active-directory-b2c-ios-swift-native-msal) declares msal<client id> in Info.plist and
 * signs in from ViewController.swift with a B2C authority and `redirectUri: nil`.
 */
export function receiverProvider(file: ParsedFile, workspace: WorkspaceIndex): IdentityProvider | undefined {
  if (!file.ios) return undefined;
  const app = appConfigsOf(file, workspace);
  const senders = app.filter((c) => redirectChoice(c.config) !== 'explicit');
  const providers = new Set((senders.length ? senders : app).map((c) => identityProvider(c.config)));
  return providers.size === 1 ? [...providers][0] : undefined;
}

/**
 * The agent of a cross-platform library for one redirect: the platform's own (react-native-msal: the
 * broker on iOS, Custom Tabs on Android), chosen by the redirect's platform or, for a redirect of no
 * platform, by its shape (msauth.<bundle>://auth is iOS's, msauth://<package>/<hash> Android's).
 */
function platformAgent(agent: UserAgent, uri: RedirectUri | undefined): UserAgent {
  if (!agent.platforms || !uri) return agent;
  const platform =
    uri.platform === 'ios' || uri.platform === 'android'
      ? uri.platform
      : isIosBrokerUri(uri.value)
        ? 'ios'
        : isAndroidBrokerUri(uri.value)
          ? 'android'
          : undefined;
  return (platform && agent.platforms[platform]) || agent;
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

/**
 * Whether a redirect is really sent to Entra (and judged here). A URL scheme an Info.plist declares is MSAL's redirect only
 * when the app's code lets the library pick its default (msauth.<bundle id>, else msal<client id>) or
 * passes a redirect the engine cannot see; when every config of the app writes its redirect down, those are
 * judged where they are written and the plist's scheme is only a receiver. With no app code in view, the
 * plist is all there is, and it is judged.
 */
export function isRedirectSent(uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex, owner?: AuthConfig | AppRegistration): boolean {
  // A .NET app's receivers in C#: judged unless its builders send the redirect (see isDotnetReceiverSent).
  if (owner?.kind === 'config' && isDotnetReceiver(owner, file, workspace)) return isDotnetReceiverSent(owner, uri, file, workspace);
  // Android: AppAuth receivers and provider-agnostic templates (see isAndroidRedirectSent).
  if (owner && !isAndroidRedirectSent(owner, uri, file, workspace)) return false;
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
  const agents = configs.map((c) => ({ file: c.file, config: c.config, agent: iosAgent(c.config.userAgent ?? defaultUserAgent(c.config.library)) }));
  const chosen =
    agents.find((a) => a.agent.kind === 'broker') ??
    (agents.every((a) => a.agent.kind === 'embedded') ? agents[0] : (agents.find((a) => a.agent.kind !== 'unknown') ?? agents[0]));
  if (!chosen) return undefined;
  return { ...chosen.agent, evidence: { file: chosen.file.path, range: chosen.agent.range ?? chosen.config.range } };
}

/** A cross-platform library's agent on iOS (an Info.plist's scheme is received there). */
function iosAgent(agent: UserAgent): UserAgent {
  return agent.platforms?.ios ?? agent;
}

export function withEvidence(file: ParsedFile, agent: UserAgent): ResolvedUserAgent {
  return { ...agent, evidence: agent.range ? { file: file.path, range: agent.range } : undefined };
}
