import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { powershellFormat } from '../../../src/core/formats/powershell';
import type { AppRegistration } from '../../../src/core/model';
import { rangeText } from '../../../src/core/io/text';
import { releasingScratch } from '../../../src/core/lexing/scratch';
import { tokenizePowerShell } from '../../../src/core/lexing/languages/powershell';
import { deferredStringText } from '../../../src/core/formats/script-tokens';
import { coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// Shapes: Azure-Samples AppCreationScripts Configure.ps1 (ms-identity-javascript-react-tutorial,
// active-directory-aspnetcore-webapp-openidconnect-v2), active-directory-xamarin-native-v2 (AzureAD module),
// microsoftgraph/msgraph-sdk-powershell samples/9-Applications.ps1 (flattened v1 parameters).

const dir = path.join(FIXTURES, 'formats/powershell');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (text: string) => powershellFormat.parse('/w/Configure.ps1', text);
const uris = (r: AppRegistration) => r.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: powershell', () => {
  it('claims .ps1/.psm1 files only when they register apps', () => {
    assert.equal(detectFormat('/w/AppCreationScripts/Configure.ps1', read('Configure.ps1'))?.id, 'powershell');
    assert.equal(detectFormat('/w/tools/Module.psm1', 'function X { New-AzADApplication -DisplayName x }')?.id, 'powershell');
    assert.equal(detectFormat('/w/build.ps1', 'Write-Host "build"; dotnet build'), undefined);
    assert.equal(powershellFormat.byName('/w/notes.txt'), 'no');
  });

  it('renders a subexpression of one variable as that variable in a partial value', () => {
    // Shape: evmin/az-ai-kickstarter scripts/postprovision.ps1 (`"$($env:SERVICE_FRONTEND_URL)/.auth/…"`).
    const text = '$u = "$($env:FRONTEND_URL)/.auth/login/aad/callback"\naz ad app update --id $env:APP_ID --web-redirect-uris $u "$($app.Host)/cb"\n';
    const [registration] = parse(text).registrations;
    assert.deepEqual(uris(registration), ['web ${env:FRONTEND_URL}/.auth/login/aad/callback (partial)', 'web ${app.Host}/cb (partial)']);
  });

  it('reads Configure.ps1: backtick continuations, hashtables in variables, an update by object id', () => {
    const text = read('Configure.ps1');
    const parsed = powershellFormat.parse(fixture('Configure.ps1'), text);
    assert.deepEqual(parsed.problems, []);
    const [desktop, web] = parsed.registrations;
    assert.equal(desktop.displayName, 'contoso-desktop');
    assert.equal(desktop.signInAudience?.value, 'AzureADMyOrg');
    assert.equal(desktop.allowPublicClient?.value, true);
    // The commented-out New-MgApplication lines (# and <# #>) are not read.
    assert.deepEqual(uris(desktop), ['publicClient contoso-desktop://auth', 'publicClient https://login.microsoftonline.com/common/oauth2/nativeclient']);
    assert.equal(desktop.redirectPlatforms, undefined, 'a create shows every list');
    assert.equal(web.displayName, 'contoso-web');
    assert.equal(web.signInAudience?.value, 'AzureADMultipleOrgs');
    assert.equal(web.implicitIdToken?.value, true);
    assert.equal(web.implicitAccessToken?.value, false);
    // Update-MgApplication -ApplicationId $webObjectId ($webObjectId = $webApp.Id) adds to the same app.
    assert.deepEqual(uris(web), ['web https://contoso.example.com/signin-oidc', 'spa https://contoso.example.com/']);
    for (const r of parsed.registrations) for (const u of r.redirectUris) assert.equal(rangeText(text, u.range), u.value);
  });

  it('reads the AzureAD module: -ReplyUrls has no platform type, Set- replaces the list, concatenation is partial', () => {
    const text = read('legacy-azuread.ps1');
    const [xamarin, az] = powershellFormat.parse(fixture('legacy-azuread.ps1'), text).registrations;
    assert.equal(xamarin.allowPublicClient?.value, true);
    assert.equal(xamarin.signInAudience?.value, 'AzureADMultipleOrgs');
    assert.deepEqual(uris(xamarin), ['unknown msal${clientAadApplication.AppId}://auth (partial)']);
    assert.equal(rangeText(text, xamarin.redirectUris[0].range), 'msal"+$clientAadApplication.AppId+"://auth');
    assert.deepEqual(uris(az), ['unknown https://tailwind.contoso.example/', 'unknown https://localhost:1234']);
    assert.equal(az.signInAudience?.value, 'AzureADMyOrg');
  });

  it('links updates to a client id: param() defaults, Get-MgApplication -Filter, splatting, *ByAppId, az in PowerShell', () => {
    const text = read('update-by-appid.ps1');
    const [byFilter, byAppId, tool] = powershellFormat.parse(fixture('update-by-appid.ps1'), text).registrations;
    assert.equal(byFilter.appId?.value, '5f0c8a21-7c1d-4e0b-9a55-3b9d2a6c1e10');
    // The default of -RedirectUri may be replaced by the caller: partial, but still the file's value.
    assert.deepEqual(uris(byFilter), ['publicClient vscode-contoso://auth/callback (partial)', 'publicClient http://localhost']);
    assert.equal(rangeText(text, byFilter.redirectUris[0].range), 'vscode-contoso://auth/callback');
    assert.deepEqual(byFilter.redirectPlatforms, ['publicClient'], 'an update shows only the lists it sets');
    assert.equal(byAppId.appId?.value, '0d7e4b9c-2a31-4c5e-8f60-1b2c3d4e5f60');
    assert.deepEqual(uris(byAppId), ['web https://reports.contoso.example/signin-oidc']);
    assert.equal(tool.displayName, 'contoso-tool');
    assert.equal(tool.allowPublicClient?.value, true);
    // `az ad app update --id $tool.appId` updates the app the az create made.
    assert.deepEqual(uris(tool), ['publicClient http://localhost', 'publicClient contoso-tool://callback', 'web https://tool.contoso.example/callback']);
  });

  it('reads flattened v1 parameters, -BodyParameter, Invoke-MgGraphRequest and New-EntraApplication', () => {
    const text = [
      '$app1 = New-MgApplication -displayName "DeviceCodeFlowApp" -IsFallbackPublicClient -PublicClientRedirectUris "https://login.microsoftonline.com/common/oauth2/nativeclient"',
      '$app3 = New-MgApplication -displayName "ImplicitWebApp" -ImplicitGrantSettingEnableIdTokenIssuance -WebRedirectUris "https://localhost:3000/"',
      "$body = @{ displayName = 'Body app'; signInAudience = 'AzureADandPersonalMicrosoftAccount'; spa = @{ redirectUris = @('https://spa.contoso.example') } }",
      '$app4 = New-MgApplication -BodyParameter $body',
      'Invoke-MgGraphRequest -Method PATCH -Uri "https://graph.microsoft.com/v1.0/applications/$($app4.Id)" -Body \'{"publicClient":{"redirectUris":["body-app://auth"]}}\'',
      "New-EntraApplication -DisplayName 'Entra app' -PublicClient @{ RedirectUris = 'http://localhost' } -IsFallbackPublicClient $False",
    ].join('\n');
    const [device, implicit, body, entra] = parse(text).registrations;
    assert.deepEqual(uris(device), ['publicClient https://login.microsoftonline.com/common/oauth2/nativeclient']);
    assert.equal(device.allowPublicClient?.value, true);
    assert.equal(implicit.implicitIdToken?.value, true);
    assert.deepEqual(uris(implicit), ['web https://localhost:3000/']);
    assert.equal(body.displayName, 'Body app');
    assert.equal(body.signInAudience?.value, 'AzureADandPersonalMicrosoftAccount');
    assert.deepEqual(uris(body), ['spa https://spa.contoso.example', 'publicClient body-app://auth']);
    assert.equal(rangeText(text, body.redirectUris[1].range), 'body-app://auth');
    assert.equal(entra.allowPublicClient?.value, false);
    assert.deepEqual(uris(entra), ['publicClient http://localhost']);
  });

  it('gives every URI of an array its own range, with quotes, doubled quotes and backtick escapes decoded', () => {
    // `"$AppId://auth"` is an error in PowerShell (a drive-qualified name), so scripts write `${AppId}`.
    const text = 'New-MgApplication -PublicClient @{ RedirectUris = @(\'it\'\'s://a\', "b`$x://c", "msal${AppId}://auth") }';
    const [r] = parse(text).registrations;
    assert.deepEqual(
      r.redirectUris.map((u) => [u.value, rangeText(text, u.range), u.partial ?? false]),
      [
        ["it's://a", "it''s://a", false],
        ['b$x://c', 'b`$x://c', false],
        ['msal${AppId}://auth', 'msal${AppId}://auth', true],
      ],
    );
  });

  it('reads each string with the variables of where it is written, whenever its value is read', () => {
    // Strings without `$` are decoded only when read (most sit in hashtables no command registers); one
    // with a hole is read at once, so a later `$base = …` does not change it. Engine parses (pooled,
    // lazily decoded tokens) and plain ones give the same.
    const text = [
      "$base = 'https://a.contoso.example'",
      '$web = @{ RedirectUris = @("$base/signin-oidc", "https://b.contoso.example/cb") }',
      "$base = 'https://later.contoso.example'",
      '$settings = Get-Content settings.json | ConvertFrom-Json',
      '$settings.Web = @{ RedirectUris = "https://unused.contoso.example/cb" }',
      '$spa = New-Object Microsoft.Graph.PowerShell.Models.MicrosoftGraphSpaApplication',
      '$spa.RedirectUris = "https://c.contoso.example/" + \'app\'',
      'New-MgApplication -DisplayName "Strings" -Web $web -Spa $spa',
    ].join('\n');
    for (const parsed of [parse(text), releasingScratch(() => parse(text))]) {
      const [r] = parsed.registrations;
      assert.equal(r.displayName, 'Strings');
      assert.deepEqual(
        r.redirectUris.map((u) => [u.value, rangeText(text, u.range)]),
        [
          ['https://a.contoso.example/signin-oidc', '$base/signin-oidc'],
          ['https://b.contoso.example/cb', 'https://b.contoso.example/cb'],
          ['https://c.contoso.example/app', 'https://c.contoso.example/" + \'app'],
        ],
      );
    }
  });

  it('reads the commands in a value set on a variable that holds no map', () => {
    // Such a value is kept nowhere, so it is passed over unbuilt, until a command in it starts: that one
    // still registers, and its script block may make the variable a map that then takes the value.
    const text = [
      '$settings = Get-Content settings.json | ConvertFrom-Json',
      "$settings.Web = @{ RedirectUris = @('https://unkept.contoso.example/cb'); Enabled = $true }",
      "$settings.App = @{ Id = (New-MgApplication -DisplayName 'inner' -Web @{ RedirectUris = 'https://inner.contoso.example/cb' }).Id }",
      "$web.RedirectUris = @('https://kept.contoso.example/cb'; Invoke-Command { $web = New-Object Microsoft.Graph.PowerShell.Models.MicrosoftGraphWebApplication })",
      "New-MgApplication -DisplayName 'outer' -Web $web -Spa $settings.Web",
    ].join('\n');
    for (const parsed of [parse(text), releasingScratch(() => parse(text))]) {
      const [inner, outer] = parsed.registrations;
      assert.equal(inner.displayName, 'inner');
      assert.deepEqual(uris(inner), ['web https://inner.contoso.example/cb']);
      assert.equal(outer.displayName, 'outer');
      // The list holds the URI and what Invoke-Command gives (not known).
      assert.deepEqual(uris(outer), ['web https://kept.contoso.example/cb', 'web ${unknown} (partial)']);
    }
  });

  it('keeps the first command of a pipeline as its value, and a command in parentheses as an unknown', () => {
    // Later pipeline elements and commands standing alone give a result nothing reads (none is made).
    const text = [
      '$app = Get-MgApplication -Filter "appId eq \'5f0c8a21-7c1d-4e0b-9a55-3b9d2a6c1e10\'" | Select-Object -First 1',
      'Write-Host "found"',
      '$uri = (Get-Uri -Name web) + "/cb"',
      'Update-MgApplication -ApplicationId $app.Id -Web @{ RedirectUris = $uri }',
    ].join('\n');
    for (const parsed of [parse(text), releasingScratch(() => parse(text))]) {
      const [r] = parsed.registrations;
      assert.equal(r.appId?.value, '5f0c8a21-7c1d-4e0b-9a55-3b9d2a6c1e10');
      assert.deepEqual(uris(r), ['web ${Get-Uri -Name web}/cb (partial)']);
    }
  });

  it('joins the lines a backtick ends, and no others', () => {
    // Continuations are looked for at the backticks of the text: those in comments and strings, the
    // escaped one, and one followed by a space (the line ends there) join nothing.
    const text = [
      '# a comment `',
      "New-MgApplication -DisplayName 'It`s' `\r",
      '  -Web @{ RedirectUris = @("https://a.contoso.example/``") } `',
      '  -IsFallbackPublicClient ` ',
      '  -SignInAudience AzureADMultipleOrgs',
      'New-MgApplication -DisplayName last `',
    ].join('\n');
    const [first, last] = parse(text).registrations;
    assert.equal(first.displayName, 'It`s');
    assert.deepEqual(uris(first), ['web https://a.contoso.example/`']);
    assert.equal(first.allowPublicClient?.value, true);
    assert.equal(first.signInAudience, undefined);
    assert.equal(last.displayName, 'last');
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const raw = fs.readFileSync(fixture('tabs-crlf.ps1'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs-crlf.ps1')]);
    const finding = findings.get(fixture('tabs-crlf.ps1'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [2, 37]);
    assert.equal(coveredText(raw, finding), 'contoso-tabs://auth');
  });

  it('never throws on broken or hostile input and keeps what it read', () => {
    const broken = "New-MgApplication -PublicClient @{ RedirectUris = @('ok://auth', \"unterminated\n";
    const parsed = parse(broken);
    assert.ok(parsed.problems.length > 0);
    assert.deepEqual(uris(parsed.registrations[0]).slice(0, 1), ['publicClient ok://auth']);
    for (const hostile of [
      `New-MgApplication -Web ${'@{ a = '.repeat(50_000)}`,
      `New-MgApplication -Web ${'('.repeat(50_000)}`,
      `$x = ${'!'.repeat(100_000)}$true`,
      `${'if ($a) { '.repeat(20_000)}New-MgApplication -DisplayName deep`,
      `New-MgApplication -DisplayName ${'[a]'.repeat(30_000)}x`,
      '\u0000\uFFFF`\n`\n@{\n-\n',
    ]) {
      assert.doesNotThrow(() => parse(hostile));
    }
  });

  it('reads a deferred string while its parse lasts, and refuses to read it as empty after', () => {
    // A string without holes is decoded only when read (deferredStringText); its token is pooled and emptied
    // when the parse ends, so a read after that must fail, not give ''.
    const text = "$uri = 'contoso://auth'\n";
    const deferred = releasingScratch(() => {
      const token = tokenizePowerShell(text).tokens.find((t) => t.kind === 'string')!;
      const early = deferredStringText(token, text);
      assert.deepEqual(early.pieces, [{ text: 'contoso://auth', range: { start: 8, end: 22 }, exact: true }]);
      return deferredStringText(token, text);
    });
    assert.throws(() => deferred.pieces, /read after the parse/);
  });
});
