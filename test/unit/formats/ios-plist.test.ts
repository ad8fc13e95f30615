import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { iosPlistFormat } from '../../../src/core/formats/ios-plist';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/ios-plist/Contoso');
const info = path.join(dir, 'Info.plist');
const widget = path.join(dir, 'Widget-Info.plist');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: iOS/macOS Info.plist', () => {
  it('claims Info.plist and *-Info.plist by name, other plists only with URL types', () => {
    assert.equal(detectFormat(info, '')?.id, 'ios-plist');
    assert.equal(detectFormat(widget, '')?.id, 'ios-plist');
    assert.equal(detectFormat('/w/Entitlements.plist', '<plist><dict/></plist>'), undefined);
    assert.equal(detectFormat('/w/Other.plist', '<plist><dict><key>CFBundleURLTypes</key></dict></plist>')?.id, 'ios-plist');
  });

  it('reads URL schemes, query schemes and the bundle id with exact ranges', () => {
    const text = read(info);
    const parsed = iosPlistFormat.parse(info, text);
    assert.deepEqual(parsed.problems, []);
    const ios = parsed.ios!;
    assert.equal(slice(text, ios.bundleIdentifier!.range), 'com.contoso.notes');
    assert.deepEqual(
      ios.urlSchemes.map((s) => slice(text, s.range)),
      ['msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c', 'msauth.$(PRODUCT_BUNDLE_IDENTIFIER)', 'fb1234567890'],
    );
    assert.deepEqual(
      ios.queriesSchemes.map((s) => s.value),
      ['msauthv2', 'msauthv3'],
    );
    // The insertion point follows the last <string> of the last CFBundleURLSchemes array.
    assert.ok(text.slice(0, ios.urlSchemesInsertAt).endsWith('<string>fb1234567890</string>'));
  });

  it("implies <scheme>://auth per scheme (not for other SDKs' schemes or query schemes)", () => {
    const text = read(info);
    const [config] = iosPlistFormat.parse(info, text).configs;
    assert.deepEqual([config.library, config.platform], ['msal-ios', 'ios']);
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.role, u.raw, u.implied, u.partial ?? false]),
      [
        ['msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c://auth', 'scheme', 'msal6a3f9c1e-2b4d-4e8f-9a7c-5d1e3b2f4a6c', true, false],
        ['msauth.$(PRODUCT_BUNDLE_IDENTIFIER)://auth', 'scheme', 'msauth.$(PRODUCT_BUNDLE_IDENTIFIER)', true, true],
      ],
    );
  });

  it('keeps exact ranges with a BOM, CRLF and no DOCTYPE', () => {
    const text = read(widget);
    const parsed = iosPlistFormat.parse(widget, text);
    assert.equal(slice(text, parsed.configs[0].redirectUris[0].range), 'msauth.com.contoso.notes.widget');
  });

  it('decodes entities in values', () => {
    const text = '<plist><dict><key>CFBundleIdentifier</key><string>com.contoso.a&amp;b</string></dict></plist>';
    const parsed = iosPlistFormat.parse('/w/Info.plist', text);
    assert.equal(parsed.ios!.bundleIdentifier!.value, 'com.contoso.a&b');
    assert.equal(slice(text, parsed.ios!.bundleIdentifier!.range), 'com.contoso.a&amp;b');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([info, widget], ['custom-scheme-redirect', 'parse-error']);
  });

  it('reports an unclosed plist and keeps the schemes read', () => {
    const text = '<plist><dict><key>CFBundleURLTypes</key><array><dict><key>CFBundleURLSchemes</key><array><string>msauth.com.contoso.app</string>';
    const parsed = iosPlistFormat.parse('/w/Info.plist', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.configs[0].redirectUris[0].value, 'msauth.com.contoso.app://auth');
  });
});

describe('format: Info.plist — bad input', () => {
  it('walks 100,000 nested arrays without recursion and reports a root that is not a plist', () => {
    const deep = `<plist><dict><key>X</key>${'<array>'.repeat(100_000)}${'</array>'.repeat(100_000)}</dict></plist>`;
    assert.deepEqual(iosPlistFormat.parse('/w/Info.plist', deep).problems, []);
    const wrong = iosPlistFormat.parse('/w/Info.plist', '<html></html>');
    assert.deepEqual(
      wrong.problems.map((p) => p.message),
      ['expected a <plist> with a top-level <dict>'],
    );
  });
});
