import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { dotnetAppSettingsFormat } from '../../../src/core/formats/dotnet-appsettings';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/dotnet-appsettings');
const web = path.join(dir, 'appsettings.json');
const maui = path.join(dir, 'appsettings.Maui.json');
const desktop = path.join(dir, 'appsettings.Desktop.json');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: .NET appsettings*.json', () => {
  it('claims appsettings*.json by name and other JSON only with .NET identity keys', () => {
    assert.equal(dotnetAppSettingsFormat.byName('/w/appsettings.Development.json'), 'yes');
    assert.equal(dotnetAppSettingsFormat.byName('/w/config.json'), 'sniff');
    assert.equal(detectFormat('/w/config.json', '{ "AzureAdB2C": { "ClientId": "x" } }')?.id, 'dotnet-appsettings');
    assert.notEqual(detectFormat('/w/config.json', '{ "clientId": "x", "redirectUri": "http://localhost" }')?.id, 'dotnet-appsettings');
    // The section key, in any case, only as a whole key: the name ends a longer key, then a real one follows.
    const sniff = (text: string) => dotnetAppSettingsFormat.sniff!(text, '/w/config.json');
    assert.equal(sniff('{ "MyAzureAd": { }, "azuread" : {"x": 1} }'), true);
    assert.equal(sniff('{ "MicrosoftEntraId":{} }'), true);
    assert.equal(sniff('{ "MyAzureAd": {}, "AzureAdB2CX": {}, "AzureAd": "flat" }'), false);
  });

  it('reads a Microsoft.Identity.Web section: relative callback paths are partial, the secret comes from ClientCredentials', () => {
    const text = read(web);
    const parsed = dotnetAppSettingsFormat.parse(web, text);
    assert.equal(parsed.configs.length, 1);
    const [config] = parsed.configs;
    assert.deepEqual([config.library, config.platform], ['ms-identity-web', 'web']);
    assert.equal(config.instance?.value, 'https://login.microsoftonline.com/');
    assert.equal(config.tenant?.value, '9d2c7e41-5b3a-4f68-8c1d-3e7a2b9f0c54');
    assert.equal(config.clientId?.value, '1e5b9c3d-7a2f-4e6b-8d4c-0f9a3b7e2c15');
    assert.equal(slice(text, config.clientSecret!.range), 'Xq8~fakeFakeFake.notARealSecret123');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.role, u.platform, u.partial]),
      [
        ['/signin-oidc', 'redirect', 'web', true],
        ['/signout-callback-oidc', 'postLogout', 'web', true],
      ],
    );
    assert.equal(slice(text, config.redirectUris[0].range), '/signin-oidc');
    assert.equal(parsed.comments?.length, 2);
  });

  it('reads MAUI keys case-insensitively with a BOM, CRLF and tabs', () => {
    const text = read(maui);
    const [config] = dotnetAppSettingsFormat.parse(maui, text).configs;
    assert.deepEqual([config.library, config.platform], ['msal-dotnet', 'publicClient']);
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/{0}');
    assert.deepEqual(
      config.redirectUris.map((u) => `${u.platform} ${slice(text, u.range)}`),
      ['publicClient contoso-maui://auth', 'android msauth://com.contoso.maui/YmFzZTY0aGFzaA%3D%3D', 'ios msauth.com.contoso.maui://auth'],
    );
  });

  it('treats a root object with ClientId and RedirectUri as a section', () => {
    const [config] = dotnetAppSettingsFormat.parse(desktop, read(desktop)).configs;
    assert.equal(config.redirectUris[0].value, 'http://localhost');
    assert.equal(config.tenant?.value, 'common');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([web, maui, desktop], ['custom-scheme-redirect', 'parse-error']);
  });

  it('reports a parse error and keeps what it read', () => {
    const text = '{ "AzureAd": { "ClientId": "x", "RedirectUri": "contoso://auth", ';
    const parsed = dotnetAppSettingsFormat.parse('/w/appsettings.json', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.configs[0].redirectUris[0].value, 'contoso://auth');
  });
});
