import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { bicepFormat } from '../../../src/core/formats/bicep';
import { tokenizeBicep } from '../../../src/core/lexing/languages/bicep';
import type { AppRegistration } from '../../../src/core/model';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';
import { rangeText as slice } from '../../../src/core/io/text';

const dir = path.join(FIXTURES, 'formats/bicep');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const uris = (reg: AppRegistration) => reg.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: bicep', () => {
  it('reads every .bicep file', () => {
    assert.equal(detectFormat('/w/infra/app.bicep', '')?.id, 'bicep');
    assert.equal(bicepFormat.byName('/w/infra/app.bicepparam'), 'no');
  });

  it('reads Microsoft.Graph/applications resources with their platforms and flags', () => {
    const text = read('app.bicep');
    const parsed = bicepFormat.parse(fixture('app.bicep'), text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.registrations.length, 2, 'the `existing` reference is not a registration');
    const [desktop, mobile] = parsed.registrations;
    assert.equal(desktop.displayName, 'Contoso Desktop');
    assert.equal(desktop.signInAudience?.value, 'AzureADMyOrg');
    assert.equal(desktop.allowPublicClient?.value, true);
    assert.equal(desktop.implicitAccessToken?.value, false);
    assert.equal(desktop.implicitIdToken?.value, true);
    assert.equal(desktop.appId, undefined);
    assert.deepEqual(uris(desktop), [
      'web https://${host}/signin-oidc (partial)',
      'web https://contoso.example.com/signin-oidc',
      'spa https://contoso.example.com/spa',
      'publicClient contoso-desktop://auth',
      'publicClient http://localhost',
      'publicClient msal${uniqueString(resourceGroup().id)}://auth (partial)',
    ]);
    for (const uri of desktop.redirectUris) assert.equal(slice(text, uri.range), uri.value);
    assert.equal(slice(text, desktop.redirectLists!.spa!), "[ 'https://contoso.example.com/spa' ]");
    assert.ok(slice(text, desktop.range).startsWith("resource desktop 'Microsoft.Graph/applications@v1.0' = {"));
    assert.equal(mobile.displayName, "It's Contoso Mobile");
    assert.deepEqual(uris(mobile), ['publicClient msauth.com.contoso.mobile://auth', 'publicClient contoso-mobile://auth']);
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and comments', () => {
    const raw = fs.readFileSync(fixture('tabs-crlf.bicep'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs-crlf.bicep')]);
    const finding = findings.get(fixture('tabs-crlf.bicep'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [4, 12]);
    assert.equal(coveredText(raw, finding), 'contoso-tabs://auth');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([fixture('app.bicep'), fixture('tabs-crlf.bicep')], ['custom-scheme-redirect', 'parse-error']);
  });

  it('tokenizes strings with escapes, nested holes and multi-line strings', () => {
    const { tokens, problems } = tokenizeBicep("x = 'a\\'b${f('c${d}')}\\${e}' + '''multi\n'line'''");
    assert.deepEqual(problems, []);
    const strings = tokens.filter((t) => t.kind === 'string');
    assert.deepEqual(strings[0].parts, [{ text: "a'b" }, { expression: "f('c${d}')", range: { start: 11, end: 21 } }, { text: '${e}' }]);
    assert.deepEqual(strings[1].parts, [{ text: "multi\n'line" }]);
  });

  it('reports malformed input with its position and keeps what was read', () => {
    const text =
      "resource a 'Microsoft.Graph/applications@v1.0' = {\n  publicClient: {\n    redirectUris: [ 'contoso://auth' ]\n  }\n  = oops\n  web: { redirectUris: [ 'https://x.example.com/'\n";
    const parsed = bicepFormat.parse('/w/a.bicep', text);
    assert.ok(parsed.problems.some((p) => p.range.start === text.indexOf('= oops')));
    assert.ok(parsed.problems.some((p) => /object is not closed/.test(p.message) && p.range.start === text.indexOf('{')));
    assert.deepEqual(uris(parsed.registrations[0]), ['web https://x.example.com/', 'publicClient contoso://auth']);
  });

  it('handles deep nesting without recursion', () => {
    const text = `resource a 'Microsoft.Graph/applications@v1.0' = {\n  tags: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n  publicClient: { redirectUris: [ 'contoso://auth' ] }\n}\n`;
    const parsed = bicepFormat.parse('/w/a.bicep', text);
    assert.deepEqual(uris(parsed.registrations[0]), ['publicClient contoso://auth']);
  });
});
