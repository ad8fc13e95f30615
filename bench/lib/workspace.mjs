// A generated repository of 20,000 files: application source, node_modules, build output, and 200 auth
// files spread over every format. Only the auth files (and sniff candidates such as *.json outside the
// excluded folders) should ever be opened.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENTS } from './documents.mjs';

export const WORKSPACE_FILES = 20000;
export const AUTH_FILES = 200;
// No .ts files: tsconfig.json includes bench/**/*.ts, and generated files must never be compiled.
const VERSION = 'workspace-v3';

const source = (i) =>
  `import { useState } from 'react';\n\nexport function Widget${i}(props) {\n  const [count, setCount] = useState(${i % 10});\n  return <button onClick={() => setCount(count + 1)}>{props.label} {count}</button>;\n}\n`.repeat(
    3,
  );
const moduleCode = (i) => `'use strict';\nmodule.exports = function helper${i}(value) {\n  return value == null ? ${i} : String(value).trim();\n};\n`.repeat(6);
const kotlinSource = (i) =>
  `package com.contoso.feature${Math.floor(i / 100)}\n\nclass Screen${i}(private val items: List<String>) {\n  fun title(): String = "Screen ${i}: " + items.size\n  fun resource() = R.drawable.icon_${i % 50}\n}\n`.repeat(
    4,
  );
const bundleCode = (i) => `"use strict";(()=>{var a${i}=function(b){return b*${i}};window.__m${i}=a${i};})();\n`.repeat(12);

/** Creates the workspace once (reused while its version matches); returns its root and file count. */
export function ensureWorkspace(root) {
  const stampFile = path.join(root, '.bench-complete');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === VERSION) return countFiles(root);
  fs.rmSync(root, { recursive: true, force: true });
  let written = 0;
  const write = (relative, text) => {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    written++;
  };
  // 200 auth files: each format's document in its usual place, in many app folders.
  const formats = Object.keys(DOCUMENTS);
  for (let i = 0; i < AUTH_FILES; i++) {
    const id = formats[i % formats.length];
    const doc = DOCUMENTS[id];
    write(path.join(`apps/app${String(i).padStart(3, '0')}`, doc.path), doc.make(i, 2048));
  }
  // node_modules: packages with their own json files and even auth-looking names (never to be opened).
  const modulesFiles = 9000;
  for (let i = 0; i < modulesFiles; i++) {
    const pkg = `node_modules/pkg${Math.floor(i / 30)}`;
    const k = i % 30;
    if (k === 0) write(`${pkg}/package.json`, JSON.stringify({ name: `pkg${i}`, version: '1.0.0', main: 'index.js' }, null, 2));
    else if (k === 1) write(`${pkg}/authConfig.js`, `module.exports = { clientId: "x", redirectUri: "myapp://auth" };\n`);
    else if (k === 2) write(`${pkg}/auth_config.json`, `{ "client_id": "x", "redirect_uri": "msauth://x" }\n`);
    else write(`${pkg}/lib/file${k}.js`, moduleCode(i));
  }
  // Build output.
  const buildFiles = 3000;
  for (let i = 0; i < buildFiles; i++) {
    const folder = i % 2 === 0 ? 'dist' : 'build';
    write(`${folder}/chunk${i}.js`, bundleCode(i));
  }
  // Application source, tests, styles, docs and a few JSON data files (sniffed, then dropped).
  const remaining = WORKSPACE_FILES - written;
  for (let i = 0; i < remaining; i++) {
    const area = `src/feature${Math.floor(i / 100)}`;
    const k = i % 10;
    if (k < 6) write(`${area}/Widget${i}.jsx`, source(i));
    else if (k === 6)
      write(`${area}/Widget${i}.test.js`, `import { Widget${i} } from './Widget${i}';\ntest('renders', () => expect(Widget${i}).toBeDefined());\n`);
    else if (k === 7) write(`${area}/widget${i}.css`, `.widget${i} { color: #${(i % 4096).toString(16).padStart(3, '0')}; padding: 4px; }\n`.repeat(10));
    else if (k === 8 && i % 20 === 8) write(`${area}/README${i}.md`, `# Feature ${i}\n\nNotes about the feature.\n`);
    // Android sources (read by name as sniff candidates, then dropped: no sign-in marker in them).
    else if (k === 8) write(`android/app/src/main/java/com/contoso/feature${Math.floor(i / 100)}/Screen${i}.${i % 40 === 18 ? 'java' : 'kt'}`, kotlinSource(i));
    else write(`${area}/strings${i}.json`, JSON.stringify({ title: `Feature ${i}`, description: 'Localised strings', items: [1, 2, 3] }, null, 2));
  }
  fs.writeFileSync(stampFile, VERSION);
  return countFiles(root);
}

function countFiles(root) {
  let files = 0;
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) stack.push(path.join(dir, entry.name));
      else if (entry.name !== '.bench-complete') files++;
    }
  }
  return { root, files };
}
