import type { Range } from '../model';

/** One row of the AADSTS table as generated into catalogue-data.ts. */
export interface AadstsRecord {
  number: number;
  /** Symbolic name from the reference page (e.g. `CmsiInterrupt`); many codes have none. */
  name?: string;
  /** What the code means, in our words. */
  meaning: string;
  /** What to do about it, in our words. */
  remedy: string;
  /** Whether a repository (config, manifest, IaC) can show the cause. */
  configDetectable: 'yes' | 'partial' | 'no';
  /** What in a repository would show the cause, when it can. */
  configSignal?: string;
  /** `not-in-reference`: a common code that Microsoft's reference page omits (sourced from issue threads). */
  docStatus: 'in-reference' | 'not-in-reference';
  /** Where the facts come from (the reference page, or issue URLs separated by ` ; `). */
  source: string;
}

/** An AADSTS code as the API hands it out. */
export interface AadstsEntry extends AadstsRecord {
  kind: 'aadsts';
  /** `AADSTS50199`. */
  code: string;
  /** Live explanation: https://login.microsoftonline.com/error?code=N. */
  link: string;
}

export type MsalErrorClass = 'ClientConfigurationError' | 'ClientAuthError' | 'InteractionRequiredAuthError' | 'AuthError' | 'ServerError';

/** An MSAL error code (from @azure/msal-node's code constants) or an OAuth 2.0 error that MSAL passes on as ServerError. */
export interface MsalCodeEntry {
  kind: 'msal' | 'oauth';
  /** The code string, e.g. `untrusted_authority`, `invalid_grant`. */
  code: string;
  errorClass: MsalErrorClass;
  /** Key of the constant in msal's code object (e.g. `untrustedAuthority`); absent for OAuth errors. */
  constantName?: string;
  meaning: string;
  remedy: string;
  /** False when the texts are the generic ones for the error class. */
  specific: boolean;
  source: string;
  link: string;
}

export type CatalogueEntry = AadstsEntry | MsalCodeEntry;

/** A rule of ours that prevents a code (from RuleMeta; never stored in the catalogue, so it cannot drift). */
export interface PreventingRule {
  id: string;
  description: string;
  docsUrl: string;
}

/** A value found next to a code (trace id, correlation id, timestamp), with its place in the text. */
export interface Located {
  value: string;
  range: Range;
}

/** How a code was written in the text. */
export type MatchForm =
  | 'aadsts' // AADSTS50199 (the number also appears in `AADSTS50199:` and URL-encoded descriptions)
  | 'error-codes' // "error_codes":[50199, …]
  | 'server-error' // msal ServerError message: `Error(s): 50199 - Timestamp: …` or `50199 - [2024-01-01 10:00:00Z]: …`
  | 'error-no' // errorNo: "50199" / errorNo=50199
  | 'error-link' // login.microsoftonline.com/error?code=50199
  | 'msal-code'; // untrusted_authority

export interface MatchContext {
  traceId?: Located;
  correlationId?: Located;
  timestamp?: Located;
}

export interface CodeMatch {
  kind: 'aadsts' | 'msal' | 'oauth';
  /** Normalised code: `AADSTS50199` or the MSAL / OAuth code string. */
  code: string;
  /** The AADSTS number; absent for MSAL and OAuth codes. */
  number?: number;
  form: MatchForm;
  /** The characters to highlight / hover (e.g. `AADSTS50199`, or `50199` inside error_codes). */
  range: Range;
  /** The catalogue entry; undefined for an AADSTS number the catalogue does not know. */
  entry?: CatalogueEntry;
  context: MatchContext;
}

/** A whole pasted error message, taken apart. */
export interface ParsedErrorMessage {
  /** Every distinct code (its first match): AADSTS codes first, then MSAL / OAuth codes, each in text order. */
  codes: CodeMatch[];
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
  /** The OAuth `error` value (e.g. `invalid_grant`) when the text shows one. */
  error?: string;
}
