import type { FileRule } from './types';

export const parseError: FileRule = {
  meta: {
    id: 'parse-error',
    codes: [],
    defaultSeverity: 'error',
    description: 'A configuration or registration file that cannot be fully parsed; whatever could be read is still checked.',
    fixable: false,
    scope: 'file',
    docs: {
      impact: 'MSAL, the portal or the build rejects the file, or reads only part of it; the app then fails at start-up or sign-in with a configuration error.',
      why: 'The file has a syntax error (a missing comma or quote, an unclosed element) or bytes that are not text.',
      howToFix: 'Correct the syntax at the reported position. The other findings in the file come from the part that could still be read.',
      links: [{ title: 'JSON (RFC 8259)', url: 'https://www.rfc-editor.org/rfc/rfc8259' }],
    },
  },
  check({ file, report }) {
    for (const problem of file.problems) report({ range: problem.range, message: `${problem.message}.`.replace(/\.\.$/, '.') });
  },
};
