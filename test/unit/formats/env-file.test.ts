import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { envFileFormat, scanEnv } from '../../../src/core/formats/env-file';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/env-file');
const env = path.join(dir, '.env');
const local = path.join(dir, '.env.local');
const read = (file: string) => stripBom(fs.readFileSync(file, 'utf8'));

describe('format: .env files', () => {
  it('claims .env, .env.* and *.env by name only', () => {
    assert.equal(detectFormat(env, '')?.id, 'env');
    assert.equal(envFileFormat.byName('/w/.env.production'), 'yes');
    assert.equal(envFileFormat.byName('/w/desktop.env'), 'yes');
    assert.equal(envFileFormat.byName('/w/.envrc'), 'no');
  });

  it('reads identity keys into one config; export, quotes and inline comments are handled', () => {
    const text = read(env);
    const [config] = envFileFormat.parse(env, text).configs;
    assert.equal(config.clientId?.value, '5e2a8c4f-1d3b-4f7a-9c6e-0b8d2f4a6c1e');
    assert.equal(config.tenant?.value, 'contoso.onmicrosoft.com');
    assert.equal(slice(text, config.tenant!.range), 'contoso.onmicrosoft.com');
    assert.equal(config.instance?.value, 'https://login.microsoftonline.com/');
    // GITHUB_REDIRECT_URI belongs to another identity provider.
    assert.deepEqual(
      config.redirectUris.map((u) => [u.role, u.value, slice(text, u.range)]),
      [
        ['redirect', 'contoso-desktop://redirect', 'contoso-desktop://redirect'],
        ['postLogout', 'contoso-desktop://signed-out', 'contoso-desktop://signed-out'],
      ],
    );
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and a comment after quotes', () => {
    const text = read(local);
    const [config] = envFileFormat.parse(local, text).configs;
    assert.equal(config.redirectUris[0].value, 'contoso-web://auth');
    assert.equal(slice(text, config.redirectUris[0].range), 'contoso-web://auth');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/organizations');
  });

  it('scans lines without throwing and reports what is not KEY=VALUE', () => {
    const text = 'CLIENT_ID=abc\nPASSED_THROUGH\nNOTE="a # b" # c\nthis is not an assignment\nREDIRECT_URI="unterminated\n';
    const { entries, problems } = scanEnv(text);
    assert.deepEqual(
      entries.map((e) => [e.key.value, e.value.value]),
      [
        ['CLIENT_ID', 'abc'],
        ['NOTE', 'a # b'],
        ['REDIRECT_URI', 'unterminated'],
      ],
    );
    assert.deepEqual(
      problems.map((p) => [p.message, slice(text, p.range)]),
      [
        ['line is not KEY=VALUE', 'this is not an assignment'],
        ['unterminated " quoted value', '"unterminated'],
      ],
    );
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations([env, local], ['custom-scheme-redirect', 'parse-error']);
  });

  it('yields no config for a file without identity keys', () => {
    assert.deepEqual(envFileFormat.parse('/w/.env', 'PORT=3000\nGOOGLE_CLIENT_ID=x\n').configs, []);
  });

  it('keeps the first 20 problems of a file that is not dotenv at all', () => {
    const text = `${'not a key value line\n'.repeat(200_000)}AZURE_CLIENT_ID=6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b\n`;
    const parsed = envFileFormat.parse('/w/.env', text);
    assert.equal(parsed.problems.length, 20);
    assert.deepEqual(parsed.problems[19].range, { start: 19 * 21, end: 19 * 21 + 20 });
    assert.equal(parsed.configs[0].clientId?.value, '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
  });
});
