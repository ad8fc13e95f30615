import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { shellFormat } from '../../../src/core/formats/shell';
import type { AppRegistration } from '../../../src/core/model';
import { rangeText } from '../../../src/core/io/text';
import { coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// Shapes: az ad app arguments from Azure/azure-cli role/_params.py; azd hooks (scripts/postprovision.sh in
// Azure-Samples templates); `az rest` PATCH bodies for the SPA list; m365 entra app add (pnp/cli-microsoft365).

const dir = path.join(FIXTURES, 'formats/shell-script');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (text: string) => shellFormat.parse('/w/register.sh', text);
const uris = (r: AppRegistration) => r.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: shell-script', () => {
  it('claims .sh/.bash files only when they register apps', () => {
    assert.equal(detectFormat('/w/scripts/register.sh', 'az ad app create --display-name x')?.id, 'shell-script');
    assert.equal(detectFormat('/w/scripts/setup.bash', 'm365 entra app add --name x')?.id, 'shell-script');
    assert.equal(detectFormat('/w/scripts/deploy.sh', 'az webapp deploy --name x\naz ad sp list'), undefined);
    assert.equal(shellFormat.byName('/w/Makefile'), 'no');
  });

  it('passes over az lines of other command groups, but not a registration split after az or one inside a capture', () => {
    // Provisioning scripts are mostly `az group|webapp|keyvault …` lines; a cheap look skips them unless a line
    // break or a `$(…)` could still make them a registration.
    const text = [
      'az group create --name rg --location westeurope',
      'az \\',
      '  ad app create --display-name "Split" --public-client-redirect-uris "split-app://auth"',
      'az webapp config set --name "$(az ad app create --display-name Inner --public-client-redirect-uris inner-app://auth --query appId -o tsv)"',
      'az group update --name rg --set tags.app=other-app://auth',
      '',
    ].join('\n');
    const found = parse(text).registrations.flatMap(uris).sort();
    assert.deepEqual(found, ['publicClient inner-app://auth', 'publicClient split-app://auth']);
  });

  it('splits commands at ; & | and lone brackets, but not at a continued line or inside a $(…) over lines', () => {
    // The statement walk looks at every token of a file with cheap checks only; each separator and each
    // exception to one is here.
    const text = [
      'NAME=semi; az ad app create --display-name "$NAME" --public-client-redirect-uris semi://auth',
      'true && az ad app create --display-name a --public-client-redirect-uris and://auth',
      'echo x | az ad app create --display-name p --public-client-redirect-uris pipe://auth',
      'true; { az ad app create --display-name g --public-client-redirect-uris group://auth; }',
      'f() { az ad app create --display-name f --public-client-redirect-uris fn://auth; }',
      'az ad app create --display-name c \\',
      '  --public-client-redirect-uris cont://auth',
      'APP_ID=$(az ad app create --display-name m --public-client-redirect-uris multi://auth',
      '  --query appId -o tsv)',
      'echo done \\',
      'az ad app create --display-name n --public-client-redirect-uris echoed://auth',
    ].join('\n');
    const registrations = parse(text).registrations;
    assert.deepEqual(registrations.flatMap(uris), [
      'publicClient semi://auth',
      'publicClient and://auth',
      'publicClient pipe://auth',
      'publicClient group://auth',
      'publicClient fn://auth',
      'publicClient cont://auth',
      'publicClient multi://auth',
    ]);
    assert.equal(registrations[0].displayName, 'semi');
  });

  it('reads a registration inside a { …; } group or a ( … ) subshell that starts its line', () => {
    // A bracket right after a line break groups commands; only one written against a word belongs to it.
    const text = [
      'echo start',
      '{ az ad app create --display-name Grouped --public-client-redirect-uris grouped-app://auth; }',
      '( az ad app create --display-name Sub --public-client-redirect-uris sub-app://auth )',
      '',
    ].join('\n');
    assert.deepEqual(parse(text).registrations.flatMap(uris).sort(), ['publicClient grouped-app://auth', 'publicClient sub-app://auth']);
  });

  it('follows variables and $(…) captures: the create, the app id it returns, az rest on its object id', () => {
    const text = read('register-desktop.sh');
    const parsed = shellFormat.parse(fixture('register-desktop.sh'), text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.registrations.length, 1);
    const [app] = parsed.registrations;
    assert.equal(app.displayName, 'Contoso Desktop');
    assert.equal(app.signInAudience?.value, 'AzureADMyOrg');
    assert.equal(app.allowPublicClient?.value, true, '--is-fallback-public-client alone means true');
    assert.deepEqual(uris(app), ['publicClient contoso-desktop://auth', 'publicClient http://127.0.0.1', 'spa https://desktop.contoso.example/app']);
    // The custom scheme is reported where it is written: the REDIRECT= assignment.
    assert.equal(rangeText(text, app.redirectUris[0].range), 'contoso-desktop://auth');
    assert.equal(text.slice(text.lastIndexOf('\n', app.redirectUris[0].range.start) + 1, app.redirectUris[0].range.start), 'REDIRECT="');
    for (const u of app.redirectUris) assert.equal(rangeText(text, u.range), u.value);
  });

  it('reads updates by id with ${1:-default} values (partial) and keeps unknown platforms unknown', () => {
    const text = read('update-web.sh');
    const [web, m365] = shellFormat.parse(fixture('update-web.sh'), text).registrations;
    assert.equal(web.appId?.value, '7a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d');
    assert.deepEqual(uris(web), ['web https://reports.contoso.example/signin-oidc (partial)', 'web http://localhost:5000/signin-oidc']);
    assert.equal(rangeText(text, web.redirectUris[0].range), '$BASE_URL/signin-oidc');
    assert.deepEqual(web.redirectPlatforms, ['web']);
    assert.equal(web.implicitIdToken?.value, true);
    assert.equal(m365.displayName, 'Contoso Portal CLI');
    assert.equal(m365.signInAudience?.value, 'AzureADMyOrg', 'm365 entra app add is single-tenant without --multitenant');
    assert.deepEqual(uris(m365), ['publicClient http://localhost', 'publicClient contoso-cli://auth']);
    assert.deepEqual(
      m365.redirectUris.map((u) => rangeText(text, u.range)),
      ['http://localhost', 'contoso-cli://auth'],
      'each URI of one comma-separated argument has its own range',
    );
  });

  it('splits a variable holding several URIs and reads legacy --reply-urls, quoting and escapes', () => {
    const text = [
      'URIS="https://a.contoso.example/cb https://b.contoso.example/cb"',
      'az ad app update --id 11111111-2222-3333-4444-555555555555 --web-redirect-uris $URIS',
      'az ad app create --display-name "It\'s" --native-app true --reply-urls \'legacy://auth\' "https://x.example/\\$y"',
      'az ad app update --id=22222222-2222-3333-4444-555555555555 --public-client-redirect-uris=app-eq://auth',
    ].join('\n');
    const [split, legacy, eq] = parse(text).registrations;
    assert.deepEqual(uris(split), ['web https://a.contoso.example/cb', 'web https://b.contoso.example/cb']);
    assert.deepEqual(
      split.redirectUris.map((u) => rangeText(text, u.range)),
      ['https://a.contoso.example/cb', 'https://b.contoso.example/cb'],
    );
    assert.equal(legacy.displayName, "It's");
    assert.equal(legacy.allowPublicClient?.value, true);
    assert.deepEqual(uris(legacy), ['publicClient legacy://auth', 'publicClient https://x.example/$y']);
    assert.equal(eq.appId?.value, '22222222-2222-3333-4444-555555555555');
    assert.deepEqual(uris(eq), ['publicClient app-eq://auth']);
  });

  it('leaves alone a value whose scheme is not known, and says the list is not fully known', () => {
    const [r] = parse(
      'az ad app update --id 11111111-2222-3333-4444-555555555555 --public-client-redirect-uris "$SCHEME://auth" http://localhost',
    ).registrations;
    assert.deepEqual(uris(r), ['publicClient http://localhost']);
    assert.deepEqual(r.redirectPlatforms, []);
  });

  it('does not read comments, heredocs or echo lines as commands', () => {
    const text = [
      '# az ad app create --display-name c --public-client-redirect-uris "commented://auth"',
      'echo "az ad app create --display-name e --public-client-redirect-uris echoed://auth"',
      'cat <<EOF',
      'az ad app create --display-name h --public-client-redirect-uris heredoc://auth',
      'EOF',
    ].join('\n');
    assert.deepEqual(parse(text).registrations, []);
  });

  it('keeps exact ranges with CRLF and tabs', () => {
    const raw = fs.readFileSync(fixture('tabs-crlf.sh'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs-crlf.sh')]);
    const finding = findings.get(fixture('tabs-crlf.sh'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [3, 32]);
    assert.equal(coveredText(raw, finding), 'contoso-tabs://auth');
  });

  it('never throws on broken or hostile input', () => {
    const unterminated = parse('az ad app create --display-name x --public-client-redirect-uris "ok://auth" "unterminated\n');
    assert.ok(unterminated.problems.length > 0);
    for (const hostile of [
      `X="${'$(az ad app create '.repeat(2_000)}"`,
      `az ad app update --id ${'$('.repeat(50_000)}`,
      `${'( '.repeat(50_000)}az ad app create --display-name deep`,
      `az rest --method PATCH --uri https://graph.microsoft.com/v1.0/applications/x --body '${'{"a":'.repeat(20_000)}'`,
      '\u0000\\\n\\',
    ]) {
      assert.doesNotThrow(() => parse(hostile));
    }
  });
});
