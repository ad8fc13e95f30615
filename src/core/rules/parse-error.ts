import type { FileRule } from './types';

/** Further problems shown as related information of the one finding. */
const MAX_RELATED = 10;

export const parseError: FileRule = {
  meta: {
    id: 'parse-error',
    codes: [],
    defaultSeverity: 'error',
    description: 'A configuration or registration file that cannot be fully parsed; whatever could be read is still checked.',
    fixable: false,
    scope: 'file',
    providers: 'any',
    docs: {
      impact: 'MSAL, the portal or the build rejects the file, or reads only part of it; the app then fails at start-up or sign-in with a configuration error.',
      why: 'The file has a syntax error (a missing comma or quote, an unclosed element) or bytes that are not text.',
      howToFix: 'Correct the syntax at the reported position. The other findings in the file come from the part that could still be read.',
      links: [{ title: 'JSON (RFC 8259)', url: 'https://www.rfc-editor.org/rfc/rfc8259' }],
    },
  },
  check({ file, report }) {
    // A template's problems are the template engine's syntax (`{{#useOpenAI}}`), not errors of the file.
    if (file.template || !file.problems.length) return;
    // One finding per file: the first problem; the others follow as related information. A broken file
    // often breaks many lines after the first error, and a storm of squiggles hides the one to fix.
    const [first, ...rest] = [...file.problems].sort((a, b) => a.range.start - b.range.start);
    const sentence = (message: string) => `${message}.`.replace(/\.\.$/, '.');
    const more = rest.length ? ` (${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'} in this file)` : '';
    report({
      range: first.range,
      message: `${sentence(first.message).slice(0, -1)}${more}.`,
      related: rest.slice(0, MAX_RELATED).map((problem) => ({ file: file.path, range: problem.range, message: sentence(problem.message) })),
    });
  },
};
