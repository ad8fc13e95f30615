import type { AndroidStringResource, AuthConfig, Evidence, Located, ParsedFile, RedirectUri } from '../model';
import { parseAuthority } from '../entra/authority';
import { holdsPlaceholder } from '../entra/uri';
import { LIBRARIES } from '../entra/libraries';
import { redirectUri } from '../formats/config-util';
import { RESOURCE_MARKER, resourceNames } from '../formats/android-values';
import { androidModuleRoot, sourceSetOf } from '../rules/shared/android-app';
import { slashPath } from '../io/paths';

// Android string resources, linked by the workspace index. Code reads a redirect from `res/values*`
// (`Uri.parse(getString(R.string.redirect_uri))`), a manifest its scheme (`android:scheme="@string/x"`):
// their readers leave a marker (formats/android-values.ts) and stay silent. Here a values file gets, for
// each config of its module that sends one of its strings, a config of the same library, provider and
// user agent whose redirect is the string itself — so rules report where the user edits the value, and
// the related information points at the code that sends it. A string no config sends is not a redirect.
//
// An AppAuth request whose redirect argument the engine cannot follow (`idp.getRedirectUri()`, read from a
// field the constructor filled with `R.string.b2c_redirect_uri` — Azure-Samples/active-directory-b2c-android-
// native-appauth IdentityProvider.java) sends the module's string named like a redirect that its code names.

/** A string resource name that says it holds the redirect (`redirect_uri`, `b2c_redirect_uri`, `auth_redirect_url`). */
const REDIRECT_NAME = /redirect/i;
const URI_SHAPED = /^[A-Za-z][A-Za-z0-9+.-]*:\/?/;

interface ModuleFiles {
  values: ParsedFile[];
  users: ParsedFile[];
}

export class AndroidResources {
  private readonly modules = new Map<string, ModuleFiles>();

  constructor(files: Iterable<ParsedFile>) {
    const users: ParsedFile[] = [];
    for (const file of files) {
      if (file.androidValues === undefined) {
        if (AndroidResources.linksWith(file)) users.push(file);
        continue;
      }
      const root = androidModuleRoot(file.path);
      const module = this.modules.get(root);
      if (module) module.values.push(file);
      else this.modules.set(root, { values: [file], users: [] });
    }
    // Code belongs to the module whose res/ folder is nearest above it: `app/src/main/java/…` (Gradle) and
    // `app/java/…` beside `app/res/` (the Eclipse layout AppAuth's demo app keeps).
    const roots = [...this.modules.keys()].sort((a, b) => b.length - a.length);
    for (const user of users.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const own = androidModuleRoot(user.path);
      const root = this.modules.has(own) ? own : roots.find((r) => slashPath(user.path).startsWith(r));
      if (root) this.modules.get(root)!.users.push(user);
    }
  }

  private moduleOf(file: ParsedFile): ModuleFiles | undefined {
    return this.modules.get(androidModuleRoot(file.path));
  }

  /** A values file: its configs come from the code and manifests of its module. */
  static needsLink(file: ParsedFile): boolean {
    return file.androidValues !== undefined && file.androidValues.strings.length > 0;
  }

  /** Files whose change changes what values files say: the values files and the Android code and manifests that use them. */
  static linksWith(file: ParsedFile): boolean {
    return file.androidValues !== undefined || file.androidStringRefs !== undefined || file.configs.some((c) => c.platform === 'android');
  }

  /** The values file with the configs of the redirects its module sends from it (itself when none). */
  link(file: ParsedFile): ParsedFile {
    const module = this.moduleOf(file);
    const own = module ? this.counted(file, module) : new Map<string, AndroidStringResource>();
    if (!module || !own.size) return file;
    const configs: AuthConfig[] = [];
    for (const user of module.users) {
      for (const config of user.configs) {
        if (config.platform !== 'android') continue;
        const copy = this.directUses(config, user, own, module) ?? this.indirectUses(config, user, own, module);
        if (copy) configs.push(copy);
      }
    }
    return configs.length ? { ...file, configs: [...file.configs, ...configs] } : file;
  }

  /**
   * The strings of a values file that Android uses: all of a default `values/` file's, and of a qualified
   * one (`values-fr/`) those its source set's default files do not define.
   */
  private counted(file: ParsedFile, module: ModuleFiles): Map<string, AndroidStringResource> {
    const strings = new Map<string, AndroidStringResource>();
    const info = file.androidValues!;
    const set = sourceSetOf(file.path);
    const defaults = info.qualifier
      ? new Set(
          module.values
            .filter((v) => v.androidValues!.qualifier === '' && sourceSetOf(v.path) === set)
            .flatMap((v) => v.androidValues!.strings.map((s) => s.name)),
        )
      : undefined;
    for (const resource of info.strings) if (!strings.has(resource.name) && !defaults?.has(resource.name)) strings.set(resource.name, resource);
    return strings;
  }

  /** A string of the module for a name another file of it defines: the same source set's default first, then main's, then any. */
  private lookup(name: string, module: ModuleFiles, set: string): string | undefined {
    const ranked = module.values
      .map((v) => ({ v, rank: (v.androidValues!.qualifier === '' ? 0 : 2) + (sourceSetOf(v.path) === set ? 0 : sourceSetOf(v.path) === 'main' ? 1 : 4) }))
      .sort((a, b) => a.rank - b.rank);
    for (const { v } of ranked) {
      const found = v.androidValues!.strings.find((s) => s.name === name);
      if (found) return found.value.value;
    }
    return undefined;
  }

  /** Redirects the config names through markers, one of whose strings this file defines. */
  private directUses(config: AuthConfig, user: ParsedFile, own: Map<string, AndroidStringResource>, module: ModuleFiles): AuthConfig | undefined {
    const redirects: RedirectUri[] = [];
    const set = sourceSetOf(user.path);
    for (const uri of config.redirectUris) {
      const names = resourceNames(uri.value);
      const place = names.map((n) => own.get(n)).find((r) => r !== undefined);
      if (!place) continue;
      const value = uri.value.replace(RESOURCE_MARKER, (marker, name: string) => own.get(name)?.value.value ?? this.lookup(name, module, set) ?? marker);
      const message = config.receiver ? 'The manifest receives this redirect here.' : 'The app sends this redirect here.';
      redirects.push(this.redirect(value, place, uri, { file: user.path, range: uri.range, message }));
    }
    return redirects.length ? this.configFor(config, user, redirects, own, module) : undefined;
  }

  /** An AppAuth request whose redirect the engine cannot see: the redirect-named strings its module's code names. */
  private indirectUses(config: AuthConfig, user: ParsedFile, own: Map<string, AndroidStringResource>, module: ModuleFiles): AuthConfig | undefined {
    // Only the first such request of the module takes them (several would report one string twice).
    if (!isUnseenRequest(config) || module.users.flatMap((u) => u.configs).find(isUnseenRequest) !== config) return undefined;
    const redirects: RedirectUri[] = [];
    const seen = new Set<string>();
    for (const reader of module.users) {
      for (const ref of reader.androidStringRefs ?? []) {
        const resource = own.get(ref.name);
        if (!resource || seen.has(ref.name) || !REDIRECT_NAME.test(ref.name) || !URI_SHAPED.test(resource.value.value)) continue;
        seen.add(ref.name);
        const uri = this.redirect(resource.value.value, resource, undefined, {
          file: reader.path,
          range: ref.range,
          message: 'The app reads this redirect here.',
        });
        uri.evidence!.push({ file: user.path, range: config.range, message: 'The sign-in request that sends it is here.' });
        redirects.push(uri);
      }
    }
    return redirects.length ? this.configFor(config, user, redirects, own, module) : undefined;
  }

  private redirect(value: string, place: AndroidStringResource, uri: RedirectUri | undefined, evidence: Evidence): RedirectUri {
    const raw = uri?.implied ? place.value.value : undefined;
    const result = redirectUri(value, place.value.range, uri?.platform ?? 'android', uri?.role ?? 'redirect', { implied: uri?.implied, raw });
    result.evidence = [evidence];
    return result;
  }

  /** The using config as this file sees it: its library, provider and user agent, with fields located here. */
  private configFor(config: AuthConfig, user: ParsedFile, redirects: RedirectUri[], own: Map<string, AndroidStringResource>, module: ModuleFiles): AuthConfig {
    const copy: AuthConfig = { kind: 'config', library: config.library, platform: config.platform, redirectUris: redirects, range: redirects[0].range };
    if (config.receiver) copy.receiver = true;
    if (config.template) copy.template = true;
    // The agent's range is in the using file; the copy keeps what it is, not where it is written.
    if (config.userAgent) copy.userAgent = { ...config.userAgent, range: undefined };
    const authority = this.authorityFor(config, user, own, module, redirects[0].range);
    if (authority) copy.authority = authority;
    return copy;
  }

  /**
   * The provider the using config signs in with, located in this file: a resource of this file when the
   * config's authority names one; the config's own https authority (anchored at the redirect); else, for a
   * request that shows none, the one provider the issuer-shaped strings its module's code names agree on.
   */
  private authorityFor(
    config: AuthConfig,
    user: ParsedFile,
    own: Map<string, AndroidStringResource>,
    module: ModuleFiles,
    anchor: RedirectUri['range'],
  ): Located<string> | undefined {
    const set = sourceSetOf(user.path);
    const written = config.authority?.value;
    if (written && resourceNames(written).length) {
      const [name] = resourceNames(written);
      const here = own.get(name);
      if (here) return { value: here.value.value, range: here.value.range };
      const value = this.lookup(name, module, set);
      return value ? anchored(value, anchor) : undefined;
    }
    if (written && parseAuthority(written)) return anchored(written, anchor);
    if (written || config.receiver) return undefined;
    const kinds = new Map<string, Located<string>>();
    for (const reader of module.users) {
      for (const ref of reader.androidStringRefs ?? []) {
        const here = own.get(ref.name);
        const value = here?.value.value ?? this.lookup(ref.name, module, set);
        const info = value ? parseAuthority(value) : undefined;
        if (!value || !info || info.scheme !== 'https') continue;
        if (!kinds.has(info.kind)) kinds.set(info.kind, here ? { value, range: here.value.range } : { value, range: anchor });
      }
    }
    return kinds.size === 1 ? [...kinds.values()][0] : undefined;
  }
}

/** An AppAuth request that passes a redirect the engine cannot follow (or none it can see). */
function isUnseenRequest(config: AuthConfig): boolean {
  return (
    config.platform === 'android' &&
    !config.receiver &&
    !LIBRARIES[config.library].entraOnly &&
    config.redirectUris.every((u) => u.partial && !resourceNames(u.value).length)
  );
}

/** An authority written in another file, anchored in this one: only an https one that is no placeholder (rules about its own text stay there). */
function anchored(value: string, anchor: RedirectUri['range']): Located<string> | undefined {
  return parseAuthority(value)?.scheme === 'https' && !holdsPlaceholder(value) ? { value, range: anchor } : undefined;
}
