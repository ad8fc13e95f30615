import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat, FORMATS } from '../../../src/core/formats';
import { jsonConfigFormat } from '../../../src/core/formats/json-config';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/json-config/src/config');
const electron = path.join(dir, 'auth.json');
const loopback = path.join(dir, 'loopback.json');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: generic MSAL JSON config', () => {
  it('is the last format and sniffs conservatively', () => {
    assert.equal(FORMATS[FORMATS.length - 1], jsonConfigFormat);
    assert.equal(detectFormat(electron, read(electron))?.id, 'json-config');
    assert.equal(detectFormat('/w/package.json', '{ "clientId": "x", "redirectUri": "myapp://auth" }'), undefined);
    assert.equal(detectFormat('/w/data.json', '{ "clientId": "x", "scopes": [] }'), undefined);
  });

  it('reads an Electron config: redirects, post-logout, and the custom protocol as an implied scheme redirect', () => {
    const text = read(electron);
    const [config] = jsonConfigFormat.parse(electron, text).configs;
    assert.deepEqual([config.library, config.platform], ['electron', 'publicClient']);
    assert.equal(config.clientId?.value, '2d4f6a8c-0e1b-4d3f-a5c7-9e1b3d5f7a9c');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/organizations/');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.role, u.value, slice(text, u.range), u.implied ?? false]),
      [
        ['redirect', 'contoso-electron://auth', 'contoso-electron://auth', false],
        ['postLogout', 'contoso-electron://signed-out', 'contoso-electron://signed-out', false],
        ['scheme', 'contoso-electron://auth', 'contoso-electron', true],
      ],
    );
  });

  it('keeps exact ranges with a BOM, CRLF, tabs, comments and a trailing comma', () => {
    const text = read(loopback);
    const parsed = jsonConfigFormat.parse(loopback, text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(slice(text, parsed.configs[0].redirectUris[0].range), 'http://localhost:53100');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([electron, loopback], ['custom-scheme-redirect', 'parse-error']);
  });

  it('reports a parse error and keeps what it read', () => {
    const parsed = jsonConfigFormat.parse('/w/auth.json', '{ "clientId": "a", "redirectUri": "contoso://auth" ]');
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.configs[0].redirectUris[0].value, 'contoso://auth');
  });
});
