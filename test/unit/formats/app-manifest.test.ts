import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aadManifestFormat, graphManifestFormat } from '../../../src/core/formats/app-manifest';
import { detectFormat } from '../../../src/core/formats';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/app-manifest');
const graph = path.join(dir, 'graph-manifest.json');
const aad = path.join(dir, 'aad-manifest-bom-crlf.json');

describe('format: app manifests', () => {
  it('detects the Microsoft Graph and the Azure AD Graph formats', () => {
    assert.equal(detectFormat(graph, fs.readFileSync(graph, 'utf8'))?.id, 'graph-manifest');
    assert.equal(detectFormat(aad, fs.readFileSync(aad, 'utf8'))?.id, 'aad-manifest');
    assert.equal(detectFormat('/x/package.json', '{"name":"x"}'), undefined);
  });

  it('reads every platform list of a Graph manifest with its platform', () => {
    const parsed = graphManifestFormat.parse(graph, fs.readFileSync(graph, 'utf8'));
    const [reg] = parsed.registrations;
    assert.equal(reg.appId?.value, '3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f');
    assert.equal(reg.allowPublicClient?.value, true);
    assert.equal(reg.implicitIdToken?.value, false);
    assert.deepEqual(
      reg.redirectUris.map((u) => `${u.platform} ${u.value}`),
      ['web https://contoso.example.com/signin-oidc', 'spa http://localhost:3000', 'publicClient contoso-desktop://auth', 'publicClient http://localhost'],
    );
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and comments (legacy format)', () => {
    const text = fs.readFileSync(aad, 'utf8').replace(/^\uFEFF/, '');
    const parsed = aadManifestFormat.parse(aad, text);
    const uri = parsed.registrations[0].redirectUris[0];
    assert.equal(uri.platform, 'publicClient');
    assert.equal(text.slice(uri.range.start, uri.range.end), 'msal3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f://auth');
    const { findings } = lintFixtures([aad]);
    const finding = findings.get(aad)!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [4, 11]);
    assert.equal(coveredText(fs.readFileSync(aad, 'utf8'), finding), uri.value);
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([graph, aad]);
  });

  it('reports a parse error and still reads what it can', () => {
    const text = '{ "appId": "3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f", "replyUrlsWithType": [ { "url": "myapp://auth", "type": "InstalledClient" } ';
    const parsed = aadManifestFormat.parse('/w/manifest.json', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.registrations[0].redirectUris[0].value, 'myapp://auth');
  });
});
