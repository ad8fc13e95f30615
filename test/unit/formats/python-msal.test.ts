import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { pythonFormat } from '../../../src/core/formats/python';
import type { AuthConfig } from '../../../src/core/model';
import { rangeText } from '../../../src/core/io/text';
import { coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// Shapes: AzureAD/microsoft-authentication-library-for-python sample/*.py and msal/application.py
// (acquire_token_interactive hard-codes http://localhost), Azure-Samples/ms-identity-python-webapp
// (app_config.py + app.py, identity.flask.Auth), community scripts with module-level client ids.

const dir = path.join(FIXTURES, 'formats/python-msal');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (text: string) => pythonFormat.parse('/w/app.py', text);
const uris = (c: AuthConfig) => c.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}${u.implied ? ' (implied)' : ''}`);

describe('format: python-msal', () => {
  it('claims .py files only when they use MSAL Python or the identity package', () => {
    assert.equal(detectFormat('/w/app.py', 'import msal\n')?.id, 'python-msal');
    assert.equal(detectFormat('/w/app.py', 'from identity.flask import Auth\n')?.id, 'python-msal');
    assert.equal(detectFormat('/w/app.py', 'import requests\nprint("hello")\n'), undefined);
    assert.equal(pythonFormat.byName('/w/app.pyc'), 'no');
  });

  it('reads a web app: module constants, os.getenv defaults, an f-string redirect, the literal secret', () => {
    const text = read('web_app.py');
    const [config] = pythonFormat.parse(fixture('web_app.py'), text).configs;
    assert.equal(config.library, 'msal-python');
    assert.equal(config.platform, 'web');
    assert.equal(config.clientId?.value, '2b9d4f61-8a3c-4e57-9f10-6c2d8e4a1b73');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    assert.equal(config.clientSecret?.value, 'Qk28Q~vN3xZp0LrT7sYw1mEhJc5UaGd9KfBo4iWl');
    assert.equal(rangeText(text, config.clientSecret!.range), config.clientSecret!.value);
    // url_for(...) is known only at run time; the commented-out constant is not read.
    assert.deepEqual(uris(config), ['web http://localhost:5000/getAToken']);
    assert.equal(rangeText(text, config.redirectUris[0].range), 'http://localhost:{PORT}{REDIRECT_PATH}');
  });

  it('implies http://localhost[:port] for acquire_token_interactive, and nothing with the broker on', () => {
    const [desktop] = pythonFormat.parse(fixture('desktop.py'), read('desktop.py')).configs;
    assert.equal(desktop.platform, 'publicClient');
    assert.equal(desktop.userAgent?.kind, 'system-browser');
    assert.deepEqual(uris(desktop), ['publicClient http://localhost:8400 (implied)']);
    const [broker] = pythonFormat.parse(fixture('broker.py'), read('broker.py')).configs;
    assert.equal(broker.clientId?.value, '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    assert.equal(broker.userAgent?.kind, 'broker');
    assert.deepEqual(uris(broker), []);
  });

  it('reads identity.flask.Auth: the default of os.getenv is the file value, partial', () => {
    const [config] = pythonFormat.parse(fixture('identity_app.py'), read('identity_app.py')).configs;
    assert.equal(config.platform, 'web');
    assert.equal(config.clientId, undefined);
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/common');
    assert.deepEqual(uris(config), ['web http://contoso.example.com/getAToken (partial)']);
  });

  it('reads an Auth imported under another name, and no alias from a file that never writes Auth', () => {
    // The import scan is skipped when the text has no `Auth`: the alias must still be found when it does, and
    // a call that only looks like one (`SignIn(…)` without the import) must stay unread.
    const call = 'sign_in = SignIn(app, client_id="11111111-2222-3333-4444-555555555555", redirect_uri="https://app.contoso.example/cb")';
    const [aliased] = parse(['from identity.flask import Auth as SignIn', call].join('\n')).configs;
    assert.equal(aliased?.clientId?.value, '11111111-2222-3333-4444-555555555555');
    assert.deepEqual(uris(aliased), ['web https://app.contoso.example/cb']);
    assert.deepEqual(parse(['from identity.flask import SignIn', call].join('\n')).configs, []);
  });

  it('reads dict configs, positional arguments, alternatives and adjacent string literals', () => {
    const text = [
      'import msal',
      'config = {"client_id": "11111111-2222-3333-4444-555555555555", "authority": "https://login.microsoftonline.com/" "contoso.onmicrosoft.com"}',
      'app = msal.ConfidentialClientApplication(config["client_id"], "not-a-real-secret", config.get("authority"))',
      'BASE = "https://app.contoso.example"',
      'url = app.get_authorization_request_url(["User.Read"], redirect_uri=BASE + "/auth" if PROD else "contoso-app://auth")',
      'tokens = app.acquire_token_by_authorization_code(code, ["User.Read"], "https://app.contoso.example/callback")',
    ].join('\n');
    const [config] = parse(text).configs;
    assert.equal(config.clientId?.value, '11111111-2222-3333-4444-555555555555');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    assert.equal(config.clientSecret?.value, 'not-a-real-secret');
    assert.deepEqual(uris(config), [
      'web https://app.contoso.example/auth (partial)',
      'web contoso-app://auth (partial)',
      'web https://app.contoso.example/callback',
    ]);
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const raw = fs.readFileSync(fixture('tabs_crlf.py'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs_crlf.py')]);
    const finding = findings.get(fixture('tabs_crlf.py'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [4, 53]);
    assert.equal(coveredText(raw, finding), 'tabs-app://auth');
  });

  it('never throws on broken or hostile input', () => {
    assert.ok(parse('import msal\napp = msal.PublicClientApplication("x", authority="unterminated\n').problems.length > 0);
    for (const hostile of [
      `import msal\nx = ${'msal.PublicClientApplication('.repeat(30_000)}`,
      `import msal\nx = ${'not '.repeat(50_000)}1`,
      `import msal\nx = ${'{"a": '.repeat(30_000)}`,
      `import msal\n${'a = a + '.repeat(20_000)}"x"`,
      '\u0000msal.\\\n',
    ]) {
      assert.doesNotThrow(() => parse(hostile));
    }
  });
});
