import { RULES } from '../rules';
import { docsUrl } from '../rules/types';
import { AADSTS_RECORDS, CAPTURED_ON, REFERENCE_REVISION, REFERENCE_URL } from './catalogue-data';
import { MSAL_ENTRIES, msalEntry } from './msal-codes';
import type { AadstsEntry, CatalogueEntry, PreventingRule } from './types';

export const CATALOGUE_INFO = {
  capturedOn: CAPTURED_ON,
  source: REFERENCE_URL,
  revision: REFERENCE_REVISION,
} as const;

/** The live, always-current explanation of an AADSTS number. */
export function errorLink(number: number): string {
  return `https://login.microsoftonline.com/error?code=${number}`;
}

export const AADSTS_ENTRIES: readonly AadstsEntry[] = AADSTS_RECORDS.map((record) => ({
  ...record,
  kind: 'aadsts',
  code: `AADSTS${record.number}`,
  link: errorLink(record.number),
}));

const BY_NUMBER = new Map(AADSTS_ENTRIES.map((entry) => [entry.number, entry]));

export function aadstsEntry(number: number): AadstsEntry | undefined {
  return BY_NUMBER.get(number);
}

/**
 * The entry for what a user types: `50199`, `AADSTS50199`, `aadsts50199:`, or an MSAL/OAuth code such as
 * `untrusted_authority`. Undefined when the input is not one code or the code is unknown.
 */
export function lookupCode(input: string): CatalogueEntry | undefined {
  const text = input.trim();
  const numeric = /^(?:AADSTS)?(\d{4,9}):?$/i.exec(text);
  if (numeric) return aadstsEntry(Number(numeric[1]));
  return msalEntry(text) ?? msalEntry(text.toLowerCase());
}

/** Ids of our rules that prevent the code, read from the rules' metadata at call time. */
export function rulesPreventing(code: string): PreventingRule[] {
  return RULES.filter((rule) => rule.meta.codes.includes(code)).map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    docsUrl: docsUrl(rule.meta.id),
  }));
}

export function allEntries(): CatalogueEntry[] {
  return [...AADSTS_ENTRIES, ...MSAL_ENTRIES];
}

/**
 * Entries for a QuickPick filter: number prefix, code, symbolic name, then words of the meaning.
 * An empty query lists every entry (AADSTS first, by number).
 */
export function searchCatalogue(query: string, limit = 50): CatalogueEntry[] {
  const q = query
    .trim()
    .toLowerCase()
    .replace(/^aadsts/, '');
  if (q === '') return allEntries().slice(0, limit);
  const scored: { entry: CatalogueEntry; score: number }[] = [];
  const words = q.split(/\s+/).filter(Boolean);
  for (const entry of allEntries()) {
    const name = (entry.kind === 'aadsts' ? (entry.name ?? '') : entry.code).toLowerCase();
    const number = entry.kind === 'aadsts' ? String(entry.number) : '';
    let score = 0;
    if (number === q || entry.code.toLowerCase() === q) score = 100;
    else if (number !== '' && number.startsWith(q)) score = 80;
    else if (name.startsWith(q)) score = 60;
    else if (name.includes(q)) score = 40;
    else {
      const haystack = `${name} ${entry.meaning} ${entry.remedy}`.toLowerCase();
      if (words.every((word) => haystack.includes(word))) score = 20;
    }
    if (score > 0) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.entry);
}
