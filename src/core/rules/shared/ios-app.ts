import { slashPath } from '../../io/paths';
import type { ParsedFile } from '../../model';
import type { WorkspaceIndex } from '../../engine/workspace';

// Where an iOS app declares the URL schemes it receives: the Info.plist files of the app a config belongs
// to, and whether one of their entries (with build variables) covers a scheme. Shared by
// ios-url-scheme-missing and the custom-scheme quick fix.

/** Folders above a config searched for the app's Info.plist when none is in the same module (React Native: src/ vs ios/). */
const MAX_LEVELS_UP = 3;
const SOURCE_FOLDER = /^(src|app|lib|config|configs|auth|utils|services)$/i;

/**
 * Whether a CFBundleURLSchemes entry (possibly `msauth.$(PRODUCT_BUNDLE_IDENTIFIER)`) covers a scheme: each
 * build variable stands for one or more characters. Matched by a left-to-right scan rather than a built
 * regex, whose backtracking over many variables would grow with the power of their number.
 */
export function schemeCovers(entry: string, scheme: string): boolean {
  const pieces = entry.toLowerCase().split(/\$\([^)]*\)|\$\{[^}]*\}/);
  const target = scheme.toLowerCase();
  if (pieces.length === 1) return target === pieces[0];
  if (!target.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (const piece of pieces.slice(1, -1)) {
    // The leftmost place after at least one character is always the best choice for a literal piece.
    const found = target.indexOf(piece, at + 1);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const last = pieces[pieces.length - 1];
  return target.length - last.length >= at + 1 && target.endsWith(last);
}

/** The Info.plist files of the app a config belongs to: its module's, else those of the nearest ios/ project folder above it. */
export function plistsFor(path: string, workspace: WorkspaceIndex): ParsedFile[] {
  const inModule = workspace.sameModule(path, (f) => f.ios !== undefined);
  if (inModule.length) return inModule;
  const plists = workspace.all().filter((f) => f.ios);
  // Climb only out of source folders (src/, src/config/ …), so a sibling app's ios/ folder is never taken.
  let folder = slashPath(path).slice(0, slashPath(path).lastIndexOf('/'));
  for (let level = 0; level <= MAX_LEVELS_UP && folder; level++) {
    const base = folder;
    // An iOS project folder of this one (React Native, Flutter, Capacitor: ios/; MAUI: Platforms/iOS/).
    const under = plists.filter((f) => {
      const p = slashPath(f.path);
      return p.startsWith(`${base}/`) && /^\/(ios|platforms\/ios)\//i.test(p.slice(base.length));
    });
    if (under.length) return under;
    if (!SOURCE_FOLDER.test(folder.slice(folder.lastIndexOf('/') + 1))) break;
    folder = folder.slice(0, folder.lastIndexOf('/'));
  }
  return [];
}
