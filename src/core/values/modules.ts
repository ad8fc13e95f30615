import { slashDir, slashPath } from '../io/paths';

// How JS/TS modules name each other, for the cross-file link: an imported name becomes the path
// `[IMPORTED, module key, imported name, …members]`, where the module key is the imported file's path
// without its extension. Only relative imports (`./authConfig`) can name a workspace file.

/** First segment of the path of an imported name. */
export const IMPORTED = '\u0000import';

/** The key of the module a file is. */
export function moduleKey(path: string): string {
  return slashPath(path).replace(/\.(d\.)?(js|jsx|mjs|cjs|ts|tsx|mts|cts)$/i, '');
}

/** The key of the module `specifier` names from the file at `from`; undefined for packages. */
export function importedModuleKey(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const out: string[] = [];
  for (const part of `${slashDir(from)}/${specifier}`.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return moduleKey(out.join('/'));
}
