import type { Platform, Range } from '../model';
import type { NameExpr, ValueExpr } from './ir';

// Where names get their values. A scope answers "what may this name (or member path) hold here?" with
// declarations; scopes chain from the innermost (locals) outwards (fields and properties, file-level
// constants, then other files of the project).

/** One place a name gets a value: a declaration, an initializer or an assignment. */
export interface Declaration {
  expr: ValueExpr;
  /** The value holds only on this platform (declared inside `#if __ANDROID__`). */
  platform?: Platform;
  /** The declaration is in another file: values keep the reference's range and name this file as evidence. */
  file?: string;
  /** Where the declaration is in `file` (for related information). */
  range?: Range;
}

export interface Scope {
  /**
   * Declarations of `path` (a name, or a member path such as `Constants.RedirectUri`) visible at the
   * reference; undefined when this scope does not know it (the next scope is asked). An empty list means
   * "known here, and it has no value" (a name shadowed by a parameter).
   */
  resolve(path: readonly string[], reference: NameExpr): readonly Declaration[] | undefined;
}

/** The first scope that knows a name answers. */
export function chainScopes(...scopes: (Scope | undefined)[]): Scope {
  const present = scopes.filter((s): s is Scope => s !== undefined);
  return {
    resolve(path, reference) {
      for (const scope of present) {
        const found = scope.resolve(path, reference);
        if (found) return found;
      }
      return undefined;
    },
  };
}

/**
 * A scope over a map of names to declarations; `this.`/`self.` prefixes are dropped. `lazy` entries are
 * turned into declarations on first use (a reader need not convert what no value refers to).
 */
export class MapScope implements Scope {
  private readonly declarations = new Map<string, readonly Declaration[]>();

  constructor(private readonly lazy?: (name: string) => readonly Declaration[] | undefined) {}

  add(name: string, declaration: Declaration): void {
    const list = this.declarations.get(name);
    this.declarations.set(name, list ? [...list, declaration] : [declaration]);
  }

  has(name: string): boolean {
    return this.declarations.has(name) || this.lazy?.(name) !== undefined;
  }

  resolve(path: readonly string[]): readonly Declaration[] | undefined {
    const name = path[0] === 'this' || path[0] === 'self' ? path.slice(1).join('.') : path.join('.');
    let found = this.declarations.get(name);
    if (!found && this.lazy) {
      found = this.lazy(name);
      if (found) this.declarations.set(name, found);
    }
    return found;
  }
}

/** No names at all. */
export const EMPTY_SCOPE: Scope = { resolve: () => undefined };
