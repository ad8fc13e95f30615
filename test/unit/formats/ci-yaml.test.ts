import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { ciYamlFormat } from '../../../src/core/formats/ci-yaml';
import type { AppRegistration } from '../../../src/core/model';
import { rangeText } from '../../../src/core/io/text';
import { FIXTURES } from '../../helpers/expectations';

// Shapes: GitHub Actions workflows with azure/login then `az ad app update` in run: blocks, the azure/cli
// action's inlineScript, Azure Pipelines AzureCLI@2 (scriptType, inlineScript) and bash:/pwsh: steps,
// GitLab CI script: lists.

const dir = path.join(FIXTURES, 'formats/ci-yaml');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');
const parse = (text: string) => ciYamlFormat.parse('/w/.github/workflows/x.yml', text);
const uris = (r: AppRegistration) => r.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: ci-yaml', () => {
  it('claims YAML only when a script in it registers apps', () => {
    assert.equal(detectFormat('/w/.github/workflows/register-app.yml', read('register-app.yml'))?.id, 'ci-yaml');
    assert.equal(detectFormat('/w/azure-pipelines.yml', read('azure-pipelines.yml'))?.id, 'ci-yaml');
    assert.equal(detectFormat('/w/.github/workflows/test.yml', read('ordinary.yml')), undefined);
    assert.equal(detectFormat('/w/docker-compose.yaml', 'services:\n  web:\n    image: nginx\n'), undefined);
  });

  it('reads run: blocks with the step, job or runner shell, and azure/cli inlineScript', () => {
    const text = read('register-app.yml');
    const parsed = ciYamlFormat.parse(fixture('register-app.yml'), text);
    assert.deepEqual(parsed.problems, []);
    const [linux, preview, windows] = parsed.registrations;
    assert.equal(linux.appId?.value, '3c9e8f7a-1b2d-4e6f-8a9b-0c1d2e3f4a5b');
    // The bash step of the Windows job (shell: bash) updates the same app.
    assert.deepEqual(uris(linux), ['publicClient contoso-ci://auth', 'publicClient http://localhost:8400', 'web https://ci.contoso.example/cb']);
    assert.deepEqual(linux.redirectPlatforms, ['web', 'publicClient']);
    assert.deepEqual(uris(preview), ['web https://preview.contoso.example/signin-oidc']);
    assert.equal(preview.appId, undefined, '${{ vars.SPA_CLIENT_ID }} is not known here');
    // runs-on: windows-latest makes run: PowerShell.
    assert.equal(windows.displayName, 'contoso-windows');
    assert.deepEqual(uris(windows), ['publicClient contoso-win://auth']);
    for (const r of parsed.registrations) for (const u of r.redirectUris) assert.equal(rangeText(text, u.range), u.value);
    // The commented-out step is a YAML comment, never a script.
    assert.ok(!parsed.registrations.some((r) => r.redirectUris.some((u) => u.value.startsWith('commented'))));
    assert.ok(parsed.comments!.some((c) => rangeText(text, c).startsWith('# - run: az ad app update')));
  });

  it('reads Azure Pipelines steps by scriptType and step kind, with one app across a PowerShell and a bash step', () => {
    const text = read('azure-pipelines.yml');
    const parsed = ciYamlFormat.parse(fixture('azure-pipelines.yml'), text);
    const byName = new Map(parsed.registrations.map((r) => [r.displayName ?? r.appId?.value, r]));
    assert.deepEqual(uris(byName.get('Pipeline App')!), [
      'publicClient https://login.microsoftonline.com/common/oauth2/nativeclient',
      'web https://pipeline.contoso.example/signin-oidc',
    ]);
    assert.deepEqual(uris(byName.get('9d8c7b6a-5f4e-4d3c-8b2a-190817263544')!), [
      'web http://pipeline.contoso.example/callback',
      'spa https://spa.contoso.example/',
    ]);
  });

  it('reads GitLab script: lists', () => {
    const [r] = ciYamlFormat.parse(fixture('gitlab-ci.yml'), read('gitlab-ci.yml')).registrations;
    assert.deepEqual(uris(r), ['publicClient msauth.com.contoso.mobile://auth']);
  });

  it('reads plain, quoted and folded scalars at their own offsets; skips double-quoted ones with escapes', () => {
    const text = [
      'steps:',
      "  - run: 'az ad app update --id 11111111-2222-3333-4444-555555555555 --web-redirect-uris https://single.example/cb'",
      '  - run: >',
      '      az ad app update --id 11111111-2222-3333-4444-555555555555',
      '      --public-client-redirect-uris folded://auth',
      '  - run: "az ad app update --id 11111111-2222-3333-4444-555555555555 --spa-redirect-uris \\"https://escaped.example\\""',
    ].join('\n');
    const [r] = parse(text).registrations;
    assert.deepEqual(uris(r), ['web https://single.example/cb', 'publicClient folded://auth']);
    for (const u of r.redirectUris) assert.equal(rangeText(text, u.range), u.value);
  });

  it('never throws on malformed or hostile YAML, and reads what it can outline', () => {
    const broken = parse('steps:\n  - run: az ad app update --id 11111111-2222-3333-4444-555555555555 --web-redirect-uris https://x.example\n   bad: [\n');
    assert.deepEqual(uris(broken.registrations[0]), ['web https://x.example']);
    for (const hostile of [
      '\u0000az ad app',
      `${'- '.repeat(50_000)}run: az ad app create`,
      `run: az ad app create --display-name x\nx: ${'['.repeat(100_000)}`,
      `run: |\n${'  az ad app create --display-name x\n'.repeat(5_000)}`,
      `script: "az ad app create ${'\\"'.repeat(10_000)}`,
      '&a [*a]\nrun: *a\naz ad app',
    ]) {
      assert.doesNotThrow(() => parse(hostile));
    }
  });
});
