import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { lintPaths } from '../../../src/core/engine/lint';
import { executedMarkers, HOSTILE_DIR } from '../../helpers/hostile';
import { filesUnder } from '../../helpers/files';

const REPO = path.resolve(__dirname, '../../../..');

/** Modules that reach the network, run processes or evaluate code; the engine and the CLI use none. */
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'vm', 'cluster', 'inspector', 'undici'];

function isForbiddenModule(specifier: string): boolean {
  const name = specifier.replace(/^node:/, '').split('/')[0];
  return FORBIDDEN_MODULES.includes(name);
}

/** Every use of a forbidden module or of code evaluation in one TypeScript source (walked without recursion). */
export function forbiddenUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const at = (node: ts.Node) => `${path.basename(fileName)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const stack: ts.Node[] = [source];
  while (stack.length) {
    const node = stack.pop()!;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (isForbiddenModule(node.moduleSpecifier.text)) problems.push(`${at(node)} imports ${node.moduleSpecifier.text}`);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref) && isForbiddenModule(ref.text)) problems.push(`${at(node)} imports ${ref.text}`);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (literal === undefined) problems.push(`${at(node)} loads a module from a computed path`);
        else if (isForbiddenModule(literal)) problems.push(`${at(node)} loads ${literal}`);
      }
      if (ts.isIdentifier(callee) && ['eval', 'fetch', 'Function'].includes(callee.text)) {
        problems.push(`${at(node)} calls ${callee.text}`);
      }
      if (
        (callee.getText(source) === 'setTimeout' || callee.getText(source) === 'setInterval') &&
        first &&
        !ts.isArrowFunction(first) &&
        !ts.isFunctionExpression(first) &&
        !ts.isIdentifier(first)
      ) {
        problems.push(`${at(node)} passes code text to ${callee.getText(source)}`);
      }
      if (
        ts.isPropertyAccessExpression(callee) &&
        ['fetch', 'eval'].includes(callee.name.text) &&
        /^(globalThis|window|global|self)$/.test(callee.expression.getText(source))
      ) {
        problems.push(`${at(node)} calls ${callee.getText(source)}`);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
      problems.push(`${at(node)} creates a Function from text`);
    }
    node.forEachChild((child) => void stack.push(child));
  }
  return problems;
}

const isTypeScript = (name: string) => name.endsWith('.ts');

describe('safety: no code execution, no network', () => {
  it('the scanner finds each kind of forbidden use (so a clean result means something)', () => {
    const bad = [
      "import * as http from 'node:http';",
      "import { exec } from 'child_process';",
      "export { request } from 'https';",
      "import net = require('net');",
      "const vm = require('vm');",
      'const plugin = require(pluginPath);',
      'const mod = await import(`./${name}`);',
      "fetch('https://example.com');",
      "globalThis.fetch('https://example.com');",
      "eval('1 + 1');",
      "const f = new Function('return 1');",
      "setTimeout('doSomething()', 10);",
      "import { Worker } from 'node:worker_threads';",
    ];
    for (const line of bad) assert.equal(forbiddenUses('sample.ts', line).length, 1, line);
    const fine = [
      "import * as fs from 'node:fs';",
      "const babel = require('@babel/parser');",
      'setTimeout(() => run(), 10);',
      "const text = 'fetch(x) and eval(y) in a string';",
      '// require(anything) in a comment',
    ];
    for (const line of fine) assert.deepEqual(forbiddenUses('sample.ts', line), [], line);
  });

  it('no file under src/core or src/cli imports a network or process module, evaluates code or requires a computed path', () => {
    const files = [...filesUnder(path.join(REPO, 'src/core'), isTypeScript), ...filesUnder(path.join(REPO, 'src/cli'), isTypeScript)];
    assert.ok(files.length > 10, `only ${files.length} sources found`);
    const problems = files.flatMap((file) => forbiddenUses(file, fs.readFileSync(file, 'utf8')));
    assert.deepEqual(problems, []);
  });

  it('linting the booby-trapped workspace loads none of its files and starts no process', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const childProcess = require('node:child_process') as Record<string, unknown>;
    const loads: string[] = [];
    const spawned: string[] = [];
    const originalLoad = Module._load;
    const processFunctions = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
    const originals = processFunctions.map((name) => childProcess[name]);
    Module._load = function (request, parent, isMain) {
      if (request.includes('hostile') || isForbiddenModule(request)) loads.push(request);
      return originalLoad.call(this, request, parent, isMain);
    };
    for (const name of processFunctions) childProcess[name] = (...args: unknown[]) => void spawned.push(`${name} ${String(args[0])}`);
    let findings: { ruleId: string }[];
    try {
      findings = lintPaths([path.join(HOSTILE_DIR, 'booby-trap')], HOSTILE_DIR).findings;
    } finally {
      Module._load = originalLoad;
      processFunctions.forEach((name, i) => (childProcess[name] = originals[i]));
    }
    assert.deepEqual(loads, []);
    assert.deepEqual(spawned, []);
    assert.deepEqual(executedMarkers(), []);
    assert.ok(findings.filter((f) => f.ruleId === 'custom-scheme-redirect').length >= 3, 'the trapped files were read (parsed) all the same');
  });
});
