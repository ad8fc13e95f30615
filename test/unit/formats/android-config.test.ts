import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { androidConfigFormat } from '../../../src/core/formats/android-config';
import { stripBom } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/android-config/app/src/main/res/raw');
const browser = path.join(dir, 'auth_config_browser.json');
const broker = path.join(dir, 'auth_config_broker.json');
const webview = path.join(dir, 'auth_config_webview.json');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: MSAL Android config (res/raw/*.json)', () => {
  it('is detected by its snake_case keys and never claims other JSON', () => {
    assert.equal(detectFormat(browser, read(browser))?.id, 'android-config');
    assert.equal(detectFormat('/w/res/raw/strings.json', '{ "client_id": "x" }'), undefined);
  });

  it('reads client id, redirect, user agent, broker flag and the AAD audience tenant', () => {
    const text = read(browser);
    const [config] = androidConfigFormat.parse(browser, text).configs;
    assert.equal(config.library, 'msal-android');
    assert.equal(config.platform, 'android');
    assert.equal(config.clientId?.value, '6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c');
    // broker_redirect_uri_registered false and authorization_user_agent BROWSER: Custom Tabs.
    assert.equal(config.userAgent?.kind, 'system-browser');
    assert.equal(text.slice(config.userAgent!.range!.start, config.userAgent!.range!.end), 'false');
    assert.equal(config.tenant?.value, 'contoso.onmicrosoft.com');
    assert.equal(text.slice(config.tenant!.range.start, config.tenant!.range.end), 'contoso.onmicrosoft.com');
    const [uri] = config.redirectUris;
    assert.deepEqual([uri.value, uri.platform, uri.role], ['contoso-notes://auth', 'android', 'redirect']);
    assert.equal(text.slice(uri.range.start, uri.range.end), 'contoso-notes://auth');
  });

  it('keeps exact ranges with a BOM, CRLF, tabs, comments and a trailing comma; picks the default authority', () => {
    const text = read(broker);
    const parsed = androidConfigFormat.parse(broker, text);
    assert.deepEqual(parsed.problems, []);
    const [config] = parsed.configs;
    // The broker is registered, but MSAL never uses it with the B2C default authority: Custom Tabs.
    assert.deepEqual([config.userAgent?.kind, config.userAgent?.fallback], ['system-browser', undefined]);
    assert.equal(config.authority?.value, 'https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_susi');
    const uri = config.redirectUris[0];
    assert.equal(text.slice(uri.range.start, uri.range.end), 'msauth://com.contoso.notes/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg%3D');
    assert.equal(parsed.comments?.length, 2);
    assert.ok(text.slice(parsed.comments![0].start, parsed.comments![0].end).startsWith('/* Our own sample'));
  });

  it('treats WEBVIEW as an embedded web view', () => {
    const [config] = androidConfigFormat.parse(webview, read(webview)).configs;
    // WEBVIEW with an External ID authority (never brokered): the embedded web view.
    assert.deepEqual([config.userAgent?.kind, config.userAgent?.fallback], ['embedded', undefined]);
    assert.equal(config.authority?.value, 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([browser, broker, webview], ['custom-scheme-redirect', 'parse-error']);
  });

  it('reports a parse error with its position and keeps what it read', () => {
    const text = '{ "client_id": "6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c", "redirect_uri": "contoso://auth" "account_mode": ';
    const parsed = androidConfigFormat.parse('/w/res/raw/auth_config.json', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.problems[0].range.start, text.indexOf('"account_mode"'));
    assert.equal(parsed.configs[0].redirectUris[0].value, 'contoso://auth');
  });
});
