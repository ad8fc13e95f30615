import { CATALOGUE_INFO, errorLink, rulesPreventing } from './catalogue';
import type { CatalogueEntry, MatchContext, ParsedErrorMessage, PreventingRule } from './types';

/** The JSON shape of `explain --format json` (one object per code). */
export interface ExplainJson {
  code: string;
  number?: number;
  name: string | null;
  summary: string;
  remedy: string;
  rules: string[];
  link: string;
  source: string;
  traceId?: string;
  correlationId?: string;
  timestamp?: string;
}

export interface HoverOptions {
  /** A `command:` URI that opens the full explanation (the extension builds it); omitted → no link. */
  explainCommandUri?: string;
  /** Ids found next to the code in the text. */
  context?: MatchContext;
  /** Where a rule id links to (the editor opens its bundled page); default: the rule's public page. */
  ruleLink?: RuleLinker;
}

/** The link target of a rule id in rendered Markdown. */
export type RuleLinker = (ruleId: string) => string;

/** A title such as `AADSTS50199 CmsiInterrupt` or `untrusted_authority (ClientConfigurationError)`. */
export function entryTitle(entry: CatalogueEntry): string {
  if (entry.kind === 'aadsts') return entry.name ? `${entry.code} ${entry.name}` : entry.code;
  return `${entry.code} (${entry.errorClass})`;
}

export function entrySource(entry: CatalogueEntry): string {
  if (entry.kind === 'aadsts' && entry.docStatus === 'in-reference') return `${entry.source} (captured ${CATALOGUE_INFO.capturedOn})`;
  return entry.source;
}

export function toExplainJson(entry: CatalogueEntry, context: MatchContext = {}): ExplainJson {
  return {
    code: entry.code,
    ...(entry.kind === 'aadsts' ? { number: entry.number } : {}),
    name: entry.kind === 'aadsts' ? (entry.name ?? null) : entry.errorClass,
    summary: entry.meaning,
    remedy: entry.remedy,
    rules: rulesPreventing(entry.code).map((rule) => rule.id),
    link: entry.link,
    source: entrySource(entry),
    ...(context.traceId ? { traceId: context.traceId.value } : {}),
    ...(context.correlationId ? { correlationId: context.correlationId.value } : {}),
    ...(context.timestamp ? { timestamp: context.timestamp.value } : {}),
  };
}

/** Short Markdown for a hover. */
export function renderHoverMarkdown(entry: CatalogueEntry, options: HoverOptions = {}): string {
  const rules = rulesPreventing(entry.code);
  const lines = [`**${entry.code}**${subtitle(entry)}`, '', md(entry.meaning), '', `**What to do:** ${md(entry.remedy)}`];
  if (rules.length > 0) lines.push('', `**Prevented by:** ${rules.map((rule) => ruleLink(rule, options.ruleLink)).join(', ')}`);
  const found = contextLine(options.context);
  if (found) lines.push('', found);
  const links = [`[Live explanation](${entry.link})`];
  if (options.explainCommandUri) links.push(`[Full explanation](${options.explainCommandUri})`);
  lines.push('', `${links.join(' · ')} · ${capturedNote(entry)}`);
  return lines.join('\n');
}

/** Full Markdown for the explanation view. */
export function renderFullMarkdown(entry: CatalogueEntry, context: MatchContext = {}, linkRule?: RuleLinker): string {
  const rules = rulesPreventing(entry.code);
  const lines = [`# ${md(entryTitle(entry))}`, '', `## What it means`, '', md(entry.meaning), '', '## What to do', '', md(entry.remedy), ''];
  lines.push('## Rules that prevent it', '');
  if (rules.length > 0) for (const rule of rules) lines.push(`- ${ruleLink(rule, linkRule)}: ${md(rule.description)}`);
  else lines.push(noRuleText(entry));
  lines.push('');
  if (entry.kind === 'aadsts') {
    lines.push(
      '## Can a repository show the cause?',
      '',
      `${detectableText(entry.configDetectable)}${entry.configSignal ? ` Look for: ${md(entry.configSignal)}.` : ''}`,
      '',
    );
  }
  const found = contextLine(context);
  if (found) lines.push('## Found next to it', '', found, '');
  lines.push('## Links', '', `- Live explanation: <${entry.link}>`, `- Source: ${entrySource(entry)}`);
  if (entry.kind === 'aadsts') lines.push(`- ${capturedNote(entry)}; the codes and texts can change, the live explanation is current.`);
  return `${lines.join('\n')}\n`;
}

/** Full Markdown for a whole pasted message: its ids, then every code it holds (unknown numbers as one line each). */
export function renderMessageMarkdown(parsed: ParsedErrorMessage): string {
  const facts: string[] = [];
  if (parsed.error) facts.push(`- Error: \`${parsed.error}\``);
  if (parsed.traceId) facts.push(`- Trace ID: \`${parsed.traceId}\``);
  if (parsed.correlationId) facts.push(`- Correlation ID: \`${parsed.correlationId}\``);
  if (parsed.timestamp) facts.push(`- Timestamp: \`${parsed.timestamp}\``);
  const sections = parsed.codes.map((match) =>
    match.entry
      ? renderFullMarkdown(match.entry, match.context)
      : `# ${match.code}\n\n${md(match.number !== undefined ? unknownCodeText(match.number) : `${match.code} is not in the catalogue`)}\n`,
  );
  if (sections.length === 0) sections.push('No AADSTS, MSAL or OAuth error code was found in the message.\n');
  return [facts.length > 0 ? `${facts.join('\n')}\n` : '', ...sections].filter(Boolean).join('\n---\n\n');
}

/** Plain text for the CLI. */
export function renderText(entry: CatalogueEntry, context: MatchContext = {}): string {
  const rules = rulesPreventing(entry.code);
  const rows: [string, string | undefined][] = [
    ['What it means', entry.meaning],
    ['What to do', entry.remedy],
    ['Prevented by', rules.length > 0 ? rules.map((rule) => rule.id).join(', ') : noRuleText(entry)],
    ['Trace ID', context.traceId?.value],
    ['Correlation ID', context.correlationId?.value],
    ['Timestamp', context.timestamp?.value],
    ['Live', entry.link],
    ['Source', entrySource(entry)],
  ];
  const lines = [entryTitle(entry), ...rows.filter((row) => row[1] !== undefined).map(([label, value]) => `  ${`${label}:`.padEnd(16)}${value}`)];
  return `${lines.join('\n')}\n`;
}

/** One line for an AADSTS number the catalogue does not know. */
export function unknownCodeText(number: number): string {
  return `AADSTS${number} is not in the catalogue (captured ${CATALOGUE_INFO.capturedOn}); see ${errorLink(number)}`;
}

function subtitle(entry: CatalogueEntry): string {
  if (entry.kind === 'aadsts') return entry.name ? ` \`${entry.name}\`` : '';
  return ` \`${entry.errorClass}\``;
}

function ruleLink(rule: PreventingRule, linkRule?: RuleLinker): string {
  return `[\`${rule.id}\`](${linkRule ? linkRule(rule.id) : rule.docsUrl})`;
}

function noRuleText(entry: CatalogueEntry): string {
  if (entry.kind === 'aadsts' ? entry.configDetectable !== 'no' : entry.errorClass === 'ClientConfigurationError')
    return 'No rule of Entra Auth Lint checks for this yet.';
  if (entry.kind === 'aadsts') return 'No rule: the cause is outside the repository (tenant, user or service state).';
  return 'No rule: this happens at run time, not in configuration.';
}

function detectableText(value: 'yes' | 'partial' | 'no'): string {
  if (value === 'yes') return 'Yes: the cause is visible in configuration.';
  if (value === 'partial') return 'Partly: configuration can hint at the cause, but tenant or runtime state decides.';
  return 'No: the cause is in the tenant, the user or the service.';
}

function contextLine(context: MatchContext | undefined): string | undefined {
  if (!context) return undefined;
  const parts: string[] = [];
  if (context.traceId) parts.push(`Trace ID \`${context.traceId.value}\``);
  if (context.correlationId) parts.push(`Correlation ID \`${context.correlationId.value}\``);
  if (context.timestamp) parts.push(`Timestamp \`${context.timestamp.value}\``);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function capturedNote(entry: CatalogueEntry): string {
  if (entry.kind !== 'aadsts') return `from ${md(entry.source)}`;
  return entry.docStatus === 'in-reference'
    ? `catalogue captured from Microsoft's reference of ${CATALOGUE_INFO.capturedOn}`
    : "not on Microsoft's reference page; from public issue reports";
}

/** Escapes Markdown so texts such as `<app>` or `a_b_c` render literally. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}
