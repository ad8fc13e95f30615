import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { expoConfigFormat, readExpoConfig } from '../../../src/core/formats/expo-config';
import { FIXTURES } from '../../helpers/expectations';

const fixture = (name: string) => path.join(FIXTURES, 'formats/expo-config', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');
const values = (list: { value: string }[] | undefined) => (list ?? []).map((l) => l.value);

describe('format: expo-config', () => {
  it('claims app.config.* by name and app.json only with an expo object', () => {
    assert.equal(expoConfigFormat.byName('/w/app.config.ts'), 'yes');
    assert.equal(expoConfigFormat.byName('/w/app.config.js'), 'yes');
    assert.equal(expoConfigFormat.byName('/w/app.json'), 'sniff');
    assert.equal(expoConfigFormat.byName('/w/package.json'), 'no');
    assert.equal(detectFormat('/w/app.json', read('json/app.json'))?.id, 'expo-config');
    // A React Native CLI app.json and a Graph manifest named app.json are not Expo's.
    assert.notEqual(detectFormat('/w/app.json', '{ "name": "Contoso", "displayName": "Contoso" }')?.id, 'expo-config');
    assert.notEqual(
      detectFormat('/w/app.json', '{ "appId": "x", "publicClient": { "redirectUris": ["a://b"] }, "signInAudience": "AzureADMyOrg" }')?.id,
      'expo-config',
    );
  });

  it('reads app.json: schemes, ids, plugins and the react-native-msal signature hash, with exact ranges', () => {
    const text = read('json/app.json');
    const parsed = readExpoConfig(fixture('json/app.json'), text);
    assert.deepEqual(parsed.problems, []);
    const app = parsed.app!;
    assert.equal(app.framework, 'expo');
    assert.deepEqual(values(app.schemes), ['contoso-field', 'contoso-field-dev']);
    assert.equal(app.bundleIdentifier?.value, 'com.contoso.field');
    assert.equal(app.packageName?.value, 'com.contoso.field');
    assert.deepEqual(values(app.plugins), ['expo-router', 'react-native-msal']);
    assert.equal(app.signatureHash?.value, 'Xo8WBi6jzSxKDVR4drqm84yr9iU=');
    const scheme = app.schemes[0];
    assert.equal(text.slice(scheme.range.start, scheme.range.end), 'contoso-field');
    assert.deepEqual(parsed.configs, []);
  });

  it('reads app.config.ts without running it: a config function, spreads, alternatives per variant', () => {
    const text = read('js/app.config.ts');
    const parsed = readExpoConfig(fixture('js/app.config.ts'), text);
    assert.deepEqual(parsed.problems, []);
    const app = parsed.app!;
    assert.deepEqual(values(app.schemes), ['contoso-field-dev', 'contoso-field']);
    assert.equal(app.bundleIdentifier?.value, 'com.contoso.field.dev');
    assert.equal(app.packageName?.value, 'com.contoso.field');
    assert.equal(app.partial, true, 'the spread config may hold more');
    assert.equal(text.slice(app.packageName!.range.start, app.packageName!.range.end), 'com.contoso.field');
  });

  it('reads module.exports, a const and an object without `expo`, with CRLF and comments', () => {
    const cjs = readExpoConfig(
      '/w/app.config.js',
      '\r\n// comment\r\nconst scheme = "contoso-cjs";\r\nmodule.exports = { expo: { scheme, android: { package: "com.contoso.cjs" } } };\r\n',
    );
    assert.deepEqual(values(cjs.app?.schemes), ['contoso-cjs']);
    assert.equal(cjs.comments?.length, 1);
    const bare = readExpoConfig('/w/app.config.ts', 'const config = { name: "c", scheme: "contoso-bare" };\nexport default config;\n');
    assert.deepEqual(values(bare.app?.schemes), ['contoso-bare']);
  });

  it('keeps what it can from bad input and never throws', () => {
    const broken = readExpoConfig('/w/app.json', '{ "expo": { "scheme": "contoso", "ios": { "bundleIdentifier": } } }');
    assert.ok(broken.problems.length > 0);
    assert.deepEqual(values(broken.app?.schemes), ['contoso']);
    for (const text of ['', 'null', '[]', '{ "expo": 1 }', '{ "expo": { "scheme": 7, "plugins": [[], [1], {}] } }', '\u0000\u0001', '{'.repeat(5000)]) {
      assert.doesNotThrow(() => readExpoConfig('/w/app.json', text));
    }
    for (const text of [
      'export default 1',
      'export default () => { return; }',
      'module.exports = require("./x")',
      'export default defineConfig(',
      'export default {'.repeat(300),
    ]) {
      assert.doesNotThrow(() => readExpoConfig('/w/app.config.ts', text));
    }
  });
});
