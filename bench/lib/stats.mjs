// Small statistics and formatting helpers for the benchmark table.
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

export function round(value, digits = 2) {
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** A Markdown table (readable in a terminal too): every row has a figure and the goal it is held to. */
export function table(rows) {
  const header = ['Measure', 'Value', 'Goal', 'Met'];
  const cells = [header, ...rows.map((r) => [r.measure, String(r.value), r.goal ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO'])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
