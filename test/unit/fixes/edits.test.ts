import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/fixes/apply';
import { insertPlistUrlScheme, removeJsonArrayElement, replaceValue, sameJsonArray, upgradeToHttps } from '../../../src/core/fixes/edits';
import type { FormatId, IosPlistInfo, ParsedFile, RedirectUri } from '../../../src/core/model';

function file(text: string, format: FormatId = 'graph-manifest'): ParsedFile {
  return { path: '/w/f', format, text, configs: [], registrations: [], problems: [] };
}

/** The range of the n-th (0-based) occurrence of `value` inside quotes. */
function rangeOf(text: string, value: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(`"${value}"`, at + 1);
  assert.ok(at >= 0, `${value} #${nth} not in text`);
  return { start: at + 1, end: at + 1 + value.length };
}

function removeNth(text: string, value: string, nth: number): string {
  return applyEdits(text, removeJsonArrayElement(file(text), rangeOf(text, value, nth)));
}

describe('fixes: removeJsonArrayElement', () => {
  it('removes a middle element with its line and keeps the comments of the others', () => {
    const text = '{\n  "uris": [\n    "a", // first\n    "b",\n    "b",\n    "c"\n  ]\n}\n';
    assert.equal(removeNth(text, 'b', 1), '{\n  "uris": [\n    "a", // first\n    "b",\n    "c"\n  ]\n}\n');
  });

  it('removes the last element and the comma before it, keeping a comment after that comma', () => {
    const text = '{\r\n\t"uris": [\r\n\t\t"a", // keep me\r\n\t\t"a"\r\n\t]\r\n}';
    assert.equal(removeNth(text, 'a', 1), '{\r\n\t"uris": [\r\n\t\t"a" // keep me\r\n\t]\r\n}');
  });

  it('removes an element of an inline array, middle or last', () => {
    assert.equal(removeNth('{"u": ["a", "a", "b"]}', 'a', 1), '{"u": ["a", "b"]}');
    assert.equal(removeNth('{"u": ["a", "b", "b"]}', 'b', 1), '{"u": ["a", "b"]}');
  });

  it('keeps a trailing comment of the removed element on its own line', () => {
    const text = '[\n  "a",\n  "a", // why\n  "b"\n]';
    assert.equal(removeNth(text, 'a', 1), '[\n  "a",\n  // why\n  "b"\n]');
  });

  it('produces valid JSON for every element position, and nothing for a non-array value', () => {
    for (const [text, value, nth] of [
      ['["x","x"]', 'x', 1],
      ['["x","x","y"]', 'x', 0],
      ['[\n "x"\n]', 'x', 0],
    ] as const) {
      const result = removeNth(text, value, nth);
      assert.doesNotThrow(() => JSON.parse(result), result);
    }
    const text = '{"u": "a"}';
    assert.deepEqual(removeJsonArrayElement(file(text), rangeOf(text, 'a')), []);
    assert.deepEqual(removeJsonArrayElement(file('["a","a"]', 'msal-js'), rangeOf('["a","a"]', 'a', 1)), [], 'JSON formats only');
  });

  it('removes a whole replyUrlsWithType object only when it equals its twin', () => {
    const text = '{\n  "replyUrlsWithType": [\n    { "url": "a", "type": "Web" },\n    { "type": "Web", "url": "a" }\n  ]\n}';
    const f = file(text, 'aad-manifest');
    assert.equal(
      applyEdits(text, removeJsonArrayElement(f, rangeOf(text, 'a', 1), rangeOf(text, 'a', 0))),
      '{\n  "replyUrlsWithType": [\n    { "url": "a", "type": "Web" }\n  ]\n}',
    );
    const differs = text.replace('{ "type": "Web"', '{ "type": "Spa"');
    assert.deepEqual(removeJsonArrayElement(file(differs, 'aad-manifest'), rangeOf(differs, 'a', 1), rangeOf(differs, 'a', 0)), []);
    assert.deepEqual(removeJsonArrayElement(f, rangeOf(text, 'a', 1)), [], 'no twin given');
  });

  it('tells whether two values share an array', () => {
    const text = '{"a": [{"url": "x"}], "b": ["x", "y"]}';
    const f = file(text, 'aad-manifest');
    assert.equal(sameJsonArray(f, rangeOf(text, 'x', 0), rangeOf(text, 'x', 1)), false);
    assert.equal(sameJsonArray(f, rangeOf(text, 'x', 1), rangeOf(text, 'y', 0)), true);
  });
});

describe('fixes: value edits', () => {
  const uri = (text: string, value: string, extra: Partial<RedirectUri> = {}): RedirectUri => ({
    value,
    range: rangeOf(text, value),
    platform: 'web',
    role: 'redirect',
    ...extra,
  });

  it('upgrades http to https and is idempotent', () => {
    const text = '{"u": "http://contoso.example.com/cb"}';
    const once = applyEdits(text, [upgradeToHttps(file(text), uri(text, 'http://contoso.example.com/cb'))!]);
    assert.equal(once, '{"u": "https://contoso.example.com/cb"}');
    assert.equal(upgradeToHttps(file(once), uri(once, 'https://contoso.example.com/cb')), undefined);
  });

  it('replaces a verbatim value, escaping for the file, and refuses rebuilt or escaped values', () => {
    const text = '{"u": "urn:ietf:wg:oauth:2.0:oob"}';
    const edit = replaceValue(file(text), uri(text, 'urn:ietf:wg:oauth:2.0:oob'), 'https://login.microsoftonline.com/common/oauth2/nativeclient');
    assert.equal(applyEdits(text, [edit!]), '{"u": "https://login.microsoftonline.com/common/oauth2/nativeclient"}');
    assert.equal(replaceValue(file(text), uri(text, 'urn:ietf:wg:oauth:2.0:oob', { implied: true }), 'x'), undefined);
    const escaped = '{"u": "http:\\/\\/a"}';
    assert.equal(replaceValue(file(escaped), { value: 'http://a', range: { start: 7, end: 17 }, platform: 'web', role: 'redirect' }, 'x'), undefined);
    const xml = '<data android:path="/a%3D" />';
    const xmlEdit = replaceValue(file(xml, 'android-manifest'), { value: '/a%3D', range: { start: 20, end: 25 } }, '/a&b');
    assert.equal(applyEdits(xml, [xmlEdit!]), '<data android:path="/a&amp;b" />');
  });
});

describe('fixes: insertPlistUrlScheme', () => {
  const plist = (eol: string, indent: string) =>
    [
      '<dict>',
      `${indent}<key>CFBundleURLSchemes</key>`,
      `${indent}<array>`,
      `${indent}${indent}<string>contoso</string>`,
      `${indent}</array>`,
      '</dict>',
      '',
    ].join(eol);
  const info = (text: string): IosPlistInfo => {
    const start = text.indexOf('contoso');
    return {
      urlSchemes: [{ value: 'contoso', range: { start, end: start + 7 } }],
      queriesSchemes: [],
      urlSchemesInsertAt: text.indexOf('</string>') + '</string>'.length,
    };
  };

  it('inserts after the last entry with its indentation and the file line break', () => {
    for (const [eol, indent] of [
      ['\n', '  '],
      ['\r\n', '\t'],
    ]) {
      const text = plist(eol, indent);
      const edit = insertPlistUrlScheme(file(text, 'ios-plist'), info(text), 'msauth.com.contoso.app')!;
      assert.equal(
        applyEdits(text, [edit]),
        text.replace('<string>contoso</string>', `<string>contoso</string>${eol}${indent}${indent}<string>msauth.com.contoso.app</string>`),
      );
    }
  });

  it('inserts into an empty array one level deeper, and not at all when the scheme is present', () => {
    const text = '<dict>\n  <array>\n  </array>\n</dict>';
    const at = text.indexOf('<array>') + '<array>'.length;
    const edit = insertPlistUrlScheme(file(text, 'ios-plist'), { urlSchemes: [], queriesSchemes: [], urlSchemesInsertAt: at }, 'contoso')!;
    assert.equal(applyEdits(text, [edit]), '<dict>\n  <array>\n    <string>contoso</string>\n  </array>\n</dict>');
    const full = plist('\n', '  ');
    assert.equal(insertPlistUrlScheme(file(full, 'ios-plist'), info(full), 'CONTOSO'), undefined);
  });
});
