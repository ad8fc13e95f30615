// Refreshes the output samples in README.md and docs/development.md: every block between
//   <!-- sample: <command> -->  and  <!-- /sample -->
// is replaced by a fenced block holding what <command> really prints (run from the project root).
// Used after `npm run build`, so the README never shows output the CLI does not produce.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const FILES = ['../README.md', '../docs/development.md'].map((file) => new URL(file, import.meta.url));
const MAX_LINES = 60;

let changed = false;
for (const file of FILES) changed = refresh(file) || changed;
console.log(changed ? 'README samples updated' : 'README samples already current');

function refresh(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false; // not there: nothing to refresh
  }
  const updated = text.replace(/<!-- sample: (.+?) -->\n[\s\S]*?<!-- \/sample -->/g, (_, command) => {
    let output;
    try {
      output = execSync(command, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      output = error.stdout ?? ''; // exit 1 (error findings) is a normal outcome worth showing
    }
    let lines = output.replace(/\s+$/, '').split('\n');
    if (lines.length > MAX_LINES) lines = [...lines.slice(0, MAX_LINES), `… (${lines.length - MAX_LINES} more lines)`];
    return `<!-- sample: ${command} -->\n\`\`\`text\n$ ${command.replace(/ \| .*$/, '')}\n${lines.join('\n')}\n\`\`\`\n<!-- /sample -->`;
  });
  if (updated !== text) writeFileSync(file, updated);
  return updated !== text;
}
