// Static values of code: the one constant evaluator of the engine, shared by every reader of code
// (JS/TS, C#, and the C-family and script readers: Swift, Kotlin, Java, Dart, Groovy, PowerShell).
//
// How a reader uses it:
//   1. Front end: turn the expression that holds a value into the IR (./ir.ts): string literals with
//      their parts and holes, names and member paths, `+` concatenation, alternatives (`??`, `||`, `?:`,
//      Elvis, Platform.select), object and array literals, and `unknown` for the rest. Token-based
//      readers call `expressionOf(tokens, syntax)` (./tokens.ts) with the lexer's tokens of the expression
//      and a TokenSyntax (how unknown parts display: `{x}` in C#, `${x}` in Kotlin/Dart/JS, `\(x)` in
//      Swift; whether `?:` is Elvis; constructors such as `new Uri(x)` that pass their argument on).
//      The JS reader converts Babel nodes itself (formats/msal-js.ts).
//   2. Scopes: say what names hold, innermost first, with `chainScopes(locals, members, file, project)`.
//      A Scope resolves a name or member path to Declarations (an IR expression, the platform of its
//      `#if` branch, and the file when it is another one). `MapScope` is a ready map (lazy entries).
//      Object literals are walked by member paths (`b2cPolicies.authorityDomain`) when a prefix resolves.
//   3. Evaluate: `new ValueEvaluator(scope).values(expr)` returns every value the expression may take,
//      each with its range in the file being read, `partial` when a part is unknown (shown as its display
//      text), its platform, and `evidence` (other files it was read from, for related information).
//      `known(expr)` is the single fully known value or undefined; `strings(expr)` reads arrays.
//
// Rules the evaluator keeps (so every reader judges alike):
//   - A value whose start is unknown is dropped: its scheme cannot be known (`$"{BaseUri}/auth"`).
//   - A hole or operand is substituted only when it has exactly one fully known value; otherwise the
//     value is partial and rules stay silent about the unknown part.
//   - Alternatives report every option; a name with several declarations (one per `#if` branch) gives
//     one value per declaration, each with its platform.
//   - A value from the same file keeps the range of its literal; one from another file is reported at
//     the reference and names the declaration's file as evidence.
//   - Bounded: depth (cycles), values per expression and declarations per name are capped; never throws.
export { ValueEvaluator, type Evidence, type EvaluatorOptions, type StringList, type Value } from './evaluate';
export * from './ir';
export { chainScopes, EMPTY_SCOPE, MapScope, type Declaration, type Scope } from './scope';
export { expressionOf, stringOf, type TokenSyntax } from './tokens';
export { inlineNames, type Inlined } from './inline';
export { CsFileSymbols, csharpFileScope, exportNames, lookupNames, type CsDeclaration } from './csharp-scope';
export { IMPORTED, importedModuleKey, moduleKey } from './modules';
