import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fingerprintsOf, formatSarif, FINGERPRINT_KEY, toUriReference } from '../../src/cli/formatters/sarif';
import type { Finding } from '../../src/core/model';
import { RULES } from '../../src/core/rules';
import { docsUrl } from '../../src/core/rules/types';
import { REPO, runCli, type JsonReport } from './run-cli';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion };
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
    originalUriBaseIds: Record<string, unknown>;
  }[];
}

/** The official schema is draft-04; its only draft-04 construct is `id`, renamed here to `$id` for ajv's draft-07. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif/sarif-2.1.0.schema.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  const { id, ...rest } = schema;
  // strict: false tolerates the schema's own keywords; unicodeRegExp: false because one of its patterns
  // (the `language` tag) has a stray `]` that only the non-Unicode RegExp syntax accepts.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id as string });
}

function sarifOf(args: string[], cwd = REPO): SarifLog {
  const result = runCli(['--format', 'sarif', ...args], { cwd });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout) as SarifLog;
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    file: path.join(REPO, 'ws/app.json'),
    range: { start: 10, end: 20 },
    start: { line: 2, character: 4 },
    end: { line: 2, character: 14 },
    ruleId: 'custom-scheme-redirect',
    severity: 'warning',
    codes: ['AADSTS50199'],
    message: 'm',
    related: [],
    fixes: [],
    ...overrides,
  };
}

describe('cli: --format sarif', () => {
  const validate = sarifValidator();

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = sarifOf(['test/fixtures/cli-workspace']);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0].results.length > 0);
  });

  it('the schema check can fail: a result with a bad level is rejected', () => {
    const log = sarifOf(['test/fixtures/cli-workspace']);
    (log.runs[0].results[0] as { level: string }).level = 'warn';
    assert.equal(validate(log), false);
  });

  it('describes every rule with its docs page, help, default level and AADSTS tags', () => {
    const { driver } = sarifOf(['test/fixtures/cli-workspace']).runs[0].tool;
    const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(driver.name, 'entra-auth-lint');
    assert.equal(driver.version, version);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
    for (const [i, rule] of driver.rules.entries()) {
      const meta = RULES[i].meta;
      assert.equal(rule.shortDescription.text, meta.description);
      assert.ok(rule.fullDescription.text.includes(meta.docs.why));
      assert.equal(rule.helpUri, docsUrl(meta.id));
      assert.ok(rule.help.markdown.includes(meta.docs.howToFix) && rule.help.text.includes(meta.docs.howToFix));
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[meta.defaultSeverity]);
      for (const code of meta.codes) assert.ok(rule.properties.tags.includes(code), `${meta.id} tags ${code}`);
    }
    assert.deepEqual(driver.rules.find((r) => r.id === 'custom-scheme-redirect')?.properties.tags.slice(0, 1), ['AADSTS50199']);
  });

  it('reports the same findings as --format json (file, range, rule, level, message)', () => {
    const json = JSON.parse(runCli(['--format', 'json', 'test/fixtures/cli-workspace']).stdout) as JsonReport;
    const log = sarifOf(['test/fixtures/cli-workspace']);
    const level = (severity: string) => ({ error: 'error', warning: 'warning', information: 'note', hint: 'note' })[severity];
    const fromJson = json.findings.map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, level(f.severity), f.message].join('|'));
    const fromSarif = log.runs[0].results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
      return [
        decodeURIComponent(artifactLocation.uri),
        region.startLine,
        region.startColumn,
        region.endLine,
        region.endColumn,
        r.ruleId,
        r.level,
        r.message.text,
      ].join('|');
    });
    assert.deepEqual(fromSarif, fromJson);
    assert.equal(fromJson.length, 4);
    assert.ok(log.runs[0].originalUriBaseIds['%SRCROOT%']);
  });

  it('keeps fingerprints when unrelated lines are added above a finding, and changes them for a different value', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-sarif-'));
    // One value sent by two requests of an msal-node Electron config (the shape of
    // AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronTestApp/src/config/AAD.json):
    // two findings. (A registration listing a value twice is one problem, reported on the first copy.)
    const manifest = (padding: string, scheme: string) =>
      `{\n${padding}  "authOptions": { "clientId": "11111111-2222-4333-8444-555555555555" },\n  "request": {\n    "authCodeUrlParameters": { "redirectUri": "${scheme}://auth" },\n    "authCodeRequest": { "redirectUri": "${scheme}://auth" }\n  }\n}\n`;
    fs.mkdirSync(path.join(dir, 'src/config'), { recursive: true });
    const file = path.join(dir, 'src/config/AAD.json');
    const run = () => sarifOf(['.'], dir).runs[0].results.filter((r) => r.ruleId === 'custom-scheme-redirect');
    fs.writeFileSync(file, manifest('', 'contoso'));
    const before = run();
    fs.writeFileSync(file, manifest('  "displayName": "Contoso",\n  "notes": "moved down",\n', 'contoso'));
    const after = run();
    fs.writeFileSync(file, manifest('', 'fabrikam'));
    const other = run();
    assert.equal(before.length, 2);
    assert.deepEqual(
      after.map((r) => r.locations[0].physicalLocation.region.startLine),
      before.map((r) => r.locations[0].physicalLocation.region.startLine + 2),
    );
    assert.deepEqual(
      after.map((r) => r.partialFingerprints),
      before.map((r) => r.partialFingerprints),
    );
    // The two occurrences of the same value differ, and another value gives other fingerprints.
    assert.notEqual(before[0].partialFingerprints[FINGERPRINT_KEY], before[1].partialFingerprints[FINGERPRINT_KEY]);
    assert.notEqual(other[0].partialFingerprints[FINGERPRINT_KEY], before[0].partialFingerprints[FINGERPRINT_KEY]);
  });

  it('writes related locations for cross-file findings and percent-encodes paths', () => {
    const related = finding({
      file: path.join(REPO, 'ws/my app/config.json'),
      related: [
        {
          file: path.join(REPO, 'ws/registration/manifest.json'),
          range: { start: 0, end: 5 },
          start: { line: 6, character: 2 },
          end: { line: 6, character: 7 },
          message: 'registered here',
        },
      ],
    });
    const log = JSON.parse(formatSarif({ files: [], findings: [related], cwd: REPO, color: false })) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors));
    const [result] = log.runs[0].results;
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'ws/my%20app/config.json');
    assert.deepEqual(result.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'ws/registration/manifest.json', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 8 },
        },
        message: { text: 'registered here' },
      },
    ]);
    assert.equal(toUriReference('../a b/c#d.json'), '../a%20b/c%23d.json');
  });

  it('reports paths that could not be read as tool execution notifications', () => {
    const result = runCli(['--format', 'sarif', 'test/fixtures/cli-workspace', 'no/such/folder']);
    const log = JSON.parse(result.stdout) as SarifLog & { runs: { invocations: unknown[] }[] };
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0].invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'no such file or folder' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'no/such/folder', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('maps information and hint findings to note', () => {
    const log = JSON.parse(
      formatSarif({
        files: [],
        findings: [finding({ severity: 'information' }), finding({ severity: 'hint' }), finding({ severity: 'error' })],
        cwd: REPO,
        color: false,
      }),
    ) as SarifLog;
    assert.deepEqual(
      log.runs[0].results.map((r) => r.level),
      ['note', 'note', 'error'],
    );
  });

  it('fingerprints hash the offending text, never show it', () => {
    const text = 'xxxxxxxxxxSECRETVALUExxxx';
    const [print] = fingerprintsOf([finding({ ruleId: 'committed-secret' })], REPO, () => text);
    assert.match(print, /^[0-9a-f]{32}$/);
    const [samePlaceOtherText] = fingerprintsOf([finding({ ruleId: 'committed-secret' })], REPO, () => text.replace('SECRET', 'OTHER!'));
    assert.notEqual(print, samePlaceOtherText);
  });
});
