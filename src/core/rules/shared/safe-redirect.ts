import { redirectMatches } from '../../entra/redirect-match';
import type { WorkspaceIndex } from '../../engine/workspace';
import { addWithBroker } from '../../fixes/broker-edit';
import { insertPlistUrlScheme, replaceValue } from '../../fixes/edits';
import { addQueriesSchemes, removePlistString } from '../../fixes/plist-edit';
import { addRegisteredRedirect, removeRegisteredRedirect, replaceRedirect, setJsonProperty } from '../../fixes/redirect-edit';
import { baseName } from '../../io/paths';
import type { AppRegistration, AuthConfig, Fix, Library, ParsedFile, Platform, RedirectUri, TextEdit } from '../../model';
import { encodeHash } from './android-app';
import { appConfigsOf, plistsFor, schemeCovers } from './ios-app';
import { describesRedirects } from './registration';
import { userAgentOf } from './user-agent';

// The headline fix: move an app from a custom-scheme redirect to the one its platform signs in with safely
// (loopback for desktop, Electron and CLI apps; msauth.<bundle id>://auth with the broker on iOS; the broker
// redirect msauth://<package>/<hash> on Android), in one edit over every file the workspace shows for the app:
// the config, the registration it signs in with, the Info.plist (URL scheme, LSApplicationQueriesSchemes)
// and the broker switch. The editor prefers it only when applying it raises nothing (fixes/verify.ts).

const LOOPBACK = 'http://localhost';
const BROKER_QUERIES = ['msauthv2', 'msauthv3'];

/** Libraries whose public-client configs run on a desktop, where the loopback redirect works. */
const DESKTOP_LIBRARIES: readonly Library[] = ['electron', 'msal-node', 'msal-js', 'msal-python', 'unknown'];

export interface SafeRedirect {
  /** The concrete safe redirect for this app, when the workspace shows enough to write it. */
  value?: string;
  fixes: Fix[];
}

/** The safe redirect and the quick fix to it. Never unattended: the registration and the app must change together. */
export function safeRedirect(owner: AuthConfig | AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): SafeRedirect {
  try {
    if (file.ios && uri.role === 'scheme') return plistSchemeFix(uri, file, workspace);
    const value = safeValueFor(owner, uri, file, workspace);
    if (!value) return { fixes: [] };
    const fix = owner.kind === 'config' ? configFix(owner, uri, file, workspace, value) : registrationFix(owner, uri, file, workspace, value);
    return { value, fixes: fix ? [fix] : [] };
  } catch {
    return { fixes: [] }; // a fix must never cost the finding
  }
}

/** The platform a redirect belongs to: its own, else its config's. */
function platformOf(owner: AuthConfig | AppRegistration, uri: RedirectUri): Platform {
  return uri.platform !== 'unknown' || owner.kind !== 'config' ? uri.platform : owner.platform;
}

function safeValueFor(owner: AuthConfig | AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): string | undefined {
  const platform = platformOf(owner, uri);
  if (platform === 'ios') return iosBrokerRedirect(file, workspace);
  if (platform === 'android') return androidBrokerRedirect(file, workspace);
  if (platform !== 'publicClient' && platform !== 'unknown') return undefined;
  if (uri.implied) return undefined; // an Android intent filter or a plist scheme: not a desktop redirect
  if (owner.kind === 'registration') {
    // The apps that send it decide; with none in view, a desktop app is the common case.
    const kinds = new Set(sendersOf(owner, uri.value, workspace).map(({ config, redirect }) => platformOf(config, redirect)));
    return [...kinds].every((k) => k === 'publicClient' || k === 'unknown') ? LOOPBACK : undefined;
  }
  return DESKTOP_LIBRARIES.includes(owner.library) ? LOOPBACK : undefined;
}

/** msauth.<bundle id>://auth, from the app's Info.plist when its bundle id is written out. */
function iosBrokerRedirect(file: ParsedFile, workspace: WorkspaceIndex): string | undefined {
  const bundle = plistsFor(file.path, workspace)
    .map((p) => p.ios?.bundleIdentifier?.value.trim())
    .find((b) => b && !/[$(){}]/.test(b));
  return bundle ? `msauth.${bundle}://auth` : undefined;
}

/** msauth://<package>/<hash>, from the module's BrowserTabActivity intent filter. */
function androidBrokerRedirect(file: ParsedFile, workspace: WorkspaceIndex): string | undefined {
  for (const manifest of workspace.sameModule(file.path, (f) => f.android !== undefined)) {
    const pkg = manifest.android?.packageName?.value;
    const data = manifest.android?.intentData.find((d) => d.scheme?.value === 'msauth' && d.host?.value === pkg && d.path && d.path.value.length > 1);
    if (pkg && data?.path) return `msauth://${pkg}/${encodeHash(data.path.value.slice(1))}`;
  }
  return undefined;
}

/** The configs (in view) that send a registered redirect. */
function sendersOf(
  registration: AppRegistration,
  registered: string,
  workspace: WorkspaceIndex,
): { file: ParsedFile; config: AuthConfig; redirect: RedirectUri }[] {
  return workspace
    .linkedConfigs(registration)
    .flatMap(({ file, config }) =>
      config.redirectUris.filter((u) => u.role === 'redirect' && redirectMatches(u.value, registered)).map((redirect) => ({ file, config, redirect })),
    );
}

/** A config's redirect changed to `value`: the config, the registrations it signs in with, and the platform's broker setup. */
function configFix(config: AuthConfig, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex, value: string): Fix | undefined {
  const own = replaceRedirect(file, uri, value);
  if (!own) return undefined;
  const edits: TextEdit[] = [own, ...registrationsMoveTo(config, uri.value, value, workspace)];
  const platform = platformOf(config, uri);
  if (platform === 'ios' || platform === 'android') edits.push(...brokerSetup(config, uri, file, workspace, platform, value));
  return fixOf(value, edits);
}

/** Every registration a config signs in with, made to hold `value` (its old entry replaced when no other app of it sends that). */
function registrationsMoveTo(config: AuthConfig, old: string, value: string, workspace: WorkspaceIndex): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const { file, registration } of workspace.linkedRegistrations(config)) {
    if (!describesRedirects(registration)) continue;
    const stillSent = (entry: RedirectUri) => sendersOf(registration, entry.value, workspace).some((s) => s.config !== config);
    const oldEntry = registration.redirectUris.find((r) => r.role === 'redirect' && !r.partial && redirectMatches(old, r.value));
    if (registration.redirectUris.some((r) => r.platform === 'publicClient' && redirectMatches(value, r.value))) {
      const removal = oldEntry && !stillSent(oldEntry) ? removeRegisteredRedirect(file, registration, oldEntry) : undefined;
      if (removal) edits.push(removal);
      continue;
    }
    const replaced = oldEntry && oldEntry.platform === 'publicClient' && !stillSent(oldEntry) ? replaceRedirect(file, oldEntry, value) : undefined;
    edits.push(...(replaced ? [replaced] : (addRegisteredRedirect(file, registration, value, 'publicClient') ?? [])));
  }
  return edits;
}

/** iOS: the plist declares msauth.<bundle id> and may query the broker apps; MSAL.NET turns the broker on. Android: the broker switch. */
function brokerSetup(
  config: AuthConfig,
  uri: RedirectUri,
  file: ParsedFile,
  workspace: WorkspaceIndex,
  platform: 'ios' | 'android',
  value: string,
): TextEdit[] {
  const edits: TextEdit[] = [];
  if (platform === 'ios') {
    const scheme = value.replace(/:\/\/.*$/, '');
    const plists = plistsFor(file.path, workspace).filter((p) => p.ios);
    const target = plists.find((p) => p.ios!.urlSchemesInsertAt !== undefined);
    if (target && !plists.some((p) => p.ios!.urlSchemes.some((s) => schemeCovers(s.value, scheme)))) {
      const insert = insertPlistUrlScheme(target, target.ios!, scheme);
      if (insert) edits.push(insert);
    }
    for (const plist of plists) {
      const queries = addQueriesSchemes(plist, plist.ios!, BROKER_QUERIES);
      if (queries) edits.push(queries);
    }
  }
  if (userAgentOf(config, file, workspace).kind === 'broker') return edits;
  if (config.library === 'msal-android') {
    const broker = setJsonProperty(file, 'broker_redirect_uri_registered', true);
    if (broker && !overlaps(broker, edits) && !(broker.range.start < uri.range.end && uri.range.start < broker.range.end)) edits.push(broker);
  } else if (config.library === 'msal-dotnet') {
    const broker = addWithBroker(file, uri);
    if (broker) edits.push(broker);
  }
  return edits;
}

/** A registered custom-scheme redirect replaced by `value`, and every app in view that sends it moved along. */
function registrationFix(registration: AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex, value: string): Fix | undefined {
  const senders = sendersOf(registration, uri.value, workspace);
  const edits: TextEdit[] = [];
  let everyApp = senders.length > 0;
  for (const { file: configFile, redirect } of senders) {
    const edit = replaceRedirect(configFile, redirect, value);
    if (edit && !overlaps(edit, edits)) edits.push(edit);
    else everyApp = false;
  }
  const registered = registration.redirectUris.some((r) => r !== uri && r.platform === 'publicClient' && redirectMatches(value, r.value));
  const own = registered ? removeRegisteredRedirect(file, registration, uri) : replaceRedirect(file, uri, value);
  if (!own) return undefined;
  edits.push(own);
  const fix = fixOf(value, edits, registered ? `Remove '${uri.value}' (${value} is registered)` : undefined);
  // With no app in view, nothing shows that the app changes along: offered, but not preferred.
  return { ...fix, preferred: everyApp };
}

/** Info.plist: the URL scheme becomes msauth.<bundle id>, the broker apps become queryable, and the app's configs in view follow. */
function plistSchemeFix(uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): SafeRedirect {
  const ios = file.ios!;
  const entry = ios.urlSchemes.find((s) => s.range.start === uri.range.start && s.range.end === uri.range.end);
  if (!entry) return { fixes: [] };
  const bundle = ios.bundleIdentifier?.value.trim() || '$(PRODUCT_BUNDLE_IDENTIFIER)';
  const scheme = `msauth.${bundle}`;
  const concrete = /[$(){}]/.test(bundle) ? undefined : `${scheme}://auth`;
  const declared = ios.urlSchemes.some((s) => s !== entry && s.value.trim().toLowerCase() === scheme.toLowerCase());
  const edits: TextEdit[] = [];
  const own = declared ? removePlistString(file, entry) : replaceValue(file, entry, scheme);
  if (!own) return { value: concrete, fixes: [] };
  edits.push(own);
  const queries = addQueriesSchemes(file, ios, BROKER_QUERIES);
  if (queries) edits.push(queries);
  // Configs of this app that send the old scheme explicitly move to the broker redirect, with their registrations.
  const old = entry.value.trim().toLowerCase();
  for (const { file: configFile, config } of appConfigsOf(file, workspace)) {
    for (const redirect of config.redirectUris) {
      if (redirect.role !== 'redirect' || redirect.value.toLowerCase().split(':')[0] !== old || !concrete) continue;
      const edit = replaceRedirect(configFile, redirect, concrete);
      if (edit && !overlaps(edit, edits)) edits.push(edit, ...registrationsMoveTo(config, redirect.value, concrete, workspace));
    }
  }
  return { value: concrete, fixes: [fixOf(concrete ?? `${scheme}://auth`, edits)] };
}

function overlaps(edit: TextEdit, edits: TextEdit[]): boolean {
  return edits.some((e) => e.file === edit.file && e.range.start < edit.range.end && edit.range.start < e.range.end);
}

/** The fix, titled by the redirect and the files it changes. */
function fixOf(value: string, edits: TextEdit[], title?: string): Fix {
  const files = [...new Set(edits.map((e) => baseName(e.file)))];
  const where = files.length > 1 ? ` in ${files.slice(0, -1).join(', ')} and ${files.at(-1)}` : '';
  return { title: title ?? `Use the safe redirect ${value}${where}`, unattended: false, preferred: true, edits };
}
