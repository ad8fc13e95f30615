import type { NameExpr, ValueExpr } from './ir';
import type { Scope } from './scope';

// Prepares an expression for the engine's cross-file link: names the file itself resolves are replaced
// by what they stand for (with the platform of their declaration), and names it cannot resolve stay,
// renamed by `qualify` to the name other files export (`RedirectUri` inside class PlatformConfig →
// `PlatformConfig.RedirectUri`). The result needs no scope of this file any more.

export interface Inlined {
  expr: ValueExpr;
  /** Names the file could not resolve (qualified): the expression depends on other files. */
  unresolved: string[][];
}

const MAX_DEPTH = 12;

export function inlineNames(expr: ValueExpr, scope: Scope, qualify: (name: NameExpr) => string[]): Inlined {
  const unresolved: string[][] = [];
  const visit = (node: ValueExpr, depth: number): ValueExpr => {
    if (depth > MAX_DEPTH) return { kind: 'unknown', range: node.range, display: node.display ?? '{…}', platform: node.platform };
    switch (node.kind) {
      case 'name': {
        const declarations = scope.resolve(node.path, node);
        if (!declarations) {
          const path = qualify(node);
          unresolved.push(path);
          return { ...node, path };
        }
        const options = declarations.map((d) => {
          const inner = visit(d.expr, depth + 1);
          const platform = inner.platform ?? d.platform;
          return platform ? { ...inner, platform } : inner;
        });
        if (options.length === 1) return node.display === undefined ? options[0] : { ...options[0], display: node.display };
        return { kind: 'alternatives', options, range: node.range, display: node.display, platform: node.platform };
      }
      case 'string':
        return { ...node, parts: node.parts.map((p) => ('text' in p ? p : { hole: visit(p.hole, depth + 1) })) };
      case 'concat':
        return { ...node, operands: node.operands.map((o) => visit(o, depth + 1)) };
      case 'alternatives':
        return { ...node, options: node.options.map((o) => visit(o, depth + 1)) };
      case 'object':
        return { ...node, properties: new Map([...node.properties].map(([k, v]) => [k, visit(v, depth + 1)])) };
      case 'array':
        return { ...node, elements: node.elements.map((e) => visit(e, depth + 1)) };
      default:
        return node;
    }
  };
  return { expr: visit(expr, 0), unresolved };
}
