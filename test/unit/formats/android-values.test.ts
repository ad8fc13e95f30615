import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { androidValuesFormat, decodeResource } from '../../../src/core/formats/android-values';
import { rangeText as slice, stripBom } from '../../../src/core/io/text';
import { FIXTURES } from '../../helpers/expectations';

// Fixtures in the shape of Azure-Samples/active-directory-b2c-android-native-appauth app/res/values/idp_configs.xml.
const res = path.join(FIXTURES, 'formats/android-values/app/src/main/res');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: Android string resources (res/values*/*.xml)', () => {
  it('is detected under res/values* only, by a cheap sniff', () => {
    const file = path.join(res, 'values/idp_configs.xml');
    assert.equal(detectFormat(file, read(file))?.id, 'android-values');
    assert.equal(detectFormat(path.join(res, 'values-fr/strings.xml'), read(path.join(res, 'values-fr/strings.xml')))?.id, 'android-values');
    assert.equal(detectFormat(path.join(res, 'layout/main.xml'), read(path.join(res, 'layout/main.xml'))), undefined);
    // UI text only: no URI and no string named for sign-in.
    assert.equal(detectFormat('/w/app/src/main/res/values/strings.xml', '<resources><string name="title">Hello</string></resources>'), undefined);
    assert.equal(detectFormat('/w/app/src/main/res/values/auth.xml', '<resources><string name="redirect_scheme">x</string></resources>')?.id, 'android-values');
  });

  it('lists <string> values as Android reads them, with exact ranges (BOM, CRLF, tabs, quotes, escapes, entities)', () => {
    const file = path.join(res, 'values/idp_configs.xml');
    const text = read(file);
    const parsed = androidValuesFormat.parse(file, text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.androidValues!.qualifier, '');
    assert.deepEqual(
      parsed.androidValues!.strings.map((s) => [s.name, s.value.value]),
      [
        ['b2c_redirect_uri', 'com.onmicrosoft.contosob2c.app://oauth/redirect'],
        ['quoted_uri', "https://contoso.example/it's"],
        ['escaped', 'com.contoso@app://auth'],
        ['entity', 'https://contoso.example/a?b=1&c=2'],
      ],
    );
    const [redirect, quoted] = parsed.androidValues!.strings;
    assert.equal(slice(text, redirect.value.range), 'com.onmicrosoft.contosob2c.app://oauth/redirect');
    assert.equal(slice(text, quoted.value.range), `"https://contoso.example/it\\'s"`); // decoded value, raw range
    // The file only lists strings: the configs come from the code that sends them (engine/android-resources.ts).
    assert.deepEqual(parsed.configs, []);
  });

  it('names the qualifier of a translated folder', () => {
    const file = path.join(res, 'values-fr/strings.xml');
    assert.equal(androidValuesFormat.parse(file, read(file)).androidValues!.qualifier, 'fr');
  });

  it('keeps what it can of broken XML and never throws on hostile input', () => {
    const file = path.join(res, 'values/broken.xml');
    const parsed = androidValuesFormat.parse(file, read(file));
    assert.ok(parsed.problems.length > 0);
    // An element left open runs to the end of the text: its value is still what the file says.
    assert.deepEqual(
      parsed.androidValues!.strings.map((s) => [s.name, s.value.value]),
      [
        ['auth_scheme', 'contoso-auth'],
        ['unclosed', 'myapp://x'],
      ],
    );
    for (const input of ['', '<', '<resources>', '<manifest/>', '<resources><string name="a">'.repeat(5000), '\u0000\uffff<resources>']) {
      assert.doesNotThrow(() => androidValuesFormat.parse('/w/res/values/x.xml', input));
    }
    assert.match(androidValuesFormat.parse('/w/res/values/x.xml', '<manifest/>').problems[0].message, /<resources>/);
  });

  it('decodes Android string escapes', () => {
    assert.equal(decodeResource('  "a b"  '), 'a b');
    assert.equal(decodeResource('a\\nb\\u0041\\\\'), 'a\nbA\\');
  });
});
