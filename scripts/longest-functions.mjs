// Lists the longest functions of a source tree, measured with the TypeScript compiler API: every function
// declaration, method, constructor, accessor, function expression and arrow function, by the lines from its
// first token to its last (a nested function counts inside its parent and again on its own).
//   node scripts/longest-functions.mjs [--top N] [--json] [FOLDER]   (default: src, top 10)
// Used for before/after figures of refactorings: run it on a `git archive` of an old commit and on today's tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 1));

function parseArgs(argv) {
  const options = { top: 10, json: false, folder: 'src' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') options.top = Number.parseInt(argv[++i], 10);
    else if (argv[i] === '--json') options.json = true;
    else options.folder = argv[i];
  }
  if (!Number.isInteger(options.top) || options.top < 1) throw new Error('--top needs a positive whole number');
  return options;
}

function sourceFiles(folder) {
  const files = [];
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  }
  return files.sort();
}

const FUNCTION_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
]);

/** A readable name: the declared one, else the variable or property the function is assigned to. */
function nameOf(node, source) {
  if (node.kind === ts.SyntaxKind.Constructor) return `${nameOf(node.parent, source)}.constructor`;
  if (node.name) {
    const own = node.name.getText(source);
    const owner = node.parent && (ts.isClassLike(node.parent) || ts.isObjectLiteralExpression(node.parent)) ? ownerName(node.parent, source) : undefined;
    return owner ? `${owner}.${own}` : own;
  }
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

function ownerName(container, source) {
  if (container.name) return container.name.getText(source);
  // An object literal assigned to a variable (`export const rule = { check() {} }`) or a nested property.
  let node = container.parent;
  while (node && !ts.isVariableDeclaration(node) && !ts.isPropertyAssignment(node))
    node = ts.isObjectLiteralExpression(node) || ts.isAsExpression(node) ? node.parent : undefined;
  return node?.name ? node.name.getText(source) : undefined;
}

function measure(folder) {
  const functions = [];
  for (const file of sourceFiles(folder)) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => {
      if (FUNCTION_KINDS.has(node.kind) && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        functions.push({ lines: end - start + 1, file: path.relative(folder, file).replace(/\\/g, '/'), line: start + 1, name: nameOf(node, source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return functions.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

const options = parseArgs(process.argv.slice(2));
const functions = measure(path.resolve(options.folder));
const top = functions.slice(0, options.top);
if (options.json) {
  process.stdout.write(`${JSON.stringify({ folder: options.folder, functions: functions.length, top }, null, 2)}\n`);
} else {
  const width = Math.max(...top.map((f) => `${f.file}:${f.line}`.length));
  process.stdout.write(`${functions.length} functions under ${options.folder}; the ${top.length} longest (lines):\n`);
  for (const f of top) process.stdout.write(`${String(f.lines).padStart(5)}  ${`${f.file}:${f.line}`.padEnd(width)}  ${f.name}\n`);
}
