import * as assert from 'node:assert/strict';
import type { AuthConfig, Finding, ParsedFile, Range, RedirectUri } from '../../../src/core/model';
import { Project } from '../../../src/core/engine/project';
import type { LintOptions } from '../../../src/core/engine/options';
import { firstSentence } from '../../../src/core/engine/one-finding';
import type { FileRule, Report } from '../../../src/core/rules/types';

// The engine's one-finding-per-problem step (engine/one-finding.ts), with rules made for the test so that each
// case controls exactly what is reported. The shapes are those measured on real code (issue 16, item 7):
// MSAL.NET tests/devapps/MultiCloudTestApp/Program.cs (one empty client id reaching three builders),
// MSAL Android msalautomationapp/src/main/res/raw/msal_automation_config.json (android-redirect-mismatch and
// custom-scheme-redirect on one redirect_uri), msal-node samples/msal-node-samples/ElectronTestApp/src/config/AAD.json
// (one URI in two requests of one config).

function rule(id: string, severity: Report['severity'], check: (file: ParsedFile, report: (r: Report) => void) => void): FileRule {
  return {
    meta: {
      id,
      codes: [`CODE-${id}`],
      defaultSeverity: severity ?? 'warning',
      description: id,
      fixable: false,
      providers: 'any',
      scope: 'file',
      docs: { impact: '', why: '', howToFix: '', links: [] },
    },
    check: ({ file, report }) => check(file, report),
  };
}

/** A JSON file with `values` as strings at the given places; returns the file and the range of each value. */
function jsonFile(path: string, text: string, values: string[]): { file: ParsedFile; ranges: Range[] } {
  const ranges: Range[] = [];
  let from = 0;
  for (const value of values) {
    const start = text.indexOf(`"${value}"`, from) + 1;
    ranges.push({ start, end: start + value.length });
    from = start + value.length;
  }
  return { file: { path, format: 'json-config', text, configs: [], registrations: [], problems: [] }, ranges };
}

function config(redirects: { value: string; range: Range }[], extra: Partial<AuthConfig> = {}): AuthConfig {
  const redirectUris: RedirectUri[] = redirects.map((r) => ({ ...r, platform: 'publicClient', role: 'redirect' }));
  return { kind: 'config', library: 'msal-node', platform: 'publicClient', redirectUris, range: { start: 0, end: 1 }, ...extra };
}

function lint(file: ParsedFile, rules: FileRule[], options: LintOptions = {}): Finding[] {
  const project = new Project(options, '/w', rules);
  project.index.set(file);
  return project.lintFile(file.path);
}

describe('one finding per problem (engine)', () => {
  it('one value reaching several configs is reported once, with the related information of every copy', () => {
    const { file, ranges } = jsonFile('/w/Program.json', '{ "ClientId": "" , "x": "a" }', ['']);
    // Three builders share the one client id: the rule judges each config and reports the same range three times.
    file.configs = [config([]), config([]), config([])];
    const sameRange = rule('client-id-format', 'warning', (f, report) =>
      f.configs.forEach((_, i) =>
        report({
          range: ranges[0],
          message: 'The client id is empty (AADSTS900144); fill it in.',
          related: [{ file: `/w/Builder${i}.cs`, range: { start: 0, end: 1 }, message: 'Passed here.' }],
        }),
      ),
    );
    const findings = lint(file, [sameRange]);
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].related.map((r) => r.file),
      ['/w/Builder0.cs', '/w/Builder1.cs', '/w/Builder2.cs'],
    );
    assert.equal(findings[0].detail, undefined, 'identical copies add nothing to the detail');
  });

  it('copies of one rule on one range that name different values keep the others in the detail', () => {
    const { file, ranges } = jsonFile('/w/PCAWrapper.json', '{ "r": "x" }', ['x']);
    const twoValues = rule('custom-scheme-redirect', 'information', (_, report) => {
      report({ range: ranges[0], message: "Broker redirect 'msauth://a' prompts when no broker app is installed." });
      report({ range: ranges[0], message: "Broker redirect 'msauth.b://auth' prompts when no broker app is installed." });
    });
    const [finding, ...rest] = lint(file, [twoValues]);
    assert.equal(rest.length, 0);
    assert.match(finding.message, /msauth:\/\/a/);
    assert.equal(finding.detail, "Also: Broker redirect 'msauth.b://auth' prompts when no broker app is installed.");
  });

  it('two rules on one range: the stronger stays and carries the weaker (sentence, codes, related, fixes that do not conflict)', () => {
    const { file, ranges } = jsonFile('/w/msal_config.json', '{ "redirect_uri": "msauth://p/h" }', ['msauth://p/h']);
    const edit = (start: number, end: number) => [{ file: file.path, range: { start, end }, newText: 'z' }];
    const weak = rule('custom-scheme-redirect', 'information', (_, report) =>
      report({
        range: ranges[0],
        message: "Broker redirect 'msauth://p/h' shows the AADSTS50199 prompt without the broker; enable the broker. More words.",
        codes: ['AADSTS50199'],
        related: [{ file: '/w/build.gradle', range: { start: 0, end: 1 }, message: 'The app signs in through Custom Tabs.' }],
        fixes: [
          { title: 'Enable the broker', unattended: false, edits: edit(0, 1) },
          { title: 'Use the safe redirect', unattended: false, preferred: true, edits: edit(ranges[0].start, ranges[0].end) },
          { title: 'Encode the hash', unattended: true, edits: edit(ranges[0].start, ranges[0].end) },
        ],
      }),
    );
    const strong = rule('android-redirect-mismatch', 'error', (_, report) =>
      report({
        range: ranges[0],
        message: "redirect_uri 'msauth://p/h' does not match the intent filter; align the two.",
        detail: 'MSAL checks it at start.',
        codes: [],
        fixes: [{ title: 'Align the intent filter', unattended: true, edits: edit(ranges[0].start + 1, ranges[0].start + 2) }],
      }),
    );
    // The weaker rule comes first in the list: severity decides before rule order.
    const findings = lint(file, [weak, strong]);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.equal(f.ruleId, 'android-redirect-mismatch');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.codes, ['AADSTS50199']);
    assert.equal(
      f.detail,
      "MSAL checks it at start. Also (custom-scheme-redirect): Broker redirect 'msauth://p/h' shows the AADSTS50199 prompt without the broker; enable the broker.",
    );
    assert.deepEqual(
      f.related.map((r) => r.message),
      ['The app signs in through Custom Tabs.'],
    );
    // Alternatives stay (the editor verifies which to prefer); a second automatic edit of the same text does not.
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Align the intent filter', 'Enable the broker', 'Use the safe redirect'],
    );
  });

  it('of two findings with the same severity on one range, the earlier rule of the list stays', () => {
    const { file, ranges } = jsonFile('/w/a.json', '{ "clientId": "mock" }', ['mock']);
    const first = rule('placeholder-value', 'warning', (_, report) => report({ range: ranges[0], message: "'mock' is a placeholder; fill in the id." }));
    const second = rule('client-id-format', 'warning', (_, report) => report({ range: ranges[0], message: "The client id 'mock' is not a GUID; use the id." }));
    const [f, ...rest] = lint(file, [first, second]);
    assert.equal(rest.length, 0);
    assert.equal(f.ruleId, 'placeholder-value');
    assert.deepEqual(f.codes, ['CODE-placeholder-value', 'CODE-client-id-format']);
  });

  it('a URI listed twice by one registration: its problem on the first copy only, the duplicate finding on the copy', () => {
    const { file, ranges } = jsonFile('/w/manifest.json', '{ "replyUrlsWithType": [ { "url": "myapp://auth" }, { "url": "myapp://auth" } ] }', [
      'myapp://auth',
      'myapp://auth',
    ]);
    file.format = 'graph-manifest';
    const uris: RedirectUri[] = ranges.map((range) => ({ value: 'myapp://auth', range, platform: 'publicClient', role: 'redirect' }));
    file.registrations = [{ kind: 'registration', redirectUris: uris, range: { start: 0, end: file.text.length } }];
    const perUri = rule('custom-scheme-redirect', 'warning', (f, report) =>
      f.registrations[0].redirectUris.forEach((u) => report({ range: u.range, message: `Custom scheme '${u.value}' prompts; use http://localhost.` })),
    );
    const duplicate = rule('duplicate-redirect', 'warning', (f, report) => {
      const [first, copy] = f.registrations[0].redirectUris;
      report({ range: copy.range, message: 'Listed twice; remove this copy.', related: [{ file: f.path, range: first.range, message: 'First listed here.' }] });
    });
    const findings = lint(file, [perUri, duplicate]);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start]),
      [
        ['custom-scheme-redirect', ranges[0].start],
        ['duplicate-redirect', ranges[1].start],
      ],
    );
    assert.deepEqual(
      findings[0].related.map((r) => [r.range.start, r.message]),
      [[ranges[1].start, 'Listed again here.']],
    );
    assert.equal(findings[1].detail, undefined, 'the copy does not carry the custom-scheme sentence');
  });

  it('a URI in two requests of one config stays two findings, the later pointing to the first', () => {
    const text = '{ "authCodeUrlParameters": { "redirectUri": "msalx://auth" }, "authCodeRequest": { "redirectUri": "msalx://auth" } }';
    const { file, ranges } = jsonFile('/w/AAD.json', text, ['msalx://auth', 'msalx://auth']);
    file.configs = [config(ranges.map((range) => ({ value: 'msalx://auth', range })))];
    const perUri = rule('custom-scheme-redirect', 'warning', (f, report) =>
      f.configs[0].redirectUris.forEach((u) => report({ range: u.range, message: `Custom scheme '${u.value}' prompts; use http://localhost.` })),
    );
    const findings = lint(file, [perUri]);
    assert.equal(findings.length, 2);
    assert.deepEqual(findings[0].related, []);
    assert.deepEqual(
      findings[1].related.map((r) => [r.range.start, r.message]),
      [[ranges[0].start, 'The same redirect URI, reported here first.']],
    );
  });

  it('a URI listed twice in one array of a config is one problem, on the first copy', () => {
    const { file, ranges } = jsonFile('/w/capacitor.json', '{ "redirectUris": ["myapp://auth", "myapp://auth"] }', ['myapp://auth', 'myapp://auth']);
    file.configs = [config(ranges.map((range) => ({ value: 'myapp://auth', range })))];
    const perUri = rule('custom-scheme-redirect', 'warning', (f, report) =>
      f.configs[0].redirectUris.forEach((u) => report({ range: u.range, message: `Custom scheme '${u.value}' prompts.` })),
    );
    const findings = lint(file, [perUri]);
    assert.deepEqual(
      findings.map((f) => f.range.start),
      [ranges[0].start],
    );
  });

  it('a suppressed finding does not silence the weaker one on the same range', () => {
    const { file, ranges } = jsonFile('/w/a.json', '{ "r": "x" }', ['x']);
    const strong = rule('strong', 'error', (_, report) => report({ range: ranges[0], message: 'Strong.' }));
    const weak = rule('weak', 'information', (_, report) => report({ range: ranges[0], message: 'Weak.' }));
    const findings = lint(file, [strong, weak], { suppressions: [{ rule: 'strong', files: 'a.json', value: 'x', reason: 'accepted' }] });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['weak'],
    );
  });

  it('end to end: an Electron config sending one custom scheme from three places gives three findings, linked to the first', () => {
    // Our own config in the shape of msal-node samples/msal-node-samples/ElectronTestApp/src/config/AAD.json
    // (authCodeUrlParameters.redirectUri, authCodeRequest.redirectUri and customProtocol.name: the corpus labels three).
    const text = `{
  "authOptions": { "clientId": "6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e", "authority": "https://login.microsoftonline.com/common/" },
  "request": {
    "authCodeUrlParameters": { "scopes": ["user.read"], "redirectUri": "msal6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e://auth" },
    "authCodeRequest": { "scopes": ["user.read"], "redirectUri": "msal6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e://auth" }
  },
  "customProtocol": { "name": "msal6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e" }
}
`;
    const project = new Project({}, '/w');
    project.setFile('/w/src/config/AAD.json', text);
    const findings = project.lintFile('/w/src/config/AAD.json').filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.deepEqual(
      findings.map((f) => f.start.line),
      [3, 4, 6],
    );
    assert.deepEqual(findings[0].related, []);
    for (const later of findings.slice(1)) {
      assert.deepEqual(
        later.related.map((r) => [r.start.line, r.message]),
        [[3, 'The same redirect URI, reported here first.']],
      );
    }
  });

  it('firstSentence keeps dots inside values', () => {
    assert.equal(firstSentence("Redirect 'msauth.com.x://auth' prompts. Then more."), "Redirect 'msauth.com.x://auth' prompts.");
    assert.equal(firstSentence('One sentence only'), 'One sentence only');
  });
});
