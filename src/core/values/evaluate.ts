import type { Evidence, Platform, Range } from '../model';
import type { ArrayExpr, NameExpr, ValueExpr } from './ir';
import type { Declaration, Scope } from './scope';

/** One value an expression may take. */
export interface Value {
  value: string;
  /** Where the value is written in the file being read (a literal's content, or the expression that builds it). */
  range: Range;
  /** A part is not known statically; it shows as the expression's text (`msal{Id}://auth`). */
  partial?: boolean;
  platform?: Platform;
  /** Other files the value was read from (a constant declared elsewhere). */
  evidence?: Evidence[];
}

/** Strings of an array (`knownAuthorities`), with `partial` when some entries are not known. */
export interface StringList {
  values: string[];
  range: Range;
  partial?: boolean;
}

export interface EvaluatorOptions {
  /** Resolving through names and nested expressions stops here (cycles, hostile nesting). */
  maxDepth?: number;
  /** At most this many alternative values per expression. */
  maxValues?: number;
  /** A name declared more often than this (one per `#if` branch is normal) is read from its first declarations only. */
  maxDeclarations?: number;
}

/**
 * Static values of IR expressions (see ./index.ts for the API and its rules). Never throws; every loop is
 * bounded by the depth, value and declaration limits, so cycles (`a = b; b = a`) and blow-ups end.
 */
export type { Evidence };

export class ValueEvaluator {
  private readonly maxDepth: number;
  private readonly maxValues: number;
  private readonly maxDeclarations: number;

  constructor(
    private readonly scope: Scope,
    options: EvaluatorOptions = {},
  ) {
    this.maxDepth = options.maxDepth ?? 12;
    this.maxValues = options.maxValues ?? 16;
    this.maxDeclarations = options.maxDeclarations ?? 4;
  }

  /** Every value `expr` may take; values whose start is unknown (so their scheme is) are dropped. */
  values(expr: ValueExpr, depth = 0): Value[] {
    if (depth > this.maxDepth) return [];
    let result: Value[];
    switch (expr.kind) {
      case 'string':
        result = this.joined(
          expr.parts.map((p) => ('text' in p ? p.text : p.hole)),
          expr.range,
          depth,
        );
        break;
      case 'concat':
        result = this.joined(expr.operands, expr.range, depth);
        break;
      case 'name':
        result = this.nameValues(expr, depth);
        break;
      case 'alternatives':
        result = [];
        for (const option of expr.options) {
          for (const v of this.values(option, depth + 1)) if (result.length < this.maxValues) result.push(v);
        }
        break;
      default:
        return []; // objects, arrays and unknown expressions hold no string
    }
    if (expr.platform) result = result.map((v) => ({ ...v, platform: expr.platform }));
    return result;
  }

  /** The one fully known value of `expr`, or undefined (no value, several, or a partial one). */
  known(expr: ValueExpr, depth = 0): Value | undefined {
    const values = this.values(expr, depth);
    return values.length === 1 && !values[0].partial ? values[0] : undefined;
  }

  /** The strings of an array expression (or of a single value), following names to their declarations. */
  strings(expr: ValueExpr): StringList | undefined {
    const target = this.follow(expr);
    if (target.kind !== 'array') {
      const single = this.values(target).find((v) => !v.partial);
      return single ? { values: [single.value], range: single.range } : undefined;
    }
    return this.arrayStrings(target);
  }

  /** The expression a name stands for (its first declaration), through names and member paths. */
  follow(expr: ValueExpr, depth = 0): ValueExpr {
    let current = expr;
    for (let d = depth; current.kind === 'name' && d <= this.maxDepth; d++) {
      const declaration = this.declarations(current, d)[0];
      if (!declaration) break;
      current = declaration.expr;
    }
    return current;
  }

  /** Declarations of a name: the scope's, or properties reached through an object a prefix of the path names. */
  declarations(expr: NameExpr, depth = 0): readonly Declaration[] {
    const direct = this.scope.resolve(expr.path, expr);
    if (direct) return direct.slice(0, this.maxDeclarations);
    // `b2cPolicies.authorities.signIn`: the longest prefix the scope knows, then object properties.
    for (let k = expr.path.length - 1; k >= 1; k--) {
      const bases = this.scope.resolve(expr.path.slice(0, k), expr);
      if (!bases) continue;
      const found: Declaration[] = [];
      for (const base of bases.slice(0, this.maxDeclarations)) {
        const property = this.property(base.expr, expr.path.slice(k), depth);
        if (property) found.push({ ...base, expr: property });
      }
      return found;
    }
    return [];
  }

  private property(object: ValueExpr, path: readonly string[], depth: number): ValueExpr | undefined {
    let current: ValueExpr | undefined = object;
    for (const key of path) {
      current = current && this.follow(current, depth + 1);
      if (current?.kind !== 'object') return undefined;
      current = current.properties.get(key);
    }
    return current;
  }

  private nameValues(expr: NameExpr, depth: number): Value[] {
    const result: Value[] = [];
    for (const declaration of this.declarations(expr, depth)) {
      for (const v of this.values(declaration.expr, depth + 1)) {
        if (result.length >= this.maxValues) return result;
        const platform = v.platform ?? declaration.platform;
        if (!declaration.file) {
          result.push(platform ? { ...v, platform } : v);
          continue;
        }
        // Declared in another file: the value is reported where this file uses it.
        const evidence = [...(v.evidence ?? []), { file: declaration.file, range: declaration.range ?? v.range }];
        result.push({ ...v, range: expr.range, ...(platform ? { platform } : {}), evidence });
      }
    }
    return result;
  }

  /** Text parts and operands in a row: known ones joined, unknown ones shown by their display text. */
  private joined(pieces: (string | ValueExpr)[], range: Range, depth: number): Value[] {
    let value = '';
    let partial = false;
    let evidence: Evidence[] | undefined;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        value += piece;
        continue;
      }
      const known = this.known(piece, depth + 1);
      if (known) {
        value += known.value;
        if (known.evidence) evidence = [...(evidence ?? []), ...known.evidence];
        continue;
      }
      if (value === '') return []; // `${origin}/auth`: the scheme is not known
      value += displayOf(piece);
      partial = true;
    }
    const result: Value = { value, range };
    if (partial) result.partial = true;
    if (evidence) result.evidence = evidence;
    return [result];
  }

  private arrayStrings(array: ArrayExpr): StringList {
    const values: string[] = [];
    let partial = array.open === true;
    for (const element of array.elements) {
      const known = this.values(element).filter((v) => !v.partial);
      if (!known.length) partial = true; // a variable or a call: it may name anything
      values.push(...known.map((v) => v.value));
    }
    return { values, range: array.range, ...(partial ? { partial } : {}) };
  }
}

/** How an expression shows inside a partial value. */
function displayOf(expr: ValueExpr): string {
  if (expr.display !== undefined) return expr.display;
  if (expr.kind === 'name') return `{${expr.path.join('.')}}`;
  return '{…}';
}
