import { replaceValue } from '../../fixes/edits';
import type { AppRegistration, AuthConfig, Fix, Library, ParsedFile, RedirectUri } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';
import { encodeHash } from './android-app';
import { plistsFor } from './ios-app';

/** Libraries whose public-client configs run on a desktop, where the loopback redirect works. */
const DESKTOP_LIBRARIES: readonly Library[] = ['electron', 'msal-node', 'msal-js', 'unknown'];

/**
 * The concrete safe redirect for a custom-scheme URI when the workspace shows enough to write it:
 * http://localhost for desktop apps, msauth.<bundle id>://auth from the Info.plist, msauth://<package>/<hash>
 * from the module's manifest. Undefined when it cannot be derived (browser extensions need their id).
 */
function derivableSafeRedirect(owner: AuthConfig | AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): string | undefined {
  if (uri.platform === 'ios') {
    const bundle = plistsFor(file.path, workspace)
      .map((p) => p.ios?.bundleIdentifier?.value)
      .find((b) => b && !/[$(){}]/.test(b));
    return bundle ? `msauth.${bundle}://auth` : undefined;
  }
  if (uri.platform === 'android') {
    for (const manifest of workspace.sameModule(file.path, (f) => f.android !== undefined)) {
      const pkg = manifest.android?.packageName?.value;
      const data = manifest.android?.intentData.find((d) => d.scheme?.value === 'msauth' && d.host?.value === pkg && d.path && d.path.value.length > 1);
      if (pkg && data?.path) return `msauth://${pkg}/${encodeHash(data.path.value.slice(1))}`;
    }
    return undefined;
  }
  if (uri.platform !== 'publicClient' && uri.platform !== 'unknown') return undefined;
  if (owner.kind === 'config' && !DESKTOP_LIBRARIES.includes(owner.library)) return undefined;
  if (owner.kind === 'config' && owner.platform !== 'publicClient' && owner.platform !== 'unknown') return undefined;
  return 'http://localhost';
}

export interface SafeRedirect {
  /** The concrete safe redirect for this app, when the workspace shows enough to write it. */
  value?: string;
  fixes: Fix[];
}

/** The safe redirect and the quick fix to it. Never unattended: the registration and the app must change together. */
export function safeRedirect(owner: AuthConfig | AppRegistration, uri: RedirectUri, file: ParsedFile, workspace: WorkspaceIndex): SafeRedirect {
  const safe = derivableSafeRedirect(owner, uri, file, workspace);
  const edit = safe ? replaceValue(file, uri, safe) : undefined;
  return { value: safe, fixes: edit ? [{ title: `Use the redirect URI ${safe}`, unattended: false, edits: [edit] }] : [] };
}
