import type {
  AndroidBuildBlock,
  AndroidBuildInfo,
  AndroidBuildValue,
  AndroidIntentData,
  AppRegistration,
  AuthConfig,
  ParsedFile,
  Range,
  RedirectUri,
  UserAgent,
} from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { baseName, slashDir, slashPath } from '../../io/paths';
import { identityProvider, LIBRARIES, type IdentityProvider } from '../../entra/libraries';
import { holdsPlaceholder, uriScheme } from '../../entra/uri';
import type { ResolvedUserAgent } from './user-agent';

// How an Android app receives a redirect, as Android and its build see it: the parts of an msauth:// URI
// as Android matches them against an intent filter, the encodings of the signature hash (raw in the
// manifest, URL-encoded in redirect_uri), the module a file belongs to, and the build variants of the
// module's Gradle file, whose ids and placeholders fill in `${applicationId}` and friends in the
// manifest. Shared by android-redirect-mismatch, the user-agent resolution and the custom-scheme fix.

export interface SplitRedirect {
  scheme: string;
  host: string;
  /** `/` + the rest, as written ('' when there is none). */
  path: string;
  /** Offset of `path` in the value. */
  pathOffset: number;
}

/** Splits `scheme://host/path` as Android matches it (no query or fragment handling is needed here). */
export function splitRedirect(value: string): SplitRedirect | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(value);
  if (!match) return undefined;
  return { scheme: match[1].toLowerCase(), host: match[2], path: value.slice(match[0].length), pathOffset: match[0].length };
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The hash as MSAL's redirect_uri carries it: base64, URL-encoded. */
export function encodeHash(hash: string): string {
  return encodeURIComponent(safeDecode(hash));
}

/** An intent filter `<data>` element's values, with any build placeholders filled in. */
export interface IntentValues {
  scheme?: string;
  host?: string;
  path?: string;
  pathPrefix?: string;
  pathPattern?: string;
}

const INTENT_KEYS = ['scheme', 'host', 'path', 'pathPrefix', 'pathPattern'] as const;

/**
 * Whether intent data accepts the redirect (values as written, or resolved for a variant), as Android matches
 * it (MSAL asks the package manager which activity takes its redirect): a filter that names no path takes every
 * path of its scheme and host; otherwise any of its `path`, `pathPrefix` and `pathPattern` may match.
 */
export function intentAccepts(data: AndroidIntentData | IntentValues, redirect: SplitRedirect): boolean {
  const values: IntentValues = 'activity' in data ? Object.fromEntries(INTENT_KEYS.map((key) => [key, data[key]?.value])) : data;
  if (values.scheme?.toLowerCase() !== redirect.scheme) return false;
  if ((values.host ?? '') !== redirect.host) return false;
  if (values.path === undefined && values.pathPrefix === undefined && values.pathPattern === undefined) return true;
  const wanted = safeDecode(redirect.path);
  if (values.path !== undefined && samePath(safeDecode(values.path), wanted)) return true;
  if (values.pathPrefix !== undefined && wanted.startsWith(safeDecode(values.pathPrefix))) return true;
  return values.pathPattern !== undefined && matchesPathPattern(values.pathPattern, wanted);
}

function samePath(declared: string, wanted: string): boolean {
  if (wanted === '' || wanted === '/') return declared === '' || declared === '/';
  return declared === wanted;
}

/** Past these lengths a pattern is taken to match (unknown, never a finding): the matcher's work stays bounded. */
const MAX_PATTERN = 512;
const MAX_MATCHED_PATH = 4096;

/**
 * Android's simple glob (`android:pathPattern`): `.` is any character, `*` repeats the character before it
 * (zero or more times, so `.*` is anything), `\` makes the next character literal. Matched over the whole
 * path, one set of pattern positions per character (no backtracking).
 */
export function matchesPathPattern(pattern: string, path: string): boolean {
  if (pattern.length > MAX_PATTERN || path.length > MAX_MATCHED_PATH) return true;
  const steps: { char: string | undefined; repeats: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && steps.length && !steps[steps.length - 1].repeats) steps[steps.length - 1].repeats = true;
    else if (c === '\\' && i + 1 < pattern.length) steps.push({ char: pattern[++i], repeats: false });
    else steps.push({ char: c === '.' ? undefined : c, repeats: false });
  }
  // at[j]: the first j steps can match the path read so far; a repeating step may match nothing.
  const skipRepeats = (at: Uint8Array) => {
    for (let j = 0; j < steps.length; j++) if (at[j] && steps[j].repeats) at[j + 1] = 1;
  };
  // Two rows, swapped per character: the path's length makes no garbage.
  let at = new Uint8Array(steps.length + 1);
  let next = new Uint8Array(steps.length + 1);
  at[0] = 1;
  skipRepeats(at);
  // By UTF-16 unit, as Android's PatternMatcher reads a Java string.
  for (let k = 0; k < path.length; k++) {
    const c = path[k];
    next.fill(0);
    for (let j = 0; j < steps.length; j++) {
      if (!at[j] || (steps[j].char !== undefined && steps[j].char !== c)) continue;
      next[steps[j].repeats ? j : j + 1] = 1;
    }
    skipRepeats(next);
    [at, next] = [next, at];
  }
  return at[steps.length] === 1;
}

// ---------------------------------------------------------------------------------------------------
// Modules and source sets

const SOURCE_SET = /\/src\/([^/]+)\//;

/**
 * The folder of the Android module a file belongs to: the part before `/src/<source set>/` (Gradle's
 * layout), else before `/res/` (the old Eclipse layout AppAuth's demo keeps), else the file's folder.
 * A build.gradle(.kts) is at the module folder itself.
 */
export function androidModuleRoot(path: string): string {
  const p = slashPath(path);
  const src = SOURCE_SET.exec(p);
  const res = p.indexOf('/res/');
  const cut = src && (res < 0 || src.index < res) ? src.index : res;
  return cut >= 0 ? p.slice(0, cut + 1) : `${slashDir(p)}/`;
}

/** The source set a module file is in (`main`, `debug`, `free`, `freeDebug` …); `main` outside `src/`. */
export function sourceSetOf(path: string): string {
  return SOURCE_SET.exec(slashPath(path))?.[1] ?? 'main';
}

/** Files of the same Android module as `path` that `holds` accepts. */
export function moduleFiles(path: string, workspace: WorkspaceIndex, holds: (file: ParsedFile) => boolean): ParsedFile[] {
  const root = androidModuleRoot(path);
  return workspace.all().filter((f) => holds(f) && androidModuleRoot(f.path) === root);
}

/**
 * The folders whose files tell about the whole app of `path`: its module and, for cross-platform apps
 * (Flutter, React Native, Capacitor keep the Android module in `android/app/`), the project folder
 * above `android/`, where the Dart or JavaScript sign-in code lives.
 */
export function appScopeRoots(path: string): string[] {
  const root = androidModuleRoot(path);
  const roots = [root];
  const android = root.lastIndexOf('/android/');
  if (android >= 0) roots.push(root.slice(0, android + 1));
  return roots;
}

/** Files of the app `path` belongs to (see appScopeRoots) that `holds` accepts. */
export function appFiles(path: string, workspace: WorkspaceIndex, holds: (file: ParsedFile) => boolean): ParsedFile[] {
  const roots = appScopeRoots(path);
  const [module, project] = roots;
  return workspace.all().filter((f) => {
    if (!holds(f)) return false;
    const p = slashPath(f.path);
    if (androidModuleRoot(p) === module) return true;
    // The project folder holds the cross-platform code, not other Android modules.
    return project !== undefined && p.startsWith(project) && !p.startsWith(`${project}android/`);
  });
}

/** The Gradle build file of the module `path` belongs to, when it is in view. */
export function moduleBuild(path: string, workspace: WorkspaceIndex): { file: ParsedFile; build: AndroidBuildInfo } | undefined {
  const root = androidModuleRoot(path);
  for (const file of workspace.all()) {
    if (file.androidBuild && `${slashDir(file.path)}/` === root) return { file, build: file.androidBuild };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Build variants

/** One build variant of a module: what Android Gradle puts into the merged manifest for it. */
export interface AndroidVariant {
  /** `debug`, `freeRelease` … */
  name: string;
  /** The final application id (with every suffix); undefined when the build computes it. */
  applicationId?: string;
  /** `manifestPlaceholders` of the variant, `applicationId` included; a value undefined is computed. */
  placeholders: Map<string, string | undefined>;
  /** Placeholders may exist that the build file sets in a way the reader cannot see. */
  placeholdersPartial: boolean;
  /** Source sets whose files the variant uses, lowest priority first (`main` … the variant itself). */
  sourceSets: string[];
}

/** Variants beyond this many (flavour dimensions multiply) add nothing a user would act on. */
const MAX_VARIANTS = 64;
const IMPLICIT_BUILD_TYPES = ['debug', 'release'];

/**
 * The variants of a module: every build type (`debug` and `release` exist even when not written) with
 * every combination of one flavour per dimension. Without a build file in view there is one variant whose
 * id and placeholders are unknown. `fallbackId` is the id Gradle uses when no block sets one (the
 * namespace, or the manifest's package).
 */
export function androidVariants(build: AndroidBuildInfo | undefined, fallbackId?: AndroidBuildValue): AndroidVariant[] {
  if (!build) return [{ name: 'main', placeholders: new Map(), placeholdersPartial: true, sourceSets: ['main'] }];
  const defaults = build.blocks.filter((b) => b.kind === 'defaultConfig');
  const buildTypes = new Map<string, AndroidBuildBlock[]>(IMPLICIT_BUILD_TYPES.map((name) => [name, []]));
  for (const block of build.blocks) if (block.kind === 'buildType') buildTypes.set(block.name, [...(buildTypes.get(block.name) ?? []), block]);
  const combinations = flavorCombinations(build);
  const variants: AndroidVariant[] = [];
  for (const flavors of combinations) {
    for (const [typeName, typeBlocks] of buildTypes) {
      if (variants.length >= MAX_VARIANTS) return variants;
      variants.push(variantOf(build, defaults, flavors, typeName, typeBlocks, fallbackId));
    }
  }
  return variants;
}

/** Every combination of one flavour per dimension, the first dimension first (its flavour has priority). */
function flavorCombinations(build: AndroidBuildInfo): AndroidBuildBlock[][] {
  const flavors = build.blocks.filter((b) => b.kind === 'flavor');
  if (!flavors.length) return [[]];
  const dimensions = [...build.flavorDimensions];
  for (const flavor of flavors) if (flavor.dimension && !dimensions.includes(flavor.dimension)) dimensions.push(flavor.dimension);
  // With one dimension (or none named) each flavour is a variant on its own.
  const groups = dimensions.length > 1 ? dimensions.map((d) => flavors.filter((f) => f.dimension === d)).filter((g) => g.length) : [flavors];
  let combinations: AndroidBuildBlock[][] = [[]];
  for (const group of groups) {
    const next: AndroidBuildBlock[][] = [];
    for (const combination of combinations) for (const flavor of group) if (next.length < MAX_VARIANTS) next.push([...combination, flavor]);
    combinations = next;
  }
  return combinations;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function variantOf(
  build: AndroidBuildInfo,
  defaults: AndroidBuildBlock[],
  flavors: AndroidBuildBlock[],
  typeName: string,
  typeBlocks: AndroidBuildBlock[],
  fallbackId: AndroidBuildValue | undefined,
): AndroidVariant {
  const flavorName = flavors.map((f, i) => (i ? capitalize(f.name) : f.name)).join('');
  const name = flavorName ? `${flavorName}${capitalize(typeName)}` : typeName;
  // The id: the highest-priority flavour that sets one, else defaultConfig, else the namespace.
  const idSource = [...flavors, ...defaults.slice().reverse()].find((b) => b.applicationId)?.applicationId ?? build.namespace ?? fallbackId;
  let applicationId = idSource && !idSource.partial ? idSource.value.trim() : undefined;
  // Suffixes join in order: defaultConfig, the flavours, the build type; each starts a new segment.
  for (const block of [...defaults, ...flavors, ...typeBlocks]) {
    const suffix = block.applicationIdSuffix;
    if (!suffix || applicationId === undefined) continue;
    if (suffix.partial) applicationId = undefined;
    else if (suffix.value) applicationId += suffix.value.startsWith('.') ? suffix.value : `.${suffix.value}`;
  }
  // A library's `${applicationId}` is the id of the app that includes it, not known here.
  if (build.variantsPartial || build.plugin === 'library') applicationId = undefined;
  // Placeholders: defaultConfig, then the flavours from the lowest priority up, then the build type.
  const placeholders = new Map<string, string | undefined>();
  let placeholdersPartial = false;
  for (const block of [...defaults, ...flavors.slice().reverse(), ...typeBlocks]) {
    for (const { key, value } of block.placeholders) placeholders.set(key, value.partial ? undefined : value.value);
    placeholdersPartial ||= block.placeholdersPartial === true;
  }
  placeholders.set('applicationId', applicationId);
  placeholders.set('packageName', applicationId);
  const sourceSets = ['main', ...flavors.map((f) => f.name)];
  if (flavors.length > 1) sourceSets.push(flavorName);
  sourceSets.push(typeName);
  if (name !== typeName) sourceSets.push(name);
  return { name, applicationId, placeholders, placeholdersPartial, sourceSets };
}

/**
 * A manifest value with the variant's placeholders filled in, as the manifest merger does; undefined when
 * it holds a placeholder the build does not say statically or a resource reference (`@string/x`).
 */
export function resolvePlaceholders(value: string, variant: AndroidVariant): string | undefined {
  if (value.trim().startsWith('@')) return undefined;
  let unknown = false;
  const resolved = value.replace(/\$\{([^}]*)\}/g, (_, key: string) => {
    const filled = variant.placeholders.get(key.trim());
    if (filled === undefined) unknown = true;
    return filled ?? '';
  });
  return unknown ? undefined : resolved;
}

/** The values of a `<data>` element in a variant; undefined when one of them cannot be resolved. */
export function resolveIntentData(data: AndroidIntentData, variant: AndroidVariant): IntentValues | undefined {
  const values: IntentValues = {};
  for (const key of INTENT_KEYS) {
    const written = data[key]?.value;
    if (written === undefined) continue;
    const resolved = resolvePlaceholders(written, variant);
    if (resolved === undefined) return undefined;
    values[key] = resolved;
  }
  return values;
}

/** The variants a file of source set `set` is part of (all of them when no variant names the set). */
export function variantsUsing(set: string, variants: AndroidVariant[]): AndroidVariant[] {
  const using = variants.filter((v) => v.sourceSets.includes(set));
  return using.length ? using : variants;
}

/**
 * The application ids an app module builds, when every variant's is known. Undefined for a library
 * module (its code runs in another app's package) and for test source sets (the test APK has its own id).
 */
export function moduleApplicationIds(path: string, workspace: WorkspaceIndex): string[] | undefined {
  const build = moduleBuild(path, workspace)?.build;
  const set = sourceSetOf(path);
  if (!build || build.plugin === 'library' || /^(test|androidTest)/.test(set)) return undefined;
  if (build.plugin !== 'application' && !build.blocks.some((b) => b.applicationId)) return undefined;
  const variants = variantsUsing(set, variantsOfModule(path, workspace));
  const ids = variants.map((v) => v.applicationId);
  return ids.every((id): id is string => id !== undefined) ? [...new Set(ids)] : undefined;
}

/** The variants of the module of `path`, from its build file (with the manifest's package as the last fallback). */
export function variantsOfModule(path: string, workspace: WorkspaceIndex): AndroidVariant[] {
  const build = moduleBuild(path, workspace)?.build;
  const packageName = moduleFiles(path, workspace, (f) => f.android?.packageName !== undefined)[0]?.android?.packageName;
  return androidVariants(build, packageName);
}

// ---------------------------------------------------------------------------------------------------
// What the app's code says about its MSAL configs

/** The res/raw resource name of a config file (`auth_config` for `…/res/raw/auth_config.json`). */
export function rawResourceName(path: string): string | undefined {
  const p = slashPath(path);
  if (!p.includes('/res/raw/')) return undefined;
  return baseName(p).replace(/\.[^.]*$/, '');
}

/** Code of the app that creates its MSAL app from the res/raw config at `path` (`R.raw.<name>`). */
export function codeUsing(path: string, workspace: WorkspaceIndex): { file: ParsedFile; range: Range; factory: string }[] {
  const name = rawResourceName(path);
  if (!name) return [];
  return appFiles(path, workspace, (f) => f.androidConfigRefs !== undefined).flatMap((file) =>
    file.androidConfigRefs!.filter((ref) => ref.resource === name).map((ref) => ({ file, range: ref.range, factory: ref.factory })),
  );
}

/** The MSAL Android configs of the app of `path` (res/raw files and code), receivers left out. */
export function appMsalConfigs(path: string, workspace: WorkspaceIndex): { file: ParsedFile; config: AuthConfig }[] {
  return appFiles(path, workspace, (f) => f.configs.some(isMsalAndroidConfig)).flatMap((file) =>
    file.configs.filter(isMsalAndroidConfig).map((config) => ({ file, config })),
  );
}

function isMsalAndroidConfig(config: AuthConfig): boolean {
  return config.library === 'msal-android' && !config.receiver;
}

/**
 * Whether a res/raw config is the one a variant uses: its source set is part of the variant and no
 * source set of higher priority in the variant (`src/debug/res/raw/`) holds a file of the same name.
 */
export function configUsedBy(path: string, variant: AndroidVariant, workspace: WorkspaceIndex): boolean {
  const set = sourceSetOf(path);
  const rank = variant.sourceSets.indexOf(set);
  if (rank < 0) return false;
  const name = rawResourceName(path);
  if (!name) return true;
  return !moduleFiles(path, workspace, (f) => f.path !== path && rawResourceName(f.path) === name).some(
    (other) => variant.sourceSets.indexOf(sourceSetOf(other.path)) > rank,
  );
}

// ---------------------------------------------------------------------------------------------------
// Who receives an Android redirect, and for which provider

/**
 * An MSAL Android config's agent. MSAL uses the broker only with a redirect of the form
 * `msauth://<the app's package>/…`: with any other it logs "legacy MSAL redirect uri" and silently signs
 * in with its web UI, so when the module's Gradle file names every application id and none fits, the
 * broker is off whatever the config says.
 */
export function androidConfigAgent(config: AuthConfig, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent {
  const agent: UserAgent = config.userAgent ?? LIBRARIES[config.library].userAgent;
  if (agent.kind !== 'broker' || !agent.fallback) return agent;
  const redirects = config.redirectUris.filter((u) => u.role === 'redirect' && !u.partial);
  const ids = redirects.length ? moduleApplicationIds(file.path, workspace) : undefined;
  if (!ids?.length) return agent;
  const brokered = redirects.some((u) => ids.some((id) => u.value.trim().toLowerCase().startsWith(`msauth://${id.toLowerCase()}/`)));
  if (brokered) return agent;
  const web = agent.fallback === 'embedded' ? 'an embedded web view (authorization_user_agent WEBVIEW)' : 'Custom Tabs';
  const build = moduleBuild(file.path, workspace);
  const idRange = build?.build.blocks.find((b) => b.applicationId)?.applicationId?.range;
  return {
    kind: agent.fallback,
    description: `${web} (MSAL does not use the broker: redirect_uri is not msauth://${ids[0]}/…, the app's package)`,
    evidence: build && idRange ? { file: build.file.path, range: idRange } : undefined,
  };
}

/**
 * The agent of the redirect an Android manifest declares for MSAL: the app's MSAL configs that may send it
 * decide — those whose redirect_uri the filter receives, else those whose redirect_uri is not known
 * statically (a value from code, none written), the ones the code creates its app from first. The
 * broker counts as in use when any of them enables it. A config that sends another redirect says nothing
 * about this one (a Xamarin or MAUI app's manifest beside unrelated configs).
 */
export function androidReceiverAgent(receiver: AuthConfig, file: ParsedFile, workspace: WorkspaceIndex): ResolvedUserAgent | undefined {
  const configs = appMsalConfigs(file.path, workspace).filter((c) => c.file !== file && !c.config.template);
  if (!configs.length) return undefined;
  // The filters as each build variant fills in their placeholders (`${applicationId}`).
  const variants = variantsOfModule(file.path, workspace);
  const filters = (file.android?.intentData ?? []).flatMap((d) => [
    d,
    ...variants.map((v) => resolveIntentData(d, v)).filter((r): r is IntentValues => r !== undefined),
  ]);
  const receives = (config: AuthConfig) =>
    config.redirectUris.some((u) => {
      const split = splitRedirect(u.value.trim());
      return split !== undefined && receiver.redirectUris.some((r) => sameRedirect(r, u) || filters.some((d) => intentAccepts(d, split)));
    });
  // A sample's placeholder (`<enter_your_redirect_uri>`) is replaced before the app runs: it sends nothing.
  const unknown = configs.filter((c) => {
    const redirects = c.config.redirectUris.filter((u) => u.role === 'redirect');
    return !redirects.some((u) => !u.partial) && !redirects.some((u) => holdsPlaceholder(u.value));
  });
  const groups = [configs.filter((c) => receives(c.config)), unknown.filter((c) => codeUsing(c.file.path, workspace).length), unknown];
  const chosen = groups.find((g) => g.length);
  if (!chosen) return undefined;
  const agentOf = (c: (typeof chosen)[number]): ResolvedUserAgent => {
    const agent = androidConfigAgent(c.config, c.file, workspace);
    return agent.evidence || !agent.range ? agent : { ...agent, evidence: { file: c.file.path, range: agent.range } };
  };
  const agents = chosen.map((c) => ({ c, agent: agentOf(c) }));
  const brokered = agents.find((a) => a.agent.kind === 'broker');
  const { c, agent } = brokered ?? agents[0];
  // Evidence points at the config even when the broker is its default (no key written).
  return { ...agent, evidence: agent.evidence ?? { file: c.file.path, range: c.config.range } };
}

function sameRedirect(a: RedirectUri, b: RedirectUri): boolean {
  return safeDecode(a.value.trim()).toLowerCase() === safeDecode(b.value.trim()).toLowerCase();
}

/** Schemes only Microsoft's libraries and broker use: a receiver for them signs in with Entra. */
export function isMicrosoftScheme(scheme: string): boolean {
  return /^(msauth(\..+)?|msal[0-9a-f-]{36})$/i.test(scheme);
}

/** Entra, B2C, External ID and AD FS: the providers whose redirects rules about Entra judge. */
function isEntraFamily(provider: IdentityProvider): boolean {
  return provider === 'entra' || provider === 'b2c' || provider === 'ciam' || provider === 'adfs';
}

/**
 * Whether a redirect an Android file holds is sent to Entra, so rules about Entra judge it here. A config
 * of a library that serves any provider (AppAuth) whose provider fields are all left blank is a template
 * that signs in nowhere yet. A receiver that only declares an AppAuth redirect scheme (an intent filter,
 * the `appAuthRedirectScheme` placeholder) is Entra's when its scheme is Microsoft's (`msauth`) or when
 * every provider the app's code and configs name is Entra's; it is not judged when the request that uses
 * the scheme is in view (it is judged there) or when the app's manifest replaces AppAuth's receiver.
 */
export function isAndroidRedirectSent(owner: AuthConfig | AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): boolean {
  if (owner.kind === 'registration' || owner.platform !== 'android' || LIBRARIES[owner.library].entraOnly) return true;
  if (!owner.receiver) return !owner.template || owner.authority !== undefined;
  if (file.androidBuild && appFiles(file.path, workspace, (f) => f.android?.appAuthReceiver?.replacesLibrary === true).length) return false;
  const scheme = uriScheme(uri.value) ?? '';
  const requests = appFiles(file.path, workspace, (f) => f.configs.some((c) => !c.receiver)).flatMap((f) => f.configs.filter((c) => !c.receiver));
  if (requests.some((c) => c.redirectUris.some((u) => uriScheme(u.value) === scheme))) return false;
  if (isMicrosoftScheme(scheme)) return true;
  const providers = requests.filter((c) => !c.template || c.authority).map(identityProvider);
  return providers.length > 0 && providers.every(isEntraFamily);
}
