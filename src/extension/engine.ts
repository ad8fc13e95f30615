import type * as Core from './core-bundle';

export type Engine = typeof Core;

let loaded: Engine | undefined;
let loadMs = 0;

/** The engine, loaded on first use (parsers and rules are not needed to activate or to hover). */
export function engine(): Engine {
  if (!loaded) {
    const start = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose
    loaded = require('./core-bundle') as Engine;
    loadMs = performance.now() - start;
  }
  return loaded;
}

export function engineLoaded(): boolean {
  return loaded !== undefined;
}

/** Milliseconds the first `engine()` call took (0 until then). */
export function engineLoadMs(): number {
  return loadMs;
}
