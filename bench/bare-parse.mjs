// The floor: read every file of a folder and build jsonc-parser's tree, nothing else.
// Run as its own node process so its start-up cost is counted like the CLI's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const { parseTree } = createRequire(import.meta.url)('jsonc-parser');
const dir = process.argv[2];
let nodes = 0;
for (const name of readdirSync(dir).sort()) {
  const root = parseTree(readFileSync(join(dir, name), 'utf8'), [], { allowTrailingComma: true });
  if (root) nodes++;
}
process.stdout.write(JSON.stringify({ files: nodes }));
