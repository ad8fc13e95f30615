import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CONFIG_FILE_NAME, formatConfigError, parseConfigFile } from '../../src/core/config/config-file';
import { findConfigFile, loadConfigFile } from '../../src/core/config/config-file-fs';
import { configJsonSchema } from '../../src/core/config/config-schema';
import { RULES } from '../../src/core/rules';
import { REPO } from './run-cli';

const errorsOf = (text: string) => parseConfigFile(text, CONFIG_FILE_NAME).errors.map((e) => formatConfigError(e, CONFIG_FILE_NAME));

describe('config file: .entra-auth-lint.json', () => {
  it('reads every key into LintOptions, with comments, trailing commas and a BOM', () => {
    const text = `\uFEFF{
  // team settings
  "$schema": "./node_modules/entra-auth-lint/schemas/entra-auth-lint.schema.json",
  "rules": { "custom-scheme-redirect": "error", "file-skipped": "off" },
  "exclude": ["legacy/**"],
  "include": ["config/*.json"],
  "allowedSchemes": ["contoso-sso", "fabrikam://"],
  "maxFileSizeBytes": 1048576,
  "suppressions": [{ "rule": "*", "files": "samples/**", "reason": "Samples show the problem on purpose." }],
}`;
    const { options, errors } = parseConfigFile(text, CONFIG_FILE_NAME);
    assert.deepEqual(errors, []);
    assert.deepEqual(options, {
      rules: { 'custom-scheme-redirect': 'error', 'file-skipped': 'off' },
      exclude: ['legacy/**'],
      include: ['config/*.json'],
      allowedSchemes: ['contoso-sso', 'fabrikam://'],
      maxFileSizeBytes: 1048576,
      suppressions: [{ rule: '*', files: 'samples/**', reason: 'Samples show the problem on purpose.' }],
    });
  });

  it('names the key and its position in every error', () => {
    assert.deepEqual(
      errorsOf('{\n  "rules": { "parse-error": "warn", "custom-scheme": "off" },\n  "allowedSchemes": ["my app"],\n  "exclude": "dist",\n  "colour": true\n}'),
      [
        ".entra-auth-lint.json:2:29: rules.parse-error: severity must be one of off, hint, information, warning, error, found 'warn'",
        `.entra-auth-lint.json:2:37: rules.custom-scheme: unknown rule id (known: ${RULES.map((r) => r.meta.id).join(', ')})`,
        ".entra-auth-lint.json:3:22: allowedSchemes[0]: 'my app' is not a URL scheme (letters, digits, '+', '-', '.'; starting with a letter)",
        ".entra-auth-lint.json:4:14: exclude: must be an array of strings (a glob pattern each), found 'dist'",
        '.entra-auth-lint.json:5:3: colour: unknown key (allowed: $schema, rules, exclude, include, allowedSchemes, maxFileSizeBytes, suppressions, testPaths)',
      ],
    );
  });

  it('checks suppressions: known rule, required non-empty reason, no extra keys', () => {
    assert.deepEqual(
      errorsOf(
        JSON.stringify({
          suppressions: [
            { rule: 'parse-eror', files: 'a', reason: 'r' },
            { rule: '*', files: 'b', reason: '  ' },
            { rule: '*', files: 'c', reason: 'r', until: '2027' },
            'x',
            { rule: '*', files: 'd', reason: 'ok' },
          ],
        }),
      ),
      [
        ".entra-auth-lint.json:1:26: suppressions[0].rule: unknown rule id 'parse-eror' (did you mean 'parse-error'?) (use '*' for every rule)",
        ".entra-auth-lint.json:1:98: suppressions[1].reason: must be a non-empty string, found '  '",
        '.entra-auth-lint.json:1:141: suppressions[2].until: unknown key (allowed: rule, files, value, reason)',
        '.entra-auth-lint.json:1:157: suppressions[3]: must be an object with "rule", "files" and "reason", found \'x\'',
      ],
    );
    assert.deepEqual(parseConfigFile(JSON.stringify({ suppressions: [{ rule: '*', files: 'd', reason: 'ok' }] }), 'x').options.suppressions, [
      { rule: '*', files: 'd', reason: 'ok' },
    ]);
  });

  it('rejects bad sizes, duplicate keys, syntax errors and a non-object file', () => {
    assert.deepEqual(errorsOf('{ "maxFileSizeBytes": 1.5 }'), [
      '.entra-auth-lint.json:1:23: maxFileSizeBytes: must be a positive whole number of bytes, found 1.5',
    ]);
    assert.deepEqual(errorsOf('{ "exclude": [], "exclude": ["a"] }'), ['.entra-auth-lint.json:1:18: exclude: is given more than once']);
    assert.deepEqual(errorsOf('{ "exclude": ["a"] "include": [] }'), ['.entra-auth-lint.json:1:20: JSON syntax error: comma expected']);
    assert.deepEqual(errorsOf('["rules"]'), ['.entra-auth-lint.json:1:1: expected a JSON object at the top of .entra-auth-lint.json, found an array']);
    assert.deepEqual(errorsOf(''), ['.entra-auth-lint.json:1:1: .entra-auth-lint.json is empty; expected a JSON object']);
  });

  it('keeps the valid parts when some entries are wrong (the editor can still use them)', () => {
    const { options, errors } = parseConfigFile('{ "rules": { "parse-error": "off", "nope": "off" }, "exclude": ["a", 3] }', 'x');
    assert.equal(errors.length, 2);
    assert.deepEqual(options, { rules: { 'parse-error': 'off' }, exclude: ['a'] });
  });

  it('findConfigFile walks up from a folder; loadConfigFile reports an unreadable file as an error', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-config-'));
    fs.mkdirSync(path.join(root, 'a/b/c'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a', CONFIG_FILE_NAME), '{ "exclude": ["x/**"] }');
    assert.equal(findConfigFile(path.join(root, 'a/b/c')), path.join(root, 'a', CONFIG_FILE_NAME));
    assert.equal(findConfigFile(path.join(root, 'a')), path.join(root, 'a', CONFIG_FILE_NAME));
    assert.equal(findConfigFile(root), undefined);
    assert.deepEqual(loadConfigFile(path.join(root, 'a', CONFIG_FILE_NAME)).options, { exclude: ['x/**'] });
    assert.equal(loadConfigFile(path.join(root, 'none.json')).errors[0].message, 'cannot read the config file: no such file');
  });
});

describe('config file: JSON schema', () => {
  const schema = configJsonSchema();
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('the committed schemas/entra-auth-lint.schema.json is the generated one (run npm run golden:update)', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/entra-auth-lint.schema.json'), 'utf8')), schema);
  });

  it('agrees with parseConfigFile on valid and invalid files', () => {
    const samples: [unknown, boolean][] = [
      [{}, true],
      [{ rules: { 'custom-scheme-redirect': 'hint' }, allowedSchemes: ['a+b.c-d'], maxFileSizeBytes: 1 }, true],
      [{ suppressions: [{ rule: 'parse-error', files: '**', reason: 'because' }] }, true],
      [{ rules: { 'no-such-rule': 'off' } }, false],
      [{ rules: { 'parse-error': 'warn' } }, false],
      [{ allowedSchemes: ['1abc'] }, false],
      [{ maxFileSizeBytes: 0 }, false],
      [{ suppressions: [{ rule: '*', files: '**' }] }, false],
      [{ suppressions: [{ rule: '*', files: '**', reason: 'r', extra: 1 }] }, false],
      [{ exclude: [''] }, false],
      [{ unknown: true }, false],
    ];
    for (const [sample, valid] of samples) {
      const text = JSON.stringify(sample);
      assert.equal(validate(sample), valid, `schema: ${text}`);
      assert.equal(parseConfigFile(text, 'x').errors.length === 0, valid, `parser: ${text}`);
    }
  });

  it('the cli-workspace fixture config is valid', () => {
    const text = fs.readFileSync(path.join(REPO, 'test/fixtures/cli-workspace', CONFIG_FILE_NAME), 'utf8');
    assert.deepEqual(parseConfigFile(text, 'x').errors, []);
  });
});
