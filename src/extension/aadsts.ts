import type * as Aadsts from './aadsts-bundle';

let loaded: typeof Aadsts | undefined;

/** The AADSTS knowledge, loaded on first use so activation never pays for the catalogue. */
export function aadsts(): typeof Aadsts {
  // Loaded lazily on purpose (a static import would load the catalogue at activation).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./aadsts-bundle') as typeof Aadsts;
  return loaded;
}
