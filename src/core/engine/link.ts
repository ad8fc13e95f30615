import type { AuthConfig, ExportedSymbol, ParsedFile, PendingValue, RedirectUri } from '../model';
import { slashPath } from '../io/paths';
import { IMPORTED, lookupNames, moduleKey, ValueEvaluator, type Declaration, type Scope, type Value } from '../values';

// The cross-file link, run by the workspace index after files are read (and again when one changes).
// Readers describe each file alone: what it exports (values in the evaluator's IR) and which config
// fields depend on names it could not resolve (pending values). Here those names are looked up in the
// other files, the values are evaluated, and a linked copy of the file replaces the values read locally;
// each value taken from another file names that file as evidence (the finding's related information).
// A name no file declares stays as the reader left it (partial, or no value): rules stay silent.
//
// C#: names are looked up among the C# files nearest the file (the longest shared folder: files of one
// project before those of another). JS/TS: an imported name is looked up in the module its import names.
// Builder fragments (a method that receives a builder, per platform) take the app's settings from the
// config that passes its builder to that method.

export class SymbolTable {
  private readonly byName = new Map<string, { file: ParsedFile; symbol: ExportedSymbol }[]>();
  private readonly byModule = new Map<string, ParsedFile>();
  private readonly fragmentOwners: { file: ParsedFile; config: AuthConfig }[] = [];

  constructor(files: Iterable<ParsedFile>) {
    for (const file of files) {
      const symbols = file.symbols;
      if (symbols?.language === 'js') this.byModule.set(moduleKey(file.path), file);
      for (const symbol of symbols?.exports ?? []) {
        for (const name of symbol.names) {
          const key = `${symbols!.language}:${name}`;
          const list = this.byName.get(key);
          if (list) list.push({ file, symbol });
          else this.byName.set(key, [{ file, symbol }]);
        }
      }
      for (const config of file.configs) if (config.builderPassedTo?.length) this.fragmentOwners.push({ file, config });
    }
  }

  /** Whether a file needs linking (it has pending values or builder fragments). */
  static needsLink(file: ParsedFile): boolean {
    return (file.symbols?.pending.length ?? 0) > 0 || file.configs.some((c) => c.builderParameterOf);
  }

  /** The scope other files give `file`. */
  scopeFor(file: ParsedFile): Scope {
    const symbols = file.symbols;
    if (symbols?.language === 'js') return this.moduleScope(file);
    return {
      resolve: (path) => {
        for (const name of lookupNames(path)) {
          const found = nearest(this.byName.get(`csharp:${name}`) ?? [], file.path);
          if (found.length) return found.map(({ file: from, symbol }) => declaration(from, symbol));
        }
        return undefined;
      },
    };
  }

  /** JS: `[IMPORTED, module key, imported name, …members]` paths (values/modules.ts) resolve in that module. */
  private moduleScope(file: ParsedFile): Scope {
    return {
      resolve: (path) => {
        if (path[0] !== IMPORTED || path.length < 3) return undefined;
        const target = this.byModule.get(path[1]) ?? this.byModule.get(`${path[1]}/index`);
        if (!target?.symbols || target === file) return undefined;
        const rest = path.slice(3);
        const name = path[2] === '*' ? rest.shift() : path[2];
        const symbol = name === undefined ? undefined : target.symbols.exports.find((e) => e.names.includes(name));
        if (!symbol) return [];
        if (!rest.length) return [declaration(target, symbol)];
        // `b2cPolicies.authorityDomain`: a property of the exported object.
        const property = propertyPath(symbol.expr, rest);
        return property ? [{ ...declaration(target, symbol), expr: property, range: property.range }] : [];
      },
    };
  }

  /** Configs that pass their builder to `method` (the nearest files first). */
  ownersOf(method: string, file: ParsedFile): AuthConfig[] {
    const candidates = this.fragmentOwners.filter((o) => o.config.builderPassedTo!.includes(method));
    return nearest(
      candidates.map((o) => ({ file: o.file, symbol: o.config })),
      file.path,
    ).map((o) => o.symbol);
  }
}

/** The file with its pending values filled from other files, or the file itself when nothing changes. */
export function linkFile(file: ParsedFile, table: SymbolTable): ParsedFile {
  if (!SymbolTable.needsLink(file)) return file;
  const configs = file.configs.slice();
  const copy = (index: number): AuthConfig => {
    if (configs[index] === file.configs[index]) configs[index] = { ...file.configs[index], redirectUris: file.configs[index].redirectUris.slice() };
    return configs[index];
  };
  let changed = false;
  const evaluator = new ValueEvaluator(table.scopeFor(file));
  for (const pending of file.symbols?.pending ?? []) {
    if (!configs[pending.config]) continue;
    if (pending.field === 'knownAuthorities') {
      // Linked when other files tell more than the file alone did (an imported host or list).
      const list = evaluator.strings(pending.expr);
      const current = configs[pending.config].knownAuthorities;
      if (!list || (list.values.join('\n') === current?.value.join('\n') && !!list.partial === !!current?.partial)) continue;
      copy(pending.config).knownAuthorities = { value: list.values, range: current?.range ?? pending.range, ...(list.partial ? { partial: true } : {}) };
      changed = true;
      continue;
    }
    const values = evaluator.values(pending.expr);
    if (!linkedFromElsewhere(values)) continue; // no other file declares the names: the local reading stands
    const config = copy(pending.config);
    changed = true;
    if (pending.field === 'redirectUri' || pending.field === 'postLogoutRedirectUri') {
      config.redirectUris = replaceRedirects(config, pending, values);
      continue;
    }
    const known = values.find((v) => !v.partial);
    if (!known) continue;
    config[pending.field] = { value: known.value, range: known.range, ...(known.evidence ? { evidence: known.evidence } : {}) };
  }
  configs.forEach((config, index) => {
    if (!config.builderParameterOf) return;
    const owner = table.ownersOf(config.builderParameterOf, file)[0];
    if (!owner) return;
    const fragment = copy(index);
    fragment.clientId ??= owner.clientId;
    fragment.authority ??= owner.authority;
    fragment.tenant ??= owner.tenant;
    fragment.instance ??= owner.instance;
    // The app's choice of broker or web view holds unless the platform's method makes its own.
    if (!fragment.userAgent?.range && owner.userAgent) fragment.userAgent = owner.userAgent;
    changed = true;
  });
  return changed ? { ...file, configs } : file;
}

function linkedFromElsewhere(values: Value[]): boolean {
  return values.some((v) => (v.evidence?.length ?? 0) > 0);
}

/** The config's redirects with those read locally from the pending expression replaced by the linked ones. */
function replaceRedirects(config: AuthConfig, pending: PendingValue, values: Value[]): RedirectUri[] {
  const role = pending.field === 'redirectUri' ? 'redirect' : 'postLogout';
  const kept = config.redirectUris.filter((u) => u.role !== role || u.range.start < pending.range.start || u.range.end > pending.range.end);
  const seen = new Set(kept.map((u) => `${u.range.start}:${u.platform}:${u.value}`));
  for (const v of values) {
    const platform = v.platform ?? pending.platform ?? config.platform;
    const id = `${v.range.start}:${platform}:${v.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const uri: RedirectUri = { value: v.value, range: v.range, platform, role };
    if (v.partial) uri.partial = true;
    if (v.evidence) uri.evidence = v.evidence;
    kept.push(uri);
  }
  return kept;
}

function declaration(file: ParsedFile, symbol: ExportedSymbol): Declaration {
  return { expr: symbol.expr, platform: symbol.platform, file: file.path, range: symbol.range };
}

/** The entries whose files share the longest folder with `path` (files of the same project first); never `path` itself. */
function nearest<T extends { file: ParsedFile }>(entries: T[], path: string): T[] {
  const from = slashPath(path);
  let best = -1;
  let found: T[] = [];
  for (const entry of entries) {
    if (entry.file.path === path) continue;
    const shared = sharedFolderLength(from, slashPath(entry.file.path));
    if (shared > best) {
      best = shared;
      found = [entry];
    } else if (shared === best) found.push(entry);
  }
  return found;
}

function sharedFolderLength(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}

function propertyPath(expr: ExportedSymbol['expr'], path: string[]): ExportedSymbol['expr'] | undefined {
  let current: ExportedSymbol['expr'] | undefined = expr;
  for (const key of path) {
    if (current?.kind !== 'object') return undefined;
    current = current.properties.get(key);
  }
  return current;
}
