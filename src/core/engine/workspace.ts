import type { AppRegistration, AuthConfig, ParsedFile } from '../model';
import { slashPath } from '../io/paths';
import { linkFile, SymbolTable } from './link';
import { AndroidResources } from './android-resources';

export interface IndexedRegistration {
  file: ParsedFile;
  registration: AppRegistration;
}

export interface IndexedConfig {
  file: ParsedFile;
  config: AuthConfig;
}

/**
 * What the workspace holds, for rules that compare files: registrations by appId, configs by client id,
 * and Android/iOS platform files by folder. Ids are compared case-insensitively (GUIDs). Files are
 * handed out linked (engine/link.ts): values a file takes from other files are filled in, and linked
 * again whenever a file that declares or needs such values changes.
 */
export class WorkspaceIndex {
  /** Files as their readers read them. */
  private readonly files = new Map<string, ParsedFile>();
  private readonly linked = new Map<string, ParsedFile>();
  private symbols?: SymbolTable;
  private resources?: AndroidResources;
  private byAppId?: Map<string, IndexedRegistration[]>;
  private byClientId?: Map<string, IndexedConfig[]>;

  set(file: ParsedFile): void {
    const previous = this.files.get(file.path);
    this.files.set(file.path, file);
    this.invalidate(linksMatter(file) || (previous !== undefined && linksMatter(previous)), file.path);
  }

  delete(path: string): void {
    const previous = this.files.get(path);
    if (previous && this.files.delete(path)) this.invalidate(linksMatter(previous), path);
  }

  /** The file, linked with the files it takes values from. */
  get(path: string): ParsedFile | undefined {
    const file = this.files.get(path);
    return file && this.linkedOf(file);
  }

  all(): ParsedFile[] {
    return [...this.files.values()].map((f) => this.linkedOf(f));
  }

  /** Files that link with `path`: those that take values from it, or from which it takes values. */
  linkedWith(path: string): string[] {
    const file = this.files.get(path);
    if (!file || !symbolsMatter(file)) return [];
    const language = file.symbols?.language ?? 'csharp';
    return [...this.files.values()]
      .filter((f) => f.path !== path && SymbolTable.needsLink(f) && (f.symbols?.language ?? 'csharp') === language)
      .map((f) => f.path);
  }

  private linkedOf(file: ParsedFile): ParsedFile {
    const resources = AndroidResources.needsLink(file);
    if (!SymbolTable.needsLink(file) && !resources) return file;
    let linked = this.linked.get(file.path);
    if (!linked) {
      this.symbols ??= new SymbolTable(this.files.values());
      linked = linkFile(file, this.symbols);
      // Android string resources: the redirects the module's code and manifests send from this values file.
      if (resources) linked = (this.resources ??= new AndroidResources(this.files.values())).link(linked);
      this.linked.set(file.path, linked);
    }
    return linked;
  }

  registrationsFor(appId: string | undefined): IndexedRegistration[] {
    if (!appId) return [];
    return this.registrationIndex().get(idKey(appId)) ?? [];
  }

  configsFor(clientId: string | undefined): IndexedConfig[] {
    if (!clientId) return [];
    return this.configIndex().get(idKey(clientId)) ?? [];
  }

  /** The registrations a config signs in with: those whose appId equals its client id (no id, no link). */
  linkedRegistrations(config: AuthConfig): IndexedRegistration[] {
    return this.registrationsFor(config.clientId?.value);
  }

  /** The configs that sign in with a registration. */
  linkedConfigs(registration: AppRegistration): IndexedConfig[] {
    return this.configsFor(registration.appId?.value);
  }

  /** Files under the same module folder as `path` (see moduleRoot) that `holds` accepts (an Android manifest, an MSAL config). */
  sameModule(path: string, holds: (file: ParsedFile) => boolean): ParsedFile[] {
    const root = moduleRoot(path);
    return this.all().filter((f) => holds(f) && slashPath(f.path).startsWith(root));
  }

  /** `links`: the file declares or needs values of other files (or Android resources), so every linked file is linked again. */
  private invalidate(links: boolean, path: string): void {
    this.byAppId = undefined;
    this.byClientId = undefined;
    if (links) {
      this.symbols = undefined;
      this.resources = undefined;
      this.linked.clear();
    } else this.linked.delete(path);
  }

  private registrationIndex(): Map<string, IndexedRegistration[]> {
    this.byAppId ??= groupById(
      this.all().flatMap((file) => file.registrations.map((registration) => ({ file, registration }))),
      (entry) => entry.registration.appId?.value,
    );
    return this.byAppId;
  }

  private configIndex(): Map<string, IndexedConfig[]> {
    this.byClientId ??= groupById(
      this.all().flatMap((file) => file.configs.map((config) => ({ file, config }))),
      (entry) => entry.config.clientId?.value,
    );
    return this.byClientId;
  }
}

/**
 * The module folder of a platform file: the part of the path before the first `/src/main/`, `/res/`,
 * `/Platforms/`, `/Properties/` or `/Resources/`, else the file's folder. Android configs and manifests of
 * one module (and a MAUI project's platform files) share it.
 */
function moduleRoot(path: string): string {
  const p = slashPath(path);
  const markers = ['/src/main/', '/res/', '/Platforms/', '/Properties/', '/Resources/'];
  let cut = -1;
  for (const marker of markers) {
    const at = p.indexOf(marker);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  if (cut >= 0) return p.slice(0, cut + 1);
  return p.slice(0, p.lastIndexOf('/') + 1);
}

/** Groups entries by id, compared trimmed and case-insensitively (GUIDs); entries without an id are left out. */
function groupById<T>(entries: T[], idOf: (entry: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const raw = idOf(entry);
    const id = raw === undefined ? '' : idKey(raw);
    if (!id) continue;
    const group = groups.get(id);
    if (group) group.push(entry);
    else groups.set(id, [entry]);
  }
  return groups;
}

/** The form ids are compared in: app and client ids are GUIDs, whose case and surrounding spaces do not matter. */
function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** A file whose values link with other files' (it exports or needs values, or passes or receives a builder). */
function linksMatter(file: ParsedFile): boolean {
  return symbolsMatter(file) || AndroidResources.linksWith(file);
}

/** A file whose code values link with other files' (Android resources re-lint through their formats' facts). */
function symbolsMatter(file: ParsedFile): boolean {
  return file.symbols !== undefined || file.configs.some((c) => c.builderPassedTo !== undefined || c.builderParameterOf !== undefined);
}
