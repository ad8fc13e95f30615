import * as assert from 'node:assert/strict';
import { lex, type LanguageSpec } from '../../../src/core/lexing/lexer';
import { CSHARP, DART, KOTLIN, SWIFT } from '../../../src/core/lexing/languages';
import {
  chainScopes,
  EMPTY_SCOPE,
  expressionOf,
  MapScope,
  stringLiteral,
  ValueEvaluator,
  type Scope,
  type TokenSyntax,
  type Value,
} from '../../../src/core/values';

// The shared evaluator through the token front end: what C#, Kotlin, Swift and Dart readers get for the
// shapes real apps write (see test/unit/formats/msal-js.test.ts for the Babel front end).

const CS: TokenSyntax = { display: (s) => `{${s}}`, transparentConstructors: new Set(['Uri']) };
const KT: TokenSyntax = { display: (s) => `\${${s}}`, elvis: true };
const SW: TokenSyntax = { display: (s) => `\\(${s})`, elvis: false };

/** The IR of the expression after `=` up to `;` in `text`. */
function parse(text: string, spec: LanguageSpec = CSHARP, syntax: TokenSyntax = CS) {
  const tokens = lex(text, spec).tokens;
  const eq = tokens.findIndex((t) => t.text === '=');
  const end = tokens.findIndex((t, k) => k > eq && t.text === ';');
  return expressionOf(tokens.slice(eq + 1, end < 0 ? undefined : end), syntax);
}

const show = (values: Value[]) => values.map((v) => `${v.value}${v.partial ? ' (partial)' : ''}${v.platform ? ` [${v.platform}]` : ''}`);

/** Names declared as `name = "literal"` in a scope of their own. */
function scopeOf(declarations: Record<string, string>, file?: string): Scope {
  const scope = new MapScope();
  for (const [name, value] of Object.entries(declarations)) scope.add(name, { expr: stringLiteral(value, { start: 0, end: value.length }), file });
  return scope;
}

describe('values: the shared evaluator', () => {
  it('reports every alternative of ?? and ?: (C#), with the literal range of each', () => {
    const text = 'var r = redirect ?? $"msal{ClientId}://auth";';
    const values = new ValueEvaluator(scopeOf({ ClientId: 'abc' })).values(parse(text));
    assert.deepEqual(show(values), ['msalabc://auth']); // `redirect` is unknown: it adds nothing
    assert.equal(text.slice(values[0].range.start, values[0].range.end), 'msal{ClientId}://auth');
    const ternary = new ValueEvaluator(EMPTY_SCOPE).values(parse('var r = useBroker ? "msauth.com.x://auth" : "http://localhost";'));
    assert.deepEqual(show(ternary), ['msauth.com.x://auth', 'http://localhost']);
  });

  it('keeps partial values whose scheme is known and drops those whose start is unknown', () => {
    const evaluator = new ValueEvaluator(EMPTY_SCOPE);
    assert.deepEqual(show(evaluator.values(parse('var a = $"msal{Settings.Id}://auth";'))), ['msal{Settings.Id}://auth (partial)']);
    assert.deepEqual(show(evaluator.values(parse('var a = "contoso://" + GetPath() + "/x";'))), ['contoso://{GetPath()}/x (partial)']);
    assert.deepEqual(show(evaluator.values(parse('var a = $"{BaseUri}/auth";'))), []);
    assert.deepEqual(show(evaluator.values(parse('var a = BaseUri + "/auth";'))), []);
  });

  it('substitutes a name only when it has one fully known value', () => {
    const twice = new MapScope();
    twice.add('Id', { expr: stringLiteral('a', { start: 0, end: 1 }), platform: 'android' });
    twice.add('Id', { expr: stringLiteral('b', { start: 0, end: 1 }), platform: 'ios' });
    const evaluator = new ValueEvaluator(twice);
    assert.deepEqual(show(evaluator.values(parse('var r = Id;'))), ['a [android]', 'b [ios]']);
    assert.deepEqual(show(evaluator.values(parse('var r = "msal" + Id + "://auth";'))), ['msal{Id}://auth (partial)']);
  });

  it('reads parentheses, numbers, member paths and new Uri(…)', () => {
    const evaluator = new ValueEvaluator(scopeOf({ 'Config.Port': '5000' }));
    assert.deepEqual(show(evaluator.values(parse('var r = ("http://localhost:" + Config.Port);'))), ['http://localhost:5000']);
    assert.deepEqual(show(evaluator.values(parse('var u = new Uri("myapp://callback");'))), ['myapp://callback']);
    assert.deepEqual(show(evaluator.values(parse('var n = "http://localhost:" + 8400;'))), ['http://localhost:8400']);
  });

  it('chains scopes innermost first and walks object literals by member path', () => {
    const local = scopeOf({ redirect: 'msal123://auth' });
    const file = new MapScope();
    const inner = {
      kind: 'object' as const,
      properties: new Map([['signIn', stringLiteral('https://contoso.b2clogin.com/x', { start: 5, end: 9 })]]),
      range: { start: 0, end: 20 },
    };
    file.add('b2cPolicies', {
      expr: { kind: 'object', properties: new Map([['authorities', inner]]), range: { start: 0, end: 30 } },
    });
    file.add('redirect', { expr: stringLiteral('shadowed://x', { start: 0, end: 1 }) });
    const evaluator = new ValueEvaluator(chainScopes(local, file));
    assert.deepEqual(show(evaluator.values(parse('var r = redirect;'))), ['msal123://auth']);
    assert.deepEqual(show(evaluator.values(parse('var a = b2cPolicies.authorities.signIn;'))), ['https://contoso.b2clogin.com/x']);
    assert.deepEqual(show(evaluator.values(parse('var a = b2cPolicies.authorities.missing;'))), []);
  });

  it('reports a value from another file at the reference, with that file as evidence', () => {
    const project = scopeOf({ RedirectUri: 'msal42://auth' }, '/app/Constants.cs');
    const text = 'var r = RedirectUri + "";';
    const [value] = new ValueEvaluator(project).values(parse(text));
    assert.equal(value.value, 'msal42://auth');
    assert.equal(text.slice(value.range.start, value.range.end), 'RedirectUri + ""');
    assert.deepEqual(value.evidence, [{ file: '/app/Constants.cs', range: { start: 0, end: 13 } }]);
  });

  it('ends on cycles and caps the number of alternatives', () => {
    const cyclic = new MapScope();
    cyclic.add('a', { expr: parse('var x = b;') });
    cyclic.add('b', { expr: parse('var x = a ?? "x://y";') });
    assert.ok(new ValueEvaluator(cyclic).values(parse('var r = a;')).length >= 1);
    const wide = parse(`var r = ${Array.from({ length: 100 }, (_, i) => `"s${i}://x"`).join(' ?? ')};`);
    assert.equal(new ValueEvaluator(EMPTY_SCOPE).values(wide).length, 16);
  });

  it('Kotlin: `$name` holes and the Elvis operator; Swift: `\\( )` holes and ??; Dart: ${…}', () => {
    const scope = scopeOf({ pkg: 'com.contoso', hash: 'abc' });
    const kotlin = new ValueEvaluator(scope).values(parse('val r = intent.redirect ?: "msauth://$pkg/${hash}";', KOTLIN, KT));
    assert.deepEqual(show(kotlin), ['msauth://com.contoso/abc']);
    const swift = new ValueEvaluator(scope).values(parse('let r = custom ?? "msauth.\\(pkg)://auth\\(suffix)";', SWIFT, SW));
    assert.deepEqual(show(swift), ['msauth.com.contoso://auth\\(suffix) (partial)']);
    const dart = new ValueEvaluator(scope).values(parse("final r = 'msauth://$pkg/${Uri.encodeComponent(hash)}';", DART, KT));
    assert.deepEqual(show(dart), ['msauth://com.contoso/${Uri.encodeComponent(hash)} (partial)']);
  });

  it('reads a string array, partial when an entry is unknown', () => {
    const array = {
      kind: 'array' as const,
      elements: [stringLiteral('login.microsoftonline.com', { start: 1, end: 5 }), parse('var x = host;')],
      range: { start: 0, end: 9 },
    };
    assert.deepEqual(new ValueEvaluator(EMPTY_SCOPE).strings(array), { values: ['login.microsoftonline.com'], range: { start: 0, end: 9 }, partial: true });
  });
});
