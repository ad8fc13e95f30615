import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import type { Finding, Fix } from '../../../src/core/model';
import { applyEdits } from '../../../src/core/fixes/apply';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

const CROSS_FILE_RULES = [
  'unregistered-redirect',
  'spa-redirect-on-web-platform',
  'public-client-redirect-on-web-platform',
  'authority-audience-mismatch',
  'implicit-grant-enabled',
  'untrusted-authority',
];

const root = path.join(FIXTURES, 'workspaces');
const spa = {
  manifest: path.join(root, 'spa/app-manifest.json'),
  config: path.join(root, 'spa/src/authConfig.js'),
  admin: path.join(root, 'spa/src/msalAdmin.js'),
  other: path.join(root, 'spa/src/otherAuthConfig.js'),
};
const desktop = { manifest: path.join(root, 'desktop-legacy/manifest.json'), main: path.join(root, 'desktop-legacy/main.js') };
const b2c = path.join(root, 'b2c/src/authConfig.js');
const webapp = { settings: path.join(root, 'webapp/appsettings.json'), manifest: path.join(root, 'webapp/webapp.manifest.json') };

const read = (file: string) => fs.readFileSync(file, 'utf8');
const lineOf = (file: string, needle: string) =>
  read(file)
    .split(/\r\n|\n/)
    .findIndex((line) => line.includes(needle));

function only(findings: Finding[], ruleId: string, containing: string): Finding {
  // The first sentence may shorten a long value; the detail holds it whole.
  const matches = findings.filter((f) => f.ruleId === ruleId && `${f.message} ${f.detail ?? ''}`.includes(containing));
  assert.equal(matches.length, 1, `one ${ruleId} finding mentioning ${containing}`);
  return matches[0];
}

/** Applies a fix's edits to the file they target (edits in one fix may target another file). */
function applyTo(file: string, fix: Fix): string {
  return applyEdits(
    read(file),
    fix.edits.filter((e) => e.file === file),
  );
}

describe('cross-file: fixture workspaces', () => {
  it('reports exactly the findings the SPA workspace expects', () => {
    assertInlineExpectations(Object.values(spa), CROSS_FILE_RULES);
  });

  it('reports exactly the findings the desktop (legacy manifest, CRLF, tabs) workspace expects', () => {
    assertInlineExpectations(Object.values(desktop), CROSS_FILE_RULES);
  });

  it('reports exactly the authority findings the B2C workspace expects (no registration needed)', () => {
    assertInlineExpectations([b2c], CROSS_FILE_RULES);
  });

  it('reports /common in appsettings (Instance + TenantId) against a single-tenant app, and no implicit warning for Microsoft.Identity.Web', () => {
    assertInlineExpectations(Object.values(webapp), CROSS_FILE_RULES);
    const { findings } = lintFixtures(Object.values(webapp));
    const finding = only(findings.get(webapp.settings)!, 'authority-audience-mismatch', "'common'");
    assert.equal(coveredText(read(webapp.settings), finding), 'common');
    // The manifest's publisherDomain names the home tenant: the fix uses it and points there.
    assert.deepEqual(
      finding.related.map((r) => [path.basename(r.file), r.start.line]),
      [
        ['webapp.manifest.json', lineOf(webapp.manifest, '"signInAudience"')],
        ['webapp.manifest.json', lineOf(webapp.manifest, '"publisherDomain"')],
      ],
    );
    assert.ok(applyTo(webapp.settings, finding.fixes[0]).includes('"TenantId": "contoso.onmicrosoft.com", // expect'));
  });

  it('says nothing across files for a config whose client id no registration has', () => {
    const { findings } = lintFixtures(Object.values(spa));
    assert.deepEqual(
      findings.get(spa.other)!.filter((f) => CROSS_FILE_RULES.includes(f.ruleId)),
      [],
    );
  });

  it('points an unregistered redirect at the nearest registered URI and offers both fixes', () => {
    const { findings } = lintFixtures(Object.values(spa));
    const finding = only(findings.get(spa.config)!, 'unregistered-redirect', "'http://127.0.0.1/callback'");
    assert.equal(coveredText(read(spa.config), finding), 'http://127.0.0.1/callback');
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0].file, spa.manifest);
    assert.deepEqual([finding.related[0].start.line, finding.related[0].start.character], [lineOf(spa.manifest, '"http://localhost/callback"'), 7]);
    assert.match(finding.related[0].message, /127\.0\.0\.1 and localhost are different hosts/);

    const [useRegistered, register] = finding.fixes;
    assert.equal(useRegistered.unattended, false);
    assert.ok(applyTo(spa.config, useRegistered).includes('redirectUri: "http://localhost/callback" }; // expect'));
    assert.equal(register.unattended, false);
    assert.equal(register.edits[0].file, spa.manifest);
    assert.ok(
      applyTo(spa.manifest, register).includes(
        '  "spa": {\n    "redirectUris": [\n      "http://localhost:3000",\n      "http://localhost/callback",\n      "https://tasks.contoso.example/App/",\n      "http://127.0.0.1/callback"\n    ]\n  },',
      ),
    );
  });

  it('names the trailing slash and the path case in unregistered-redirect messages', () => {
    const { findings } = lintFixtures(Object.values(spa));
    const list = findings.get(spa.config)!;
    assert.match(only(list, 'unregistered-redirect', "'https://tasks.contoso.example/App'").detail ?? '', /trailing slash differs/);
    assert.match(only(list, 'unregistered-redirect', "'https://tasks.contoso.example/app/'").detail ?? '', /path differs in case/);
  });

  it('moves a browser redirect from web to spa in the manifest with two exact edits', () => {
    const { findings } = lintFixtures(Object.values(spa));
    const finding = only(findings.get(spa.config)!, 'spa-redirect-on-web-platform', 'web-callback');
    assert.deepEqual(finding.codes, ['AADSTS9002326']);
    assert.equal(finding.related[0].start.line, lineOf(spa.manifest, '"http://localhost:5173/web-callback"'));
    const fix = finding.fixes[0];
    assert.equal(fix.edits.length, 2);
    const after = applyTo(spa.manifest, fix);
    assert.ok(after.includes('"redirectUris": [\n      "https://tasks.contoso.example/signin-oidc"\n    ],'));
    assert.ok(after.includes('      "https://tasks.contoso.example/App/",\n      "http://localhost:5173/web-callback"\n    ]'));
    const errors: ParseError[] = [];
    parse(after, errors);
    assert.deepEqual(errors, []);
  });

  it('replaces /common with the tenant another config of the app uses', () => {
    const { findings } = lintFixtures(Object.values(spa));
    const finding = only(findings.get(spa.config)!, 'authority-audience-mismatch', "'common'");
    assert.deepEqual(finding.codes, ['AADSTS50194']);
    assert.equal(coveredText(read(spa.config), finding), 'common');
    assert.deepEqual(
      finding.related.map((r) => [r.file, r.start.line]),
      [
        [spa.manifest, lineOf(spa.manifest, '"signInAudience"')],
        [spa.admin, lineOf(spa.admin, 'contoso.onmicrosoft.com')],
      ],
    );
    assert.equal(coveredText(read(spa.admin), { ...finding, range: finding.related[1].range }), 'contoso.onmicrosoft.com');
    assert.ok(applyTo(spa.config, finding.fixes[0]).includes('authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com", // expect'));
  });

  it('flags implicit issuance in the registration, related to the MSAL 2 config, and turns it off', () => {
    const { findings } = lintFixtures(Object.values(spa));
    const finding = only(findings.get(spa.manifest)!, 'implicit-grant-enabled', 'access token');
    assert.equal(coveredText(read(spa.manifest), finding), 'true');
    assert.deepEqual(finding.codes, []);
    assert.deepEqual(
      finding.related.map((r) => path.basename(r.file)),
      ['authConfig.js', 'msalAdmin.js'],
    );
    assert.ok(applyTo(spa.manifest, finding.fixes[0]).includes('"enableAccessTokenIssuance": false, // expect'));
  });

  it('moves a desktop loopback redirect to InstalledClient in a legacy manifest, keeping CRLF and tabs', () => {
    const { findings } = lintFixtures(Object.values(desktop));
    const finding = only(findings.get(desktop.main)!, 'public-client-redirect-on-web-platform', "'http://localhost:51234'");
    assert.deepEqual(
      finding.related.map((r) => [path.basename(r.file), r.start.line]),
      [
        ['manifest.json', 9],
        ['manifest.json', 4],
      ],
    );
    const after = applyTo(desktop.manifest, finding.fixes[0]);
    assert.ok(after.includes('\t\t\t"url": "http://localhost",\r\n\t\t\t"type": "InstalledClient"\r\n'));
  });

  it('adds a {url, type} entry to replyUrlsWithType for an unregistered desktop redirect', () => {
    const { findings } = lintFixtures(Object.values(desktop));
    const finding = only(findings.get(desktop.main)!, 'unregistered-redirect', '/auth/done');
    assert.equal(finding.related[0].start.line, lineOf(desktop.manifest, '"appId"'));
    const after = applyTo(desktop.manifest, finding.fixes[0]);
    assert.ok(
      after.endsWith(
        '\t\t\t"type": "Web"\r\n\t\t},\r\n\t\t{\r\n\t\t\t"url": "http://localhost:51234/auth/done",\r\n\t\t\t"type": "InstalledClient"\r\n\t\t}\r\n\t]\r\n}\r\n',
      ),
    );
  });

  it('replaces /consumers with /organizations for a work-or-school multi-tenant app', () => {
    const { findings } = lintFixtures(Object.values(desktop));
    const finding = only(findings.get(desktop.main)!, 'authority-audience-mismatch', "'consumers'");
    assert.deepEqual(finding.codes, ['AADSTS9002332']);
    assert.ok(applyTo(desktop.main, finding.fixes[0]).includes('"https://login.microsoftonline.com/organizations"'));
  });

  it("adds the B2C host to knownAuthorities with the array's own quotes, and uses msal's codes", () => {
    const { findings } = lintFixtures([b2c]);
    const list = findings.get(b2c)!;
    const b2cFinding = only(list, 'untrusted-authority', 'contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_susi');
    assert.deepEqual(b2cFinding.codes, ['untrusted_authority']);
    assert.equal(b2cFinding.related[0].start.line, lineOf(b2c, "knownAuthorities: ['login.contoso.example']"));
    assert.ok(applyTo(b2c, b2cFinding.fixes[0]).includes("knownAuthorities: ['login.contoso.example', 'contoso.b2clogin.com'],"));
    assert.equal(b2cFinding.fixes[0].unattended, false);
    const insecure = only(list, 'untrusted-authority', 'http://login.microsoftonline.com');
    assert.deepEqual(insecure.codes, ['authority_uri_insecure']);
    assert.ok(applyTo(b2c, insecure.fixes[0]).includes('authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",'));
  });
});
