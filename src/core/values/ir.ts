import type { Platform, Range } from '../model';

// The expression IR the shared evaluator reads. A reader's front end (Babel AST for JS, tokens for C# and
// the other C-family languages) turns the expression that holds a value into these few shapes; anything
// else is `unknown` and keeps the text a partial value shows for it.

export type ValueExpr = StringExpr | NameExpr | ConcatExpr | AlternativesExpr | ObjectExpr | ArrayExpr | UnknownExpr;

interface Node {
  range: Range;
  /** How the expression shows inside a partial value when it is not known (`{Settings.Id}`, `${getId()}`). */
  display?: string;
  /** The value applies to this platform only (a `#if __IOS__` declaration, a `Platform.select` branch). */
  platform?: Platform;
}

/** A string literal: decoded text and holes (`$"msal{ClientId}://auth"`, `` `${base}/auth` ``). `range` is its content. */
export interface StringExpr extends Node {
  kind: 'string';
  parts: StringExprPart[];
}

export type StringExprPart = { text: string } | { hole: ValueExpr };

/** A name or a member path: `ClientId`, `Constants.RedirectUri`, `this.redirect`, `b2cPolicies.authorities.signIn`. */
export interface NameExpr extends Node {
  kind: 'name';
  path: string[];
}

/** `a + b + c`: the value is known where every operand is. `range` covers the whole expression. */
export interface ConcatExpr extends Node {
  kind: 'concat';
  operands: ValueExpr[];
}

/** `a ?? b`, `a || b`, `c ? a : b`, `Platform.select({...})`: each option is a value the code may take. */
export interface AlternativesExpr extends Node {
  kind: 'alternatives';
  options: ValueExpr[];
}

/** An object literal whose properties a member path can reach (`const b2c = { authorityDomain: "…" }`). */
export interface ObjectExpr extends Node {
  kind: 'object';
  properties: Map<string, ValueExpr>;
  /** Spreads or computed keys: properties not listed may exist. */
  open?: boolean;
}

/** An array literal (`knownAuthorities: [a, "b"]`); `open` when it holds spreads. */
export interface ArrayExpr extends Node {
  kind: 'array';
  elements: ValueExpr[];
  open?: boolean;
}

/** Anything not known statically (a call, `process.env.X`); `display` is how a partial value shows it (`{x}`, `${x}`). */
export interface UnknownExpr extends Node {
  kind: 'unknown';
  display: string;
}

export const unknown = (range: Range, display: string): UnknownExpr => ({ kind: 'unknown', range, display });
export const stringLiteral = (value: string, range: Range): StringExpr => ({ kind: 'string', parts: [{ text: value }], range });
