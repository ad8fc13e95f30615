import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { capacitorConfigFormat, readCapacitorConfig } from '../../../src/core/formats/capacitor-config';
import type { ParsedFile } from '../../../src/core/model';
import { exportedObject, keepWantedChunks, scanTopLevel } from '../../../src/core/lexing/js-scan';
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

  describe('large JS/TS configs: only the values of the keys the reader reads are parsed', () => {
    /** ~30 KB of plugin settings: nested braces, and braces in strings, templates, regexes and comments. */
    const plugins = (count = 200) =>
      [
        'plugins: {',
        ...Array.from({ length: count }, (_, n) =>
          [
            `    Feature${n}: { endpoint: 'https://api${n}.example.com/{v1}', note: "a } and a \\"quote\\"", retries: ${n % 5},`,
            `      label: \`item \${n} { \${ { x: '}' }.x } }\`, pattern: /[}{,]/g, handler: (a, b) => ({ a, b }), tags: ['a', 'b'] }, // a } here`,
            `    /* Feature ${n}: { appId: 'not-this' } */`,
          ].join('\n'),
        ),
        '  }',
      ].join('\n');
    const server = "server: { iosScheme: 'contoso', androidScheme: 'contoso-android', hostname: 'app.contoso.example' }";
    const read = (text: string): [ParsedFile, ParsedFile] => [
      readCapacitorConfig('/w/capacitor.config.ts', text),
      readCapacitorConfig('/w/capacitor.config.ts', text, { slice: false }),
    ];
    const slicedText = (text: string, keys: string[]) => {
      const scan = scanTopLevel(text)!;
      const object = exportedObject(text, scan);
      const unread = object ? object.properties.filter((p) => !keys.includes(p.key)).map((p) => p.value) : [];
      const { text: sliced, writtenComments } = keepWantedChunks(text, scan, /export|module|const|appId|server/gi, unread);
      return { object, sliced, writtenComments };
    };

    it('blanks a big unneeded value and reads a needed key after it exactly as the full parse does', () => {
      const text = [
        "import type { CapacitorConfig } from '@capacitor/cli';",
        '',
        'const config: CapacitorConfig = {',
        "  appName: 'Contoso',",
        `  ${plugins()},`,
        "  appId: 'com.contoso.after',",
        `  ${server},`,
        '};',
        '',
        'export default config;',
        '',
      ].join('\n');
      assert.ok(text.length > 16 * 1024);
      const { object, sliced, writtenComments } = slicedText(text, ['appId', 'server']);
      assert.deepEqual(
        object?.properties.map((p) => p.key),
        ['appName', 'plugins', 'appId', 'server'],
      );
      // Long blank runs are block comments of blanks (Babel skips them at once); the reader does not list them.
      assert.ok(writtenComments.length > 0 && writtenComments.every((at) => sliced.startsWith('/*', at)));
      const value = object!.properties[1].value;
      assert.ok(text.slice(value.start, value.end).startsWith('{') && text.slice(value.start, value.end).endsWith('}'));
      // The blanked value: a `0`, then only blanks, line breaks and its comments (offsets unchanged).
      assert.equal(sliced.length, text.length);
      const blanked = sliced.slice(value.start, value.end);
      assert.equal(blanked.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim(), '0');
      assert.equal((blanked.match(/\n/g) ?? []).length, (text.slice(value.start, value.end).match(/\n/g) ?? []).length);
      const [sliceRead, full] = read(text);
      assert.deepEqual(sliceRead, full);
      assert.deepEqual(sliceRead.problems, []);
      assert.equal(sliceRead.comments?.length, 400); // comments of the blanked value are still listed
      const app = sliceRead.app!;
      assert.equal(app.bundleIdentifier?.value, 'com.contoso.after');
      assert.equal(text.slice(app.bundleIdentifier!.range.start, app.bundleIdentifier!.range.end), 'com.contoso.after');
      assert.equal(app.webViewOrigins?.ios?.value, 'contoso://app.contoso.example');
      assert.equal(app.webViewOrigins?.android?.value, 'contoso-android://app.contoso.example');
      assert.equal(app.partial, undefined);
    });

    it('reads export default and module.exports objects, and a const exported with satisfies', () => {
      for (const text of [
        `export default {\n  ${plugins()},\n  appId: 'com.contoso.x',\n  ${server},\n};\n`,
        `module.exports = {\n  "plugins": ${plugins().slice('plugins: '.length)},\n  'appId': 'com.contoso.x',\n  ${server}\n}\n`,
        `const config = {\n  ${plugins()},\n  appId: 'com.contoso.x',\n  ${server},\n};\nexport default config satisfies CapacitorConfig;\n`,
      ]) {
        const { object, sliced } = slicedText(text, ['appId', 'server']);
        assert.ok(object, text.slice(0, 40));
        assert.ok(sliced.length === text.length && sliced.length - sliced.replace(/ /g, '').length > text.length / 2);
        const [sliceRead, full] = read(text);
        assert.deepEqual(sliceRead, full);
        assert.equal(sliceRead.app?.bundleIdentifier?.value, 'com.contoso.x');
        assert.equal(sliceRead.app?.webViewOrigins?.android?.value, 'contoso-android://app.contoso.example');
      }
    });

    it('keeps spreads and computed keys visible (the config stays open) and leaves methods and shorthand alone', () => {
      const text = [
        "const base = { appId: 'com.contoso.base', server: { hostname: 'base.example' } };",
        'const key = "server";',
        'const config = {',
        '  ...base,',
        '  [key]: { iosScheme: "computed" },',
        `  ${plugins()},`,
        '  webDir,',
        '  build() { return { appId: "method" }; },',
        '};',
        'export default config;',
      ].join('\n');
      const { object } = slicedText(text, ['appId', 'server']);
      assert.deepEqual(
        object?.properties.map((p) => p.key),
        ['plugins'],
      );
      const [sliceRead, full] = read(text);
      assert.deepEqual(sliceRead, full);
      assert.equal(sliceRead.app?.partial, true);
      assert.equal(sliceRead.app?.webViewOrigins?.ios, undefined); // it may be set where the reader cannot see
    });

    it('lists only plain `key: value` properties, each value to the end of its last token', () => {
      const text = `const c = { a: 1, 'b': { x: [1, 2] }, "c\\u0041": 2, [d]: 3, ...e, f, g() {}, get h() { return 1 }, 7: 8, i: x ? y : z /* end */ };`;
      const object = scanTopLevel(text)!.objects[0];
      assert.deepEqual(
        object.properties.map((p) => [p.key, text.slice(p.value.start, p.value.end)]),
        [
          ['a', '1'],
          ['b', '{ x: [1, 2] }'],
          ['i', 'x ? y : z'],
        ],
      );
      assert.equal(text.slice(object.start, object.end), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
    });

    it('parses as today when the export or the object is unsure, or the blanked text does not parse', () => {
      const config = (before: string, value: string, after = 'export default config;') =>
        `${before}\nconst config = {\n  plugins: ${value},\n  appId: 'com.contoso.x',\n  ${server},\n};\n${after}\n`;
      const big = plugins().slice('plugins: '.length);
      // Another `default` or `exports` (here in a comment): which object is exported is not certain.
      const twoExports = config('// default settings, see module.exports below', big);
      assert.equal(exportedObject(twoExports, scanTopLevel(twoExports)!), undefined);
      // A config function, a call, a cast: no object literal is exported directly.
      for (const after of ['export default defineConfig(config);', 'export default <CapacitorConfig>config;']) {
        const text = config('', big, after);
        assert.equal(exportedObject(text, scanTopLevel(text)!), undefined);
      }
      // A comma inside type arguments cuts the blanked value short: the sliced text does not parse, so the whole file is.
      const generic = config('', `make<Settings, Extra>(${big})`);
      const [slicedGeneric, fullGeneric] = read(generic);
      assert.deepEqual(slicedGeneric, fullGeneric);
      assert.deepEqual(slicedGeneric.problems, []);
      assert.equal(slicedGeneric.app?.bundleIdentifier?.value, 'com.contoso.x');
      // A syntax error in a value the reader reads is reported at its place, as by the full parse.
      const broken = config('', big).replace("hostname: 'app", "hostname 'app");
      const [slicedBroken, fullBroken] = read(broken);
      assert.deepEqual(slicedBroken, fullBroken);
      assert.equal(slicedBroken.problems.length, 1);
      // Unbalanced brackets: the pre-scan gives up.
      const unbalanced = config('', `${big.slice(0, -1)}`);
      assert.equal(scanTopLevel(unbalanced), undefined);
      assert.deepEqual(...read(unbalanced));
      for (const text of [twoExports, config('', big, 'export default defineConfig(config);')]) assert.deepEqual(...read(text));
    });
  });
});
