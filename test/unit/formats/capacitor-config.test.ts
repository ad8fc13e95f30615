import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { capacitorConfigFormat, readCapacitorConfig } from '../../../src/core/formats/capacitor-config';
import { FIXTURES } from '../../helpers/expectations';

const fixture = (name: string) => path.join(FIXTURES, 'formats/capacitor-config', name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8');

describe('format: capacitor-config', () => {
  it('claims capacitor.config.json|ts|js by name', () => {
    assert.equal(capacitorConfigFormat.byName('/w/capacitor.config.json'), 'yes');
    assert.equal(capacitorConfigFormat.byName('/w/capacitor.config.ts'), 'yes');
    assert.equal(capacitorConfigFormat.byName('/w/ionic.config.json'), 'no');
  });

  it('reads the app id and the WebView origins, with Capacitor defaults where the file names none', () => {
    const json = readCapacitorConfig(fixture('json/capacitor.config.json'), read('json/capacitor.config.json')).app!;
    assert.equal(json.framework, 'capacitor');
    assert.equal(json.bundleIdentifier?.value, 'com.contoso.inspections');
    assert.equal(json.packageName?.value, 'com.contoso.inspections');
    assert.equal(json.webViewOrigins?.ios?.value, 'capacitor://app.local');
    assert.equal(json.webViewOrigins?.android?.value, 'http://app.local');
    const text = read('ts/capacitor.config.ts');
    const ts = readCapacitorConfig(fixture('ts/capacitor.config.ts'), text);
    assert.deepEqual(ts.problems, []);
    assert.equal(ts.app?.webViewOrigins?.ios?.value, 'capacitor://localhost');
    assert.equal(ts.app?.webViewOrigins?.android?.value, 'https://localhost');
    const id = ts.app!.bundleIdentifier!;
    assert.equal(text.slice(id.range.start, id.range.end), 'com.contoso.inspections');
  });

  it('keeps what it can from bad input and never throws', () => {
    const broken = readCapacitorConfig('/w/capacitor.config.json', '{ "appId": "com.contoso.x", "server": { "iosScheme": } }');
    assert.ok(broken.problems.length > 0);
    assert.equal(broken.app?.bundleIdentifier?.value, 'com.contoso.x');
    for (const text of ['', '[]', '{ "server": [] }', '{ "appId": 5 }', '\uFFFD\u0000'])
      assert.doesNotThrow(() => readCapacitorConfig('/w/capacitor.config.json', text));
    for (const text of ['export default', 'const config = { ...base }; export default config;', 'module.exports = () => ({ appId: "a" })']) {
      assert.doesNotThrow(() => readCapacitorConfig('/w/capacitor.config.ts', text));
    }
  });
});
