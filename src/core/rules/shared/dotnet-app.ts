import { defaultUserAgent } from '../../entra/libraries';
import { uriScheme } from '../../entra/uri';
import type { AuthConfig, ParsedFile, RedirectUri, UserAgent } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { slashDir, slashPath } from '../../io/paths';
import { appMsalConfigs, isMicrosoftScheme, safeDecode } from './android-app';
import type { ResolvedUserAgent } from './user-agent';

// A .NET mobile app (MAUI, Xamarin) as the workspace shows it: the Android receivers it declares
// (`[IntentFilter]` on an MsalActivity or a WebAuthenticatorCallbackActivity in C#, or the filters of its
// AndroidManifest.xml) and the MSAL.NET builders of the same app, which decide the user agent that brings
// the redirect to them. Shared by the user-agent
// resolution and custom-scheme-redirect (through user-agent.ts).

/** Platform folders of a MAUI project, and head projects of a Xamarin solution, that never run on Android. */
const OTHER_MAUI_PLATFORM = /^Platforms\/(iOS|MacCatalyst|Windows|Tizen)\//i;
const OTHER_XAMARIN_HEAD = /^[^/]*\.(iOS|UWP|WinUI|Mac|macOS|WPF|Tizen)\//i;

/**
 * Whether a config is an Android receiver of a .NET app: one its C# declares, or the MSAL receiver of a MAUI or
 * Xamarin AndroidManifest.xml (no MSAL Android config beside it, MSAL.NET builders in the app).
 */
export function isDotnetReceiver(config: AuthConfig, file: ParsedFile, workspace: WorkspaceIndex): boolean {
  if (config.receiver !== true) return false;
  if (config.library === 'msal-dotnet' || config.library === 'maui-webauthenticator') return true;
  return (
    config.library === 'msal-android' && file.android !== undefined && !appMsalConfigs(file.path, workspace).length && appBuilders(file, workspace).length > 0
  );
}

/**
 * Whether `other` is a file of the .NET app whose Android head holds `path`: a MAUI project is the folder
 * above `Platforms/Android/` without its other platform folders; a Xamarin head (`App.Droid/`) shares the
 * solution folder with its shared project, without the other heads (`App.iOS/`); anything else is its folder.
 */
export function inDotnetAndroidApp(path: string, other: string): boolean {
  const p = slashPath(path);
  const o = slashPath(other);
  const maui = /^(.*\/)Platforms\/Android\//i.exec(p);
  if (maui) return o.startsWith(maui[1]) && !OTHER_MAUI_PLATFORM.test(o.slice(maui[1].length));
  const head = /^(.*\/)[^/]*\.(Android|Droid)\//i.exec(p);
  if (head) return o.startsWith(head[1]) && !OTHER_XAMARIN_HEAD.test(o.slice(head[1].length));
  return o.startsWith(`${slashDir(p)}/`);
}

interface AppConfig {
  file: ParsedFile;
  config: AuthConfig;
}

/** The configs `holds` accepts in the files of the app the receiver file belongs to. */
function appConfigs(file: ParsedFile, workspace: WorkspaceIndex, holds: (config: AuthConfig) => boolean): AppConfig[] {
  return workspace
    .all()
    .filter((f) => f.configs.some(holds) && inDotnetAndroidApp(file.path, f.path))
    .flatMap((f) => f.configs.filter(holds).map((config) => ({ file: f, config })));
}

/** The MSAL.NET builders (and options) of the app the receiver file belongs to, receivers left out. */
function appBuilders(file: ParsedFile, workspace: WorkspaceIndex): AppConfig[] {
  return appConfigs(file, workspace, isBuilder);
}

function isBuilder(config: AuthConfig): boolean {
  return config.library === 'msal-dotnet' && !config.receiver && !config.template;
}

/** The redirects a builder sends on Android: its Android ones and those of every platform (not iOS's or a web app's). */
function androidRedirects(config: AuthConfig): RedirectUri[] {
  return config.redirectUris.filter((u) => u.role === 'redirect' && (u.platform === 'android' || u.platform === 'publicClient' || u.platform === 'unknown'));
}

/** What a builder sends on Android: the redirects it writes, else MSAL.NET's default msal<client id>://auth. */
function sentOnAndroid(config: AuthConfig): { known: string[]; unknown: boolean } {
  const redirects = androidRedirects(config);
  const known = redirects.filter((u) => !u.partial).map((u) => normalized(u.value));
  if (redirects.length) return { known, unknown: redirects.some((u) => u.partial) };
  const clientId = config.clientId?.value.trim();
  return clientId ? { known: [normalized(`msal${clientId}://auth`)], unknown: false } : { known: [], unknown: true };
}

function normalized(value: string): string {
  return safeDecode(value.trim()).toLowerCase().replace(/\/$/, '');
}

function sends(config: AuthConfig, uri: RedirectUri): boolean {
  return sentOnAndroid(config).known.includes(normalized(uri.value));
}

/** The builder writes the redirect down (and is judged there); MSAL's default is written nowhere. */
function writesDown(config: AuthConfig, uri: RedirectUri): boolean {
  return androidRedirects(config).some((u) => !u.partial && normalized(u.value) === normalized(uri.value));
}

/**
 * Whether the custom-scheme rule judges a .NET receiver's redirect here. An MsalActivity's is judged unless a
 * builder of the app writes that very redirect down: the builder is then where it is reported (MSAL's
 * default msal<client id>://auth is written nowhere else, so the receiver is its place). A
 * WebAuthenticatorCallbackActivity serves any provider: it is judged where a WebAuthenticator request of the
 * app uses its scheme, else only when the scheme is Microsoft's (msal<client id>, msauth).
 */
export function isDotnetReceiverSent(receiver: AuthConfig, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): boolean {
  const builders = appBuilders(file, workspace);
  if (receiver.library !== 'maui-webauthenticator') return !builders.some((b) => writesDown(b.config, uri));
  const scheme = uriScheme(uri.value) ?? '';
  const requests = appConfigs(file, workspace, (c) => c.library === 'maui-webauthenticator' && !c.receiver);
  if (requests.some((r) => r.config.redirectUris.some((u) => uriScheme(u.value) === scheme))) return false;
  return isMicrosoftScheme(scheme) && !builders.some((b) => writesDown(b.config, uri));
}

/**
 * The agent of an MsalActivity's redirect: the app's builders that send it, else those whose Android redirect
 * is not known statically, else any builder of the app (its choice of broker or web view holds for every
 * sign-in); the broker counts when any of them enables it. Undefined with no builder in view.
 */
export function dotnetReceiverAgent(receiver: AuthConfig, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent | undefined {
  if (receiver.library === 'maui-webauthenticator') return undefined; // its own: always a system browser
  const builders = appBuilders(file, workspace);
  const senders = builders.filter((b) => receiver.redirectUris.some((u) => sends(b.config, u)));
  const unknown = builders.filter((b) => sentOnAndroid(b.config).unknown);
  const chosen = [senders, unknown, builders].find((g) => g.length);
  if (!chosen) return undefined;
  const agents = chosen.map((b) => ({ b, agent: androidAgent(b.config) }));
  const { b, agent } = agents.find((a) => a.agent.kind === 'broker') ?? agents[0];
  return { ...agent, evidence: { file: b.file.path, range: agent.range ?? b.config.range } };
}

/** A builder's agent on Android (an `#if IOS` embedded web view is iOS's alone). */
function androidAgent(config: AuthConfig): UserAgent {
  const agent = config.userAgent ?? defaultUserAgent(config.library);
  return agent.platforms?.android ?? agent;
}
