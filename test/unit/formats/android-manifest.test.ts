import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { androidManifestFormat } from '../../../src/core/formats/android-manifest';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/android-manifest');
const manifest = path.join(dir, 'app/src/main/AndroidManifest.xml');
const crlf = path.join(dir, 'crlf/src/main/AndroidManifest.xml');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: AndroidManifest.xml', () => {
  it('is detected by name', () => {
    assert.equal(detectFormat(manifest, '')?.id, 'android-manifest');
    assert.equal(detectFormat('/w/res/layout/main.xml', '<manifest/>'), undefined);
  });

  it('reads browsable intent filters of activities, not <queries>, with exact attribute ranges', () => {
    const text = read(manifest);
    const parsed = androidManifestFormat.parse(manifest, text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(slice(text, parsed.android!.packageName!.range), 'com.contoso.notes');
    assert.deepEqual(
      parsed.android!.intentData.map((d) => [d.activity, d.scheme?.value, d.host?.value, d.path?.value]),
      [
        ['.MainActivity', 'contoso-notes', 'open', undefined],
        ['com.microsoft.identity.client.BrowserTabActivity', 'msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c', 'auth', undefined],
        ['com.microsoft.identity.client.BrowserTabActivity', 'msauth', '${applicationId}', '/Zm9vYmFy&YmF6'],
      ],
    );
    const data = parsed.android!.intentData[2];
    assert.equal(slice(text, data.path!.range), '/Zm9vYmFy&amp;YmF6'); // the range covers the raw text; the value is decoded
    assert.ok(slice(text, data.range).startsWith('<data') && slice(text, data.range).endsWith('/>'));
  });

  it('rebuilds scheme://host/path redirects for the auth activity only; deep links are not redirects', () => {
    const text = read(manifest);
    const [config] = androidManifestFormat.parse(manifest, text).configs;
    assert.deepEqual([config.library, config.platform], ['msal-android', 'android']);
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, slice(text, u.range), u.raw, u.implied, u.partial ?? false]),
      [
        [
          'msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c://auth',
          'msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c',
          'msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c',
          true,
          false,
        ],
        ['msauth://${applicationId}/Zm9vYmFy&YmF6', 'msauth', 'msauth', true, true],
      ],
    );
  });

  it('merges a host from a sibling <data> element; BOM, CRLF, tabs and single quotes keep exact ranges', () => {
    const text = read(crlf);
    const parsed = androidManifestFormat.parse(crlf, text);
    assert.equal(slice(text, parsed.android!.packageName!.range), 'com.contoso.field');
    const [uri] = parsed.configs[0].redirectUris;
    assert.equal(uri.value, 'contoso-field://auth/done{…}', 'a pathPrefix receives /done and any path under it');
    assert.equal(uri.partial, true);
    assert.equal(slice(text, uri.range), 'contoso-field');
  });

  it('reads pathPattern as the paths the filter accepts, not as one redirect path', () => {
    // Shape of solumApps/solum-msal-capacitor-plugin android/src/main/AndroidManifest.xml: any signature hash.
    const text = [
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.contoso.field">',
      '<application><activity android:name="com.microsoft.identity.client.BrowserTabActivity"><intent-filter>',
      '<action android:name="android.intent.action.VIEW"/>',
      '<category android:name="android.intent.category.BROWSABLE"/>',
      '<data android:scheme="msauth" android:host="com.contoso.field" android:pathPattern=".*"/>',
      '</intent-filter></activity></application></manifest>',
    ].join('\n');
    const parsed = androidManifestFormat.parse('/w/app/src/main/AndroidManifest.xml', text);
    const [data] = parsed.android!.intentData;
    assert.deepEqual([data.path, data.pathPattern?.value], [undefined, '.*']);
    const [uri] = parsed.configs[0].redirectUris;
    assert.deepEqual([uri.value, uri.partial], ['msauth://com.contoso.field/{.*}', true]);
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([manifest, crlf], ['custom-scheme-redirect', 'parse-error']);
  });

  it('reports malformed XML with a position and keeps the filters read before the error', () => {
    const text = [
      '<manifest xmlns:android="http://schemas.android.com/apk/res/android">',
      '<application><activity android:name="com.microsoft.identity.client.BrowserTabActivity"><intent-filter>',
      '<category android:name="android.intent.category.BROWSABLE"/>',
      '<data android:scheme="contoso" android:host="auth"/>',
      '</intent-filter></activity>',
      '<activity android:name="x" android:label="a < b"></activity>',
    ].join('\n');
    const parsed = androidManifestFormat.parse('/w/AndroidManifest.xml', text);
    assert.ok(parsed.problems.length > 0);
    assert.ok(parsed.problems[0].range.start > text.indexOf('android:label'));
    assert.equal(parsed.configs[0].redirectUris[0].value, 'contoso://auth');
  });

  it('never throws on text that is not XML', () => {
    const parsed = androidManifestFormat.parse('/w/AndroidManifest.xml', '\u0000{ not xml');
    assert.ok(parsed.problems.length > 0);
    assert.deepEqual(parsed.configs, []);
  });
});

describe('format: AndroidManifest.xml — bad input', () => {
  it('walks 100,000 levels of nesting without recursion', () => {
    const text = `<manifest>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</manifest>`;
    const parsed = androidManifestFormat.parse('/w/AndroidManifest.xml', text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.android?.intentData, []);
  });
});
