import type { FileRule } from './types';

export const fileSkipped: FileRule = {
  meta: {
    id: 'file-skipped',
    codes: [],
    defaultSeverity: 'information',
    description: 'A file that looks like an auth configuration was not checked (too large, binary, over the work budget or with too many findings).',
    fixable: false,
    scope: 'file',
    providers: 'any',
    docs: {
      impact: 'Nothing in the file was checked, so a broken redirect URI in it would go unnoticed.',
      why: 'The file is larger than the maximum file size, holds binary data, or holds more elements than the work budget lets every rule check; a file with more than 1,000 findings shows the first 1,000.',
      howToFix:
        'Raise maxFileSizeBytes in .entra-auth-lint.json (or the entraAuthLint.maxFileSize setting) if the file really is a configuration, or exclude it.',
      links: [{ title: 'Application manifest reference', url: 'https://learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest' }],
    },
  },
  check({ file, report }) {
    if (file.skipped) report({ range: { start: 0, end: 0 }, message: `Not checked: ${file.skipped}.` });
  },
};
