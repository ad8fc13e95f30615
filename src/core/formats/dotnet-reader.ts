import type { AuthConfig, PendingValue, Platform, Range } from '../model';
import type { CsToken } from '../lexing/languages/csharp';
import type { Value, ValueExpr } from '../values';

/** What the C# reader (dotnet-code.ts) lends the readers of its helper files: tokens, bracket matching, the file's evaluator. */
export interface CsCodeReader {
  /** The file's text: a reader whose marker word is absent from it skips its pass over the tokens. */
  readonly text: string;
  readonly tokens: readonly CsToken[];
  /** Index of the bracket closing the one at `open` (the last token when it is missing). */
  matchingParen(open: number): number;
  /** The comma-separated arguments between two token indexes, nesting respected. */
  splitArguments(from: number, to: number): CsToken[][];
  /** The IR of an expression, in the file's C# syntax. */
  expression(tokens: CsToken[]): ValueExpr;
  /** Every static value of an expression through the file's scope. */
  values(expr: ValueExpr): Value[];
  /** The platform of the `#if` branch or the platform folder in force at token `i`. */
  platformAt(i: number): Platform | undefined;
  /** Marks `expr` as needing other files when it names what this file does not declare. */
  notePendingExpr(owner: AuthConfig, field: PendingValue['field'], expr: ValueExpr, range: Range, platform: Platform): void;
}

/** The index of a token among the file's (ordered by offset), by binary search. */
export function indexOfToken(tokens: readonly CsToken[], token: CsToken): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < token.start) low = middle + 1;
    else if (tokens[middle].start > token.start) high = middle - 1;
    else return tokens[middle] === token ? middle : -1;
  }
  return -1;
}
