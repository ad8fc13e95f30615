// Refreshes the output samples in README.md: every block between
//   <!-- sample: <command> -->  and  <!-- /sample -->
// is replaced by a fenced block holding what <command> really prints (run from the project root).
// Used after `npm run build`, so the README never shows output the CLI does not produce.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);
const MAX_LINES = 60;

const text = readFileSync(README, 'utf8');
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
writeFileSync(README, updated);
console.log(updated === text ? 'README samples already current' : 'README samples updated');
