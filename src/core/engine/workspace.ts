import type { AppRegistration, AuthConfig, ParsedFile } from '../model';
import { slashPath } from '../io/paths';

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
 * and Android/iOS platform files by folder. Ids are compared case-insensitively (GUIDs).
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, ParsedFile>();
  private byAppId?: Map<string, IndexedRegistration[]>;
  private byClientId?: Map<string, IndexedConfig[]>;

  set(file: ParsedFile): void {
    this.files.set(file.path, file);
    this.invalidate();
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.invalidate();
  }

  get(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }

  all(): ParsedFile[] {
    return [...this.files.values()];
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

  private invalidate(): void {
    this.byAppId = undefined;
    this.byClientId = undefined;
  }

  private registrationIndex(): Map<string, IndexedRegistration[]> {
    this.byAppId ??= groupById(
      [...this.files.values()].flatMap((file) => file.registrations.map((registration) => ({ file, registration }))),
      (entry) => entry.registration.appId?.value,
    );
    return this.byAppId;
  }

  private configIndex(): Map<string, IndexedConfig[]> {
    this.byClientId ??= groupById(
      [...this.files.values()].flatMap((file) => file.configs.map((config) => ({ file, config }))),
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
