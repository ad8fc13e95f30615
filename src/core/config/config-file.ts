import type { Node } from 'jsonc-parser';
import { parseJson } from '../parsing/json-util';
import type { Position, Range, SeverityOrOff } from '../model';
import type { LintOptions, Suppression } from '../engine/options';
import { RULES } from '../rules';
import { LineIndex, stripBom } from '../io/text';
import { globProblems } from '../io/glob';

// `.entra-auth-lint.json`: the team's shared settings, read by the CLI and the extension alike.
// Pure: text in, options and errors out (the file system side lives in config-file-fs.ts).
// Comments and trailing commas are accepted, as in tsconfig.json; anything else unexpected is an error
// that names the key, so a typo never silently turns a rule back on.

export const CONFIG_FILE_NAME = '.entra-auth-lint.json';

export const SEVERITY_SETTINGS: readonly SeverityOrOff[] = ['off', 'hint', 'information', 'warning', 'error'];

/** The top-level keys the file may hold (`$schema` lets editors find the JSON schema). */
export const CONFIG_KEYS = ['$schema', 'rules', 'exclude', 'include', 'allowedSchemes', 'maxFileSizeBytes', 'suppressions', 'testPaths'] as const;

const SUPPRESSION_KEYS = ['rule', 'files', 'value', 'reason'] as const;
/** `value` is optional: without it the rule is silenced in the whole file. */
const REQUIRED_SUPPRESSION_KEYS = ['rule', 'files', 'reason'] as const;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*(:(\/\/)?)?$/;

export interface ConfigError {
  /** The offending key as a path: `rules.foo`, `suppressions[0].reason`; empty for a syntax error. */
  key: string;
  message: string;
  /** Offsets in the text (BOM removed). */
  range: Range;
  /** 0-based position of `range.start`. */
  start: Position;
}

export interface ConfigParseResult {
  /** Everything that was valid; invalid entries are left out (an editor can still use the rest). */
  options: LintOptions;
  errors: ConfigError[];
}

/**
 * Parses and validates the text of a `.entra-auth-lint.json`. `path` is used only in messages.
 * `knownRuleIds` defaults to the engine's rules. Never throws.
 */
export function parseConfigFile(text: string, path: string, knownRuleIds: readonly string[] = RULES.map((r) => r.meta.id)): ConfigParseResult {
  text = stripBom(text);
  const lines = new LineIndex(text);
  const errors: ConfigError[] = [];
  const fail = (key: string, message: string, node: Node | Range | undefined) => {
    const range = !node ? { start: 0, end: 0 } : 'type' in node ? { start: node.offset, end: node.offset + node.length } : node;
    errors.push({ key, message, range, start: lines.positionAt(range.start) });
  };
  const options: LintOptions = {};
  const { root, problems } = parseJson(text);
  for (const problem of problems) fail('', problem.message, problem.range);
  if (!root) {
    if (!problems.length) fail('', `${path} is empty; expected a JSON object`, undefined);
    return { options, errors };
  }
  if (root.type !== 'object') {
    fail('', `expected a JSON object at the top of ${path}, found ${describeNode(root)}`, root);
    return { options, errors };
  }

  for (const { key, keyNode, valueNode } of members(root, '', fail)) {
    switch (key) {
      case '$schema':
        if (valueNode.type !== 'string') fail(key, `must be a string, found ${describeNode(valueNode)}`, valueNode);
        break;
      case 'rules':
        options.rules = readRules(valueNode, knownRuleIds, fail);
        break;
      case 'exclude':
      case 'include':
      case 'testPaths': {
        const patterns = readStrings(valueNode, key, 'a glob pattern', fail, (value) => globProblems([value], 'pattern')[0]);
        // The list as a whole has limits too (patterns with wildcards); plain paths are cheap in any number.
        const listProblem = patterns ? globProblems([patterns], key)[0] : undefined;
        if (listProblem) fail(key, listProblem.replace(/^\S+: /, ''), valueNode);
        else options[key] = patterns;
        break;
      }
      case 'allowedSchemes':
        options.allowedSchemes = readStrings(valueNode, key, 'a URL scheme', fail, (value) =>
          SCHEME.test(value) ? undefined : `'${value}' is not a URL scheme (letters, digits, '+', '-', '.'; starting with a letter)`,
        );
        break;
      case 'maxFileSizeBytes':
        if (valueNode.type !== 'number' || !Number.isSafeInteger(valueNode.value) || (valueNode.value as number) < 1) {
          fail(key, `must be a positive whole number of bytes, found ${describeNode(valueNode)}`, valueNode);
        } else {
          options.maxFileSizeBytes = valueNode.value as number;
        }
        break;
      case 'suppressions':
        options.suppressions = readSuppressions(valueNode, knownRuleIds, fail);
        break;
      default:
        fail(key, `unknown key${suggestion(key, CONFIG_KEYS)} (allowed: ${CONFIG_KEYS.join(', ')})`, keyNode);
    }
  }
  return { options, errors };
}

/** `file:line:column: key: message` — the one-line form the CLI prints. */
export function formatConfigError(error: ConfigError, displayPath: string): string {
  const where = `${displayPath}:${error.start.line + 1}:${error.start.character + 1}`;
  return error.key ? `${where}: ${error.key}: ${error.message}` : `${where}: ${error.message}`;
}

type Fail = (key: string, message: string, node: Node | Range | undefined) => void;

/** The members of an object node; a key given twice is an error (JSON parsers disagree on which wins). */
function* members(object: Node, prefix: string, fail: Fail): Generator<{ key: string; keyNode: Node; valueNode: Node }> {
  const seen = new Set<string>();
  for (const pair of object.children ?? []) {
    const [keyNode, valueNode] = pair.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string' || !valueNode) continue;
    const key = keyNode.value;
    const path = prefix ? `${prefix}.${key}` : key;
    if (seen.has(key)) {
      fail(path, 'is given more than once', keyNode);
      continue;
    }
    seen.add(key);
    yield { key, keyNode, valueNode };
  }
}

function readRules(node: Node, known: readonly string[], fail: Fail): Record<string, SeverityOrOff> | undefined {
  if (node.type !== 'object') {
    fail('rules', `must be an object of rule id to severity, found ${describeNode(node)}`, node);
    return undefined;
  }
  const rules: Record<string, SeverityOrOff> = {};
  for (const { key, keyNode, valueNode } of members(node, 'rules', fail)) {
    if (!known.includes(key)) {
      const near = suggestion(key, known);
      fail(`rules.${key}`, `unknown rule id${near || ` (known: ${known.join(', ')})`}`, keyNode);
      continue;
    }
    if (valueNode.type !== 'string' || !SEVERITY_SETTINGS.includes(valueNode.value as SeverityOrOff)) {
      fail(`rules.${key}`, `severity must be one of ${SEVERITY_SETTINGS.join(', ')}, found ${describeNode(valueNode)}`, valueNode);
      continue;
    }
    rules[key] = valueNode.value as SeverityOrOff;
  }
  return rules;
}

function readStrings(node: Node, key: string, what: string, fail: Fail, check?: (value: string) => string | undefined): string[] | undefined {
  if (node.type !== 'array') {
    fail(key, `must be an array of strings (${what} each), found ${describeNode(node)}`, node);
    return undefined;
  }
  const values: string[] = [];
  (node.children ?? []).forEach((item, index) => {
    const itemKey = `${key}[${index}]`;
    if (item.type !== 'string' || !(item.value as string).trim()) {
      fail(itemKey, `must be a non-empty string (${what}), found ${describeNode(item)}`, item);
      return;
    }
    const problem = check?.(item.value as string);
    if (problem) fail(itemKey, problem, item);
    else values.push(item.value as string);
  });
  return values;
}

function readSuppressions(node: Node, known: readonly string[], fail: Fail): Suppression[] | undefined {
  if (node.type !== 'array') {
    fail('suppressions', `must be an array of { "rule", "files", "reason" } objects, found ${describeNode(node)}`, node);
    return undefined;
  }
  const suppressions: Suppression[] = [];
  (node.children ?? []).forEach((item, index) => {
    const base = `suppressions[${index}]`;
    if (item.type !== 'object') {
      fail(base, `must be an object with "rule", "files" and "reason", found ${describeNode(item)}`, item);
      return;
    }
    const found: Partial<Record<(typeof SUPPRESSION_KEYS)[number], string>> = {};
    let valid = true;
    for (const { key, keyNode, valueNode } of members(item, base, fail)) {
      const path = `${base}.${key}`;
      if (!(SUPPRESSION_KEYS as readonly string[]).includes(key)) {
        fail(path, `unknown key${suggestion(key, SUPPRESSION_KEYS)} (allowed: ${SUPPRESSION_KEYS.join(', ')})`, keyNode);
        valid = false;
        continue;
      }
      if (valueNode.type !== 'string' || !(valueNode.value as string).trim()) {
        fail(path, `must be a non-empty string, found ${describeNode(valueNode)}`, valueNode);
        valid = false;
        continue;
      }
      const value = valueNode.value as string;
      if (key === 'rule' && value !== '*' && !known.includes(value)) {
        fail(path, `unknown rule id '${value}'${suggestion(value, known)} (use '*' for every rule)`, valueNode);
        valid = false;
        continue;
      }
      const globProblem = key === 'files' ? globProblems([value], 'pattern')[0] : undefined;
      if (globProblem) {
        fail(path, globProblem, valueNode);
        valid = false;
        continue;
      }
      found[key as (typeof SUPPRESSION_KEYS)[number]] = value;
    }
    for (const required of REQUIRED_SUPPRESSION_KEYS) {
      if (found[required] === undefined && valid) {
        const why = required === 'reason' ? ' (say why the team accepts it, for the next reader)' : '';
        fail(`${base}.${required}`, `is required${why}`, item);
        valid = false;
      }
    }
    if (valid)
      suppressions.push({ rule: found.rule!, files: found.files!, ...(found.value !== undefined ? { value: found.value } : {}), reason: found.reason! });
  });
  return suppressions;
}

function describeNode(node: Node): string {
  switch (node.type) {
    case 'string':
      return `'${String(node.value).slice(0, 60)}'`;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    default:
      return 'an object';
  }
}

/** ` (did you mean 'x'?)` for a near miss (a typo of at most two edits), else ''. */
function suggestion(value: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
