import { customSchemeRedirect } from './custom-scheme-redirect';
import { fileSkipped } from './file-skipped';
import { parseError } from './parse-error';
import type { Rule } from './types';

/** The only list of rules. Docs pages, the README table, SARIF rules and settings are generated from it. */
export const RULES: Rule[] = [customSchemeRedirect, parseError, fileSkipped];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
