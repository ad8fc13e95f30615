import { createHash } from 'node:crypto';
import { relativeSlash, type Finding, type Location, type Severity, RULES, docsUrl, type Rule } from '../../core';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../version';
import type { Formatter } from './types';

// SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, the SARIF viewer).
// Output is reproducible: no timestamps and no absolute paths, so it can be compared with a golden file.

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** partialFingerprints key; bump the version if the hashed parts ever change. */
export const FINGERPRINT_KEY = 'entraAuthLintFinding/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

export const formatSarif: Formatter = ({ findings, cwd, textOf, notes = [] }) => {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const fingerprints = fingerprintsOf(findings, cwd, textOf);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: RULES.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The folder entra-auth-lint was run in; result paths are relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: true,
            ...(notes.length
              ? {
                  toolExecutionNotifications: notes.map((note) => ({
                    level: 'warning',
                    message: { text: note.reason },
                    locations: [{ physicalLocation: { artifactLocation: { uri: toUriReference(relativeSlash(cwd, note.path)), uriBaseId: SRCROOT } } }],
                  })),
                }
              : {}),
          },
        ],
        results: findings.map((finding, i) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: LEVELS[finding.severity],
          message: { text: finding.message },
          locations: [{ physicalLocation: physicalLocation(finding, cwd) }],
          ...(finding.related.length
            ? {
                relatedLocations: finding.related.map((related, index) => ({
                  id: index + 1,
                  physicalLocation: physicalLocation(related, cwd),
                  message: { text: related.message },
                })),
              }
            : {}),
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
          properties: { severity: finding.severity, ...(finding.codes.length ? { codes: finding.codes } : {}) },
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function ruleDescriptor(rule: Rule) {
  const { meta } = rule;
  const docs = meta.docs;
  const links = docs.links.map((link) => `- [${link.title}](${link.url})`).join('\n');
  const markdown = [
    `**${meta.id}**${meta.codes.length ? ` (${meta.codes.join(', ')})` : ''}: ${meta.description}`,
    `**What the user sees.** ${docs.impact}`,
    `**Why.** ${docs.why}`,
    `**How to fix.** ${docs.howToFix}`,
    ...(links ? [`**Learn more**\n\n${links}`] : []),
    `[Rule documentation](${docsUrl(meta.id)})`,
  ].join('\n\n');
  const help: SarifMessage = {
    text: `${meta.description}\n\nWhat the user sees: ${docs.impact}\n\nWhy: ${docs.why}\n\nHow to fix: ${docs.howToFix}\n\nDocumentation: ${docsUrl(meta.id)}`,
    markdown,
  };
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${docs.impact} ${docs.why}` },
    helpUri: docsUrl(meta.id),
    help,
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { tags: [...meta.codes, 'entra-id', 'msal'], fixable: meta.fixable, scope: meta.scope },
  };
}

function physicalLocation(location: Location, cwd: string): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: toUriReference(relativeSlash(cwd, location.file)), uriBaseId: SRCROOT },
    region: {
      startLine: location.start.line + 1,
      startColumn: location.start.character + 1,
      endLine: location.end.line + 1,
      endColumn: location.end.character + 1,
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function toUriReference(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * Fingerprints that survive unrelated edits (lines added above, other files changed): the rule, the file,
 * the offending text (or, for a finding with no text such as a skipped file, its message) and which
 * occurrence of that same text in the file it is. Never line numbers. The text is hashed, never shown.
 */
export function fingerprintsOf(findings: Finding[], cwd: string, textOf?: (file: string) => string | undefined): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const text = textOf?.(finding.file);
    const offending =
      text !== undefined && finding.range.end > finding.range.start ? text.slice(finding.range.start, finding.range.end) : `message:${finding.message}`;
    const identity = [finding.ruleId, relativeSlash(cwd, finding.file), offending].join('\u0000');
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    return createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
