import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { appCreationScriptsFormat, platformOfKind } from '../../../src/core/formats/app-creation-scripts';
import { stripBom } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/app-creation-scripts');
const sample = path.join(dir, 'AppCreationScripts/sample.json');
const apps = path.join(dir, 'Desktop/AppCreationScripts/apps.json');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: AppCreationScripts sample.json / apps.json', () => {
  it('is detected before the legacy manifest format (apps.json also has replyUrlsWithType)', () => {
    assert.equal(detectFormat(sample, read(sample))?.id, 'app-creation-scripts');
    assert.equal(detectFormat(apps, read(apps))?.id, 'app-creation-scripts');
  });

  it('splits the comma-separated ReplyUrls string, each URI with its own exact range', () => {
    const text = read(sample);
    const parsed = appCreationScriptsFormat.parse(sample, text);
    const [desktop, spa] = parsed.registrations;
    assert.equal(desktop.displayName, 'contoso-desktop');
    assert.equal(desktop.appId, undefined); // "Id": "desktop" is not a GUID
    assert.equal(desktop.signInAudience?.value, 'AzureADMyOrg');
    assert.deepEqual(
      desktop.redirectUris.map((u) => [u.value, u.platform, text.slice(u.range.start, u.range.end)]),
      [
        ['https://login.microsoftonline.com/common/oauth2/nativeclient', 'publicClient', 'https://login.microsoftonline.com/common/oauth2/nativeclient'],
        ['contoso-desktop://auth', 'publicClient', 'contoso-desktop://auth'],
        ['http://localhost', 'publicClient', 'http://localhost'],
        ['msal{AppId}://auth', 'publicClient', 'true'],
      ],
    );
    assert.deepEqual(
      spa.redirectUris.map((u) => `${u.platform} ${u.value}`),
      ['spa http://localhost:3000/', 'spa https://contoso.example.com/'],
    );
    const [mapping] = parsed.configs;
    assert.equal(text.slice(mapping.redirectUris[0].range.start, mapping.redirectUris[0].range.end), 'contoso-desktop://auth');
  });

  it('reads apps.json registrations and replaceTokens configs with a BOM, CRLF and tabs', () => {
    const text = read(apps);
    const parsed = appCreationScriptsFormat.parse(apps, text);
    assert.deepEqual(parsed.problems, []);
    const [registration] = parsed.registrations;
    assert.equal(registration.displayName, 'contoso-mobile');
    assert.deepEqual(
      registration.redirectUris.map((u) => `${u.platform} ${u.value} ${u.partial ?? false}`),
      ['publicClient msal{AppId}://auth true', 'web https://contoso.example.com/auth false'],
    );
    assert.equal(parsed.configs.length, 1); // the Info.plist entry holds no identity value
    const [config] = parsed.configs;
    assert.deepEqual(
      [config.platform, config.library, config.clientId?.value, config.tenant?.value],
      ['ios', 'msal-ios', '8b6d4f2a-0c9e-4b7d-a1f3-5e9c7b3d1f0a', 'common'],
    );
    const uri = config.redirectUris[0];
    assert.equal(text.slice(uri.range.start, uri.range.end), 'msauth.com.contoso.mobile://auth');
  });

  it('maps sample Kinds to platforms', () => {
    assert.deepEqual(['SinglePageApplication', 'WebApp', 'Desktop', 'Mobile', 'WebApi', undefined].map(platformOfKind), [
      'spa',
      'web',
      'publicClient',
      'publicClient',
      'web',
      'web',
    ]);
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([sample, apps], ['custom-scheme-redirect', 'parse-error']);
  });

  it('makes a config only of CodeConfiguration entries that write a literal redirect URI, for the app they name', () => {
    // The app, its platform and the target file are looked up only once a mapping writes a redirect URI:
    // entries writing ids or settings (most of them) give no config, and the lookups still decide the rest.
    const text = JSON.stringify({
      AADApps: [
        { Id: 'web', Kind: 'WebApp', ReplyUrls: 'https://web.contoso.example/' },
        { Id: 'spa', Kind: 'SinglePageApplication', ReplyUrls: 'https://spa.contoso.example/' },
      ],
      CodeConfiguration: [
        { App: 'web', SettingFile: '\\..\\Web\\appsettings.json', Mappings: [{ key: 'ClientId', value: "'https://not.a.redirect/'" }] },
        { App: 'web', SettingFile: '\\..\\Web\\appsettings.json', Mappings: [{ key: 'RedirectUri', value: '$replyUrl' }] },
        {
          App: 'spa',
          SettingFile: '\\..\\SPA\\src\\authConfig.js',
          Mappings: [
            { key: 'clientId', value: '.AppId' },
            { key: 'redirectUri', value: " 'https://spa.contoso.example/auth' " },
            { key: 'ReplyUrl', value: "'no-scheme'" },
          ],
        },
      ],
    });
    const { configs } = appCreationScriptsFormat.parse('/w/AppCreationScripts/sample.json', text);
    assert.equal(configs.length, 1);
    const [config] = configs;
    assert.deepEqual([config.platform, config.library], ['spa', 'unknown']);
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.platform, text.slice(u.range.start, u.range.end)]),
      [['https://spa.contoso.example/auth', 'spa', 'https://spa.contoso.example/auth']],
    );
  });

  it('reports a parse error and keeps the apps read before it', () => {
    const text = '{ "AADApps": [ { "Id": "a", "Kind": "Desktop", "ReplyUrls": "contoso://auth" }, { "Id": ';
    const parsed = appCreationScriptsFormat.parse('/w/AppCreationScripts/sample.json', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.registrations[0].redirectUris[0].value, 'contoso://auth');
  });
});
