import { CONFIG_FILE_NAME, SEVERITY_SETTINGS } from './config-file';
import { RULES } from '../rules';

// The JSON schema of `.entra-auth-lint.json`, built from the rule list so it never drifts from it.
// schemas/entra-auth-lint.schema.json is this object, written by `npm run golden:update`; a test checks
// that the committed file matches and that the schema and parseConfigFile agree on valid and invalid files.

const CONFIG_SCHEMA_ID = 'https://github.com/entra-auth-lint/entra-auth-lint/blob/main/schemas/entra-auth-lint.schema.json';

export function configJsonSchema(ruleIds: readonly string[] = RULES.map((r) => r.meta.id)): Record<string, unknown> {
  const severity = {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    description: 'off disables the rule; otherwise the severity its findings are reported with.',
  };
  const nonEmpty = { type: 'string', minLength: 1, pattern: '\\S' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: `Entra Auth Lint configuration (${CONFIG_FILE_NAME})`,
    description: 'Shared by the entra-auth-lint CLI and the Entra Auth Lint VS Code extension.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON schema of this file.' },
      rules: {
        type: 'object',
        description: 'Severity per rule id: off, hint, information, warning or error.',
        propertyNames: { enum: [...ruleIds] },
        properties: Object.fromEntries(ruleIds.map((id) => [id, severity])),
        additionalProperties: false,
      },
      exclude: {
        type: 'array',
        description: 'Glob patterns of paths not to read, relative to each scanned folder (added to the default excludes such as node_modules and .git).',
        items: { ...nonEmpty, description: 'A glob pattern, e.g. "legacy/**".' },
      },
      testPaths: {
        type: 'array',
        description:
          'Glob patterns of test code, relative to each scanned folder; findings there are at most information (committed-secret: warning), so they never fail a build. Replaces the defaults (test/, tests/, __tests__/, androidTest/, *.Tests/, *Tests.cs, *.spec.*, *.test.* …); [] treats no file as test code.',
        items: { ...nonEmpty, description: 'A glob pattern, e.g. "e2e/**".' },
      },
      include: {
        type: 'array',
        description: 'Glob patterns of extra files to read even when their names do not look like auth configuration.',
        items: { ...nonEmpty, description: 'A glob pattern, e.g. "config/*.json".' },
      },
      allowedSchemes: {
        type: 'array',
        description: 'Custom URL schemes the team has approved; redirect URIs with these schemes are not reported as AADSTS50199.',
        items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*(:(//)?)?$', description: 'A URL scheme, e.g. "contoso-sso".' },
      },
      maxFileSizeBytes: {
        type: 'integer',
        minimum: 1,
        description: 'Files larger than this are not read (reported as file-skipped). Default 5 MB.',
      },
      suppressions: {
        type: 'array',
        description:
          'Findings the team has accepted: a rule (or "*") in files matching a glob relative to this file\'s folder, optionally on one value only, with the reason.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'files', 'reason'],
          properties: {
            rule: { type: 'string', enum: ['*', ...ruleIds], description: 'A rule id, or "*" for every rule.' },
            files: { ...nonEmpty, description: 'A glob pattern relative to the folder of this file.' },
            value: {
              ...nonEmpty,
              description: 'Only the findings on this exact value (a redirect URI, a client id); without it the rule is silenced in the whole file.',
            },
            reason: { ...nonEmpty, description: 'Why the team accepts these findings (required).' },
          },
        },
      },
    },
  };
}
