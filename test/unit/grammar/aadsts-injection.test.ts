import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// Runs the injection grammar in the real TextMate engine VS Code uses (vscode-textmate + oniguruma WASM),
// injected into small host grammars written for this test: a log grammar, plain text, and a C-like language
// with strings and comments (as package.json's injectTo does for real languages).

const REPO = path.resolve(__dirname, '../../../..');
const GRAMMAR_PATH = path.join(REPO, 'syntaxes/aadsts.injection.tmLanguage.json');
const INJECTION = 'text.aadsts.injection';

const HOSTS: Record<string, object> = {
  'text.log': {
    scopeName: 'text.log',
    patterns: [
      { match: '\\b(ERROR|WARN|INFO)\\b', name: 'markup.heading.log' },
      { begin: '"', end: '"', name: 'string.quoted.log' },
    ],
  },
  'text.plain': { scopeName: 'text.plain', patterns: [] },
  'source.demo': {
    scopeName: 'source.demo',
    patterns: [
      { begin: '//', end: '$', name: 'comment.line.double-slash.demo' },
      { begin: '"', end: '"', name: 'string.quoted.double.demo', patterns: [{ match: '\\\\.', name: 'constant.character.escape.demo' }] },
      { begin: "'", end: "'", name: 'string.quoted.single.demo', patterns: [{ match: '\\\\.', name: 'constant.character.escape.demo' }] },
      { match: '\\b\\d+\\b', name: 'constant.numeric.demo' },
    ],
  },
};

let onigLoaded: Promise<textmate.IOnigLib> | undefined;
function onigLib(): Promise<textmate.IOnigLib> {
  onigLoaded ??= (async () => {
    const wasm = fs.readFileSync(path.join(REPO, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLoaded;
}

const registry = new textmate.Registry({
  onigLib: onigLib(),
  loadGrammar: async (scopeName) => {
    if (scopeName === INJECTION) return textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    const host = HOSTS[scopeName];
    return host ? textmate.parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null;
  },
  getInjections: (scopeName) => (scopeName in HOSTS ? [INJECTION] : undefined),
});

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(scopeName: string, line: string): Promise<Token[]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, scopeName);
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** The scopes of the token whose text is exactly `text` (the nth such token). */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.text === text)[nth];
  assert.ok(found, `no token '${text}' in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return found.scopes;
}

const TRACE = '5d3e1c2a-7b8f-4a6e-9c0d-1e2f3a4b5c6d';
const CORRELATION = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';

describe('grammar: AADSTS injection', () => {
  it('is a valid injection grammar with the documented scope name and selector', () => {
    const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, 'text.aadsts.injection');
    assert.equal(grammar.injectionSelector, 'L:text.log, L:text.plain, L:string, L:comment');
  });

  it('marks the code, trace id, correlation id and timestamp of a log line', async () => {
    const tokens = await tokenize(
      'text.log',
      `2025-02-01T12:00:00.123Z ERROR sign-in failed: AADSTS50011: The redirect URI does not match. Trace ID: ${TRACE} Correlation ID: ${CORRELATION}`,
    );
    assert.deepEqual(scopesOf(tokens, '2025-02-01T12:00:00.123Z'), ['text.log', 'constant.numeric.timestamp.aadsts']);
    assert.deepEqual(scopesOf(tokens, 'ERROR'), ['text.log', 'markup.heading.log']);
    assert.deepEqual(scopesOf(tokens, 'AADSTS'), ['text.log', 'meta.error-code.aadsts', 'keyword.other.error-code-prefix.aadsts']);
    assert.deepEqual(scopesOf(tokens, '50011'), ['text.log', 'meta.error-code.aadsts', 'constant.numeric.error-code.aadsts']);
    assert.deepEqual(scopesOf(tokens, 'Trace ID'), ['text.log', 'entity.name.label.trace-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, TRACE), ['text.log', 'constant.other.trace-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, 'Correlation ID'), ['text.log', 'entity.name.label.correlation-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, CORRELATION), ['text.log', 'constant.other.correlation-id.aadsts']);
  });

  it('marks msal ServerError numbers and URL-encoded error links', async () => {
    const tokens = await tokenize(
      'text.log',
      'WARN invalid_request: Error(s): 9002326 - Timestamp: 2025-03-04 09:15:27Z error_uri=https%3a%2f%2flogin.microsoftonline.com%2ferror%3fcode%3d50199&state=x',
    );
    assert.deepEqual(scopesOf(tokens, '9002326'), ['text.log', 'constant.numeric.error-code.aadsts']);
    assert.deepEqual(scopesOf(tokens, '2025-03-04 09:15:27Z'), ['text.log', 'constant.numeric.timestamp.aadsts']);
    assert.deepEqual(scopesOf(tokens, '50199'), ['text.log', 'constant.numeric.error-code.aadsts']);
  });

  it('marks codes inside strings and comments of a language, and nothing in its code', async () => {
    const tokens = await tokenize('source.demo', 'if (AADSTS50199 == 1) log("failed: AADSTS50199: confirm") // see AADSTS50011');
    assert.deepEqual(scopesOf(tokens, 'if (AADSTS50199 == '), ['source.demo']);
    assert.deepEqual(scopesOf(tokens, '50199'), ['source.demo', 'string.quoted.double.demo', 'meta.error-code.aadsts', 'constant.numeric.error-code.aadsts']);
    assert.deepEqual(scopesOf(tokens, '50011'), [
      'source.demo',
      'comment.line.double-slash.demo',
      'meta.error-code.aadsts',
      'constant.numeric.error-code.aadsts',
    ]);
  });

  it("marks ids that are JSON values without breaking the host's strings", async () => {
    const line = `{"error_codes":[50199],"trace_id":"${TRACE}","correlation_id": "${CORRELATION}","timestamp":"2024-01-01 10:00:00Z","error_uri":"https://login.microsoftonline.com/error?code=50199"}`;
    const tokens = await tokenize('source.demo', line);
    assert.deepEqual(scopesOf(tokens, TRACE), ['source.demo', 'string.quoted.double.demo', 'constant.other.trace-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, CORRELATION), ['source.demo', 'string.quoted.double.demo', 'constant.other.correlation-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, '2024-01-01 10:00:00Z'), ['source.demo', 'string.quoted.double.demo', 'constant.numeric.timestamp.aadsts']);
    assert.deepEqual(scopesOf(tokens, '50199', 1), ['source.demo', 'string.quoted.double.demo', 'constant.numeric.error-code.aadsts']);
    // The host still closes each string: the commas between them are plain code.
    assert.ok(tokens.filter((t) => t.text.startsWith('"') && t.text.endsWith(',')).length === 0);
    assert.deepEqual(scopesOf(tokens, ','), ['source.demo']);
  });

  it('marks JSON escaped inside a string and an errorNo', async () => {
    const tokens = await tokenize('source.demo', `log('body={\\"trace_id\\":\\"${TRACE}\\"} errorNo: "50076"')`);
    assert.deepEqual(scopesOf(tokens, TRACE), ['source.demo', 'string.quoted.single.demo', 'constant.other.trace-id.aadsts']);
    assert.deepEqual(scopesOf(tokens, '50076'), ['source.demo', 'string.quoted.single.demo', 'constant.numeric.error-code.aadsts']);
  });

  it('works in plain text and leaves look-alikes alone', async () => {
    const tokens = await tokenize('text.plain', `aadsts700016 ${TRACE} 2024-01-01 build 50199 AADSTS`);
    assert.deepEqual(scopesOf(tokens, '700016'), ['text.plain', 'meta.error-code.aadsts', 'constant.numeric.error-code.aadsts']);
    const rest = tokens.filter((t) => t.text !== 'aadsts' && t.text !== '700016');
    assert.deepEqual(
      rest.map((t) => t.scopes),
      [['text.plain']],
    );
  });
});
