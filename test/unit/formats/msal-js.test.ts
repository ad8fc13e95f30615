import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { keepWantedChunks, scanTopLevel } from '../../../src/core/lexing/js-scan';
import { msalJsFormat, readMsalJs } from '../../../src/core/formats/msal-js';
import type { ParsedFile } from '../../../src/core/model';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/msal-js');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (name: string): ParsedFile => msalJsFormat.parse(fixture(name), read(name));
const redirects = (parsed: ParsedFile) =>
  parsed.configs.flatMap((c) => c.redirectUris).map((u) => `${u.platform} ${u.role} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: msal-js', () => {
  it('reads config names when they mention MSAL, and any other script when it calls a sign-in library', () => {
    for (const name of ['/w/src/authConfig.ts', '/w/src/App.tsx', '/w/electron/main.js', '/w/src/app/app.module.ts', '/w/src/components/Button.tsx']) {
      assert.equal(msalJsFormat.byName(name), 'sniff', name);
    }
    assert.equal(msalJsFormat.byName('/w/src/auth.d.ts'), 'no');
    assert.equal(msalJsFormat.byName('/w/dist/app.min.js'), 'no');
    assert.equal(msalJsFormat.byName('/w/src/authConfig.json'), 'no');
    assert.equal(detectFormat('/w/webpack.config.js', 'module.exports = { mode: "production" };'), undefined);
    assert.equal(detectFormat('/w/authConfig.js', 'export const c = { auth: { clientId: "x" } };')?.id, 'msal-js');
    // A generic name needs a sign-in call; a config key alone is not enough (a form's `clientId` field).
    assert.equal(detectFormat('/w/src/components/Button.tsx', 'export const b = { clientId: "x", redirectUri: "y" };'), undefined);
    assert.equal(detectFormat('/w/src/screens/Home.tsx', 'import { makeRedirectUri } from "expo-auth-session";')?.id, 'msal-js');
    assert.equal(detectFormat('/w/src/services/session.ts', 'const pca = new PublicClientApplication(config);')?.id, 'msal-js');
    assert.equal(detectFormat('/w/src/lib/signin.ts', 'import { authorize } from "react-native-app-auth";')?.id, 'msal-js');
    // Tests call the libraries with dummy values: generic test files are not read for a call alone.
    assert.equal(detectFormat('/w/src/__tests__/Home.test.tsx', 'import { makeRedirectUri } from "expo-auth-session";'), undefined);
    assert.equal(detectFormat('/w/src/session.spec.ts', 'const pca = new PublicClientApplication(config);'), undefined);
    // …so discovery does not even open them (the workspace scan reads only what may be read).
    assert.equal(msalJsFormat.byName('/w/src/__tests__/Home.test.tsx'), 'no');
    assert.equal(msalJsFormat.byName('/w/src/components/Button.stories.tsx'), 'no');
    assert.equal(msalJsFormat.byName('/w/src/authConfig.test.ts'), 'sniff');
  });

  it('never reads extra query parameters as a config (msal-common AuthorizationCodeClient.spec.ts shape)', () => {
    // AzureAD/microsoft-authentication-library-for-js lib/msal-common/test/client/AuthorizationCodeClient.spec.ts:
    // `extraQueryParameters: { client_id: "child_client_id" }` is sent as it is.
    const parsed = msalJsFormat.parse(
      '/w/src/authRequests.ts',
      [
        "import { PublicClientApplication } from '@azure/msal-browser';",
        "export const request = { scopes: ['User.Read'], redirectUri: 'http://localhost', extraQueryParameters: { client_id: 'child_client_id' } };",
      ].join('\n'),
    );
    assert.equal(
      parsed.configs.some((c) => c.clientId),
      false,
    );
  });

  it('reads an msal-browser config: consts, knownAuthorities, request objects, not deep links or comments', () => {
    const parsed = parse('authConfig.ts');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.configs.length, 1);
    const [config] = parsed.configs;
    assert.equal(config.library, 'msal-browser');
    assert.equal(config.platform, 'spa');
    assert.equal(config.clientId?.value, '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b');
    // the client id's range is the const's literal, where the value is written
    assert.equal(read('authConfig.ts').slice(config.clientId!.range.start, config.clientId!.range.end), config.clientId!.value);
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    assert.deepEqual(config.knownAuthorities?.value, ['login.microsoftonline.com']);
    // `${window.location.origin}/auth` is not known statically: no redirect; the deep link is not one either
    assert.deepEqual(redirects(parsed), ['spa postLogout https://contoso.example.com/signed-out', 'spa redirect contoso-spa://popup']);
    assert.equal(parsed.comments?.length, 4);
  });

  it('marks knownAuthorities partial when an entry is not known statically', () => {
    const known = (list: string) =>
      msalJsFormat.parse(
        '/w/authConfig.js',
        `import { PublicClientApplication } from '@azure/msal-browser';\nconst h = 'a.example';\nexport const c = { auth: { clientId: 'x', knownAuthorities: ${list} } };`,
      ).configs[0]?.knownAuthorities;
    assert.deepEqual(known("[h, 'b.example']"), { value: ['a.example', 'b.example'], range: known("[h, 'b.example']")!.range });
    assert.equal(known('[window.b2cHost]')?.partial, true);
    assert.deepEqual(known('[...hosts, h]')?.value, ['a.example']);
    assert.equal(known('[...hosts, h]')?.partial, true);
  });

  it('reads members of same-file objects: knownAuthorities and authority from a b2cPolicies object', () => {
    // Shape of Azure-Samples/ms-identity-javascript-react-tutorial 3-Authorization-II/2-call-api-b2c/SPA/src/authConfig.js.
    const text = [
      "import { LogLevel } from '@azure/msal-browser';",
      'export const b2cPolicies = {',
      "  names: { signUpSignIn: 'B2C_1_susi_v2' },",
      "  authorities: { signUpSignIn: { authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi_v2' } },",
      "  authorityDomain: 'contosob2c.b2clogin.com',",
      '};',
      'export const msalConfig = {',
      "  auth: { clientId: '3c1b7c52-5f7e-4c0e-9d7a-1f2b3c4d5e6f', authority: b2cPolicies.authorities.signUpSignIn.authority, knownAuthorities: [b2cPolicies.authorityDomain], redirectUri: '/' },",
      '};',
    ].join('\n');
    const [config] = msalJsFormat.parse('/w/src/authConfig.js', text).configs.filter((c) => c.clientId);
    assert.equal(config.authority?.value, 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi_v2');
    assert.deepEqual(config.knownAuthorities?.value, ['contosob2c.b2clogin.com']);
    assert.equal(config.knownAuthorities?.partial, undefined);
  });

  it('resolves templates over same-file consts and knows msal-node / Electron', () => {
    const text = read('main.js');
    const parsed = parse('main.js');
    assert.equal(parsed.configs.length, 1);
    const [config] = parsed.configs;
    assert.equal(config.library, 'electron');
    assert.equal(config.platform, 'publicClient');
    assert.equal(config.clientId?.value, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    assert.deepEqual(redirects(parsed), ['publicClient redirect msal0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d://auth', 'publicClient redirect http://localhost']);
    const uri = config.redirectUris[0];
    assert.equal(text.slice(uri.range.start, uri.range.end), 'msal${clientId}://auth');
  });

  it('gives each Platform.select branch its own redirect and platform', () => {
    const text = read('App.tsx');
    const parsed = parse('App.tsx');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.configs[0].library, 'react-native-msal');
    assert.deepEqual(redirects(parsed), [
      'ios redirect msauth.com.contoso.mobile://auth',
      'android redirect msauth://com.contoso.mobile/Xo8WBi6jzSxKDVR4drqm84yr9iU%3D',
      'publicClient redirect contoso-mobile://auth',
    ]);
    const android = parsed.configs[0].redirectUris[1];
    assert.equal(text.slice(android.range.start, android.range.end), 'msauth://${BUNDLE}/${ANDROID_HASH}');
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and comments (msal-angular)', () => {
    const raw = fs.readFileSync(fixture('app.module.ts'), 'utf8');
    assert.equal(raw.charCodeAt(0), 0xfeff);
    const parsed = parse('app.module.ts');
    const [config] = parsed.configs;
    assert.equal(config.library, 'msal-angular');
    const uri = config.redirectUris[0];
    assert.equal(uri.value, 'contoso-ng://auth');
    const { findings } = lintFixtures([fixture('app.module.ts')]);
    const finding = findings.get(fixture('app.module.ts'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [8, 30]);
    assert.equal(coveredText(raw, finding), 'contoso-ng://auth');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations(['authConfig.ts', 'main.js', 'App.tsx', 'app.module.ts'].map(fixture), ['custom-scheme-redirect', 'parse-error']);
  });

  it('keeps a template whose scheme prefix is known, and skips unknown starts', () => {
    const parsed = msalJsFormat.parse(
      '/w/auth.js',
      [
        'import { PublicClientApplication } from "@azure/msal-node";',
        'const a = { auth: { clientId: "x", redirectUri: `msal${getId()}://auth` } };',
        'const b = { redirectUri: `${process.env.X}` };',
        'const c = { redirectUri: process.env.REDIRECT || "http://localhost:3000" };',
        'const d = { redirectUri: "contoso" + suffix + "://auth" };',
        'const e = { redirectUri: base + "/auth" };',
      ].join('\n'),
    );
    assert.deepEqual(redirects(parsed), [
      'publicClient redirect msal${getId()}://auth (partial)',
      'publicClient redirect http://localhost:3000',
      'publicClient redirect contoso${suffix}://auth (partial)',
    ]);
  });

  it('reads redirects assigned to a config property, and Platform.select in request objects', () => {
    const text = [
      'import { Platform } from "react-native";',
      'const config = { auth: { clientId: "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819" } };',
      'config.auth.redirectUri = "contoso-assigned://auth";',
      'const request = { scopes: [], redirectUri: Platform.select({ ios: "msauth.com.c://auth", android: "msauth://com.c/h" }) };',
    ].join('\n');
    const parsed = msalJsFormat.parse('/w/auth.ts', text);
    assert.equal(parsed.configs.length, 1);
    assert.deepEqual(redirects(parsed), [
      'ios redirect msauth.com.c://auth',
      'android redirect msauth://com.c/h',
      'publicClient redirect contoso-assigned://auth',
    ]);
    assert.equal(parsed.configs[0].clientId?.value, '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819');
  });

  it('ignores other OAuth clients: the file must be about the Microsoft identity platform', () => {
    const google =
      'export const config = { clientId: "123-abc.apps.googleusercontent.com", redirectUrl: "com.googleusercontent.apps.123-abc:/oauth2redirect" };';
    assert.deepEqual(msalJsFormat.parse('/w/authConfig.js', google).configs, []);
    const entra =
      'export const config = { issuer: "https://login.microsoftonline.com/common/v2.0", clientId: "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819", redirectUrl: "com.contoso.app://oauth/redirect/" };';
    assert.deepEqual(redirects(msalJsFormat.parse('/w/authConfig.js', entra)), ['unknown redirect com.contoso.app://oauth/redirect/']);
  });

  it('reads ConfidentialClientApplication as a web app with a committed secret', () => {
    const text =
      'const msal = require("@azure/msal-node");\nconst cca = new msal.ConfidentialClientApplication({ auth: { clientId: "id", clientSecret: "s3cr3t-value" } });\n';
    const [config] = msalJsFormat.parse('/w/auth.js', text).configs;
    assert.equal(config.platform, 'web');
    assert.equal(text.slice(config.clientSecret!.range.start, config.clientSecret!.range.end), 's3cr3t-value');
  });

  it('reports a parse problem with its position and still reads the rest', () => {
    const text = 'import "@azure/msal-browser";\nconst c = { auth: { clientId: "id", redirectUri: "contoso://auth" } };\nconst broken = { a: 1 b: 2 };\n';
    const parsed = msalJsFormat.parse('/w/authConfig.js', text);
    assert.ok(parsed.problems.length > 0);
    assert.equal(parsed.problems[0].range.start, text.indexOf('b: 2'));
    assert.deepEqual(redirects(parsed), ['spa redirect contoso://auth']);
  });

  it('reports an unrecoverable error and absurd nesting as problems, never throws', () => {
    const unclosed = msalJsFormat.parse('/w/authConfig.js', 'const c = { redirectUri: "contoso://auth" ');
    assert.equal(unclosed.problems.length, 1);
    const deep = msalJsFormat.parse('/w/authConfig.js', `const c = ${'['.repeat(200_000)}${']'.repeat(200_000)};`);
    assert.equal(deep.problems.length, 1);
    assert.match(deep.problems[0].message, /could not be parsed/);
  });

  describe('large files: only the statements that matter are parsed', () => {
    /** ~100 KB of code that names no config key: regex literals, divisions, templates with braces, comments. */
    const filler = (count = 420) =>
      Array.from({ length: count }, (_, n) =>
        [
          `// helper ${n}: "quotes' and {braces} in a comment`,
          `export function helper${n}(items, total) {`,
          `  const quoted = /["'{]/g, ratio = total / 2 / (items.length || 1);`,
          `  const label = \`{ \${items.map((i) => \`{\${i.id}}\`).join('}')} }\`;`,
          `  return items.filter((item) => item.id !== ${n} && !quoted.test(item.name)).map((item) => ({ id: item.id, label, ratio }));`,
          `}`,
        ].join('\n'),
      ).join('\n');
    const config = [
      'import { PublicClientApplication } from "@azure/msal-browser";',
      'export const msalConfig = { auth: { clientId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", redirectUri: "contoso-end://auth" } };',
      'export const msalInstance = new PublicClientApplication(msalConfig);',
    ].join('\n');
    const slicedAndFull = (name: string, text: string) => [readMsalJs(name, text), readMsalJs(name, text, { slice: false })];
    const needed = /clientId|authority|authorities|clientSecret|redirect|logout|Platform|require|import|ClientApplication|\\[ux]/gi;

    it('reads a config at the end of a 100 KB file exactly as the full parse does', () => {
      const text = `${filler()}\n${config}\n`;
      assert.ok(text.length > 100 * 1024);
      const scan = scanTopLevel(text);
      assert.ok(scan, 'the pre-scan follows regex literals, divisions and templates with braces');
      assert.equal(scan.chunks.length, 420 + 3);
      assert.equal(keepWantedChunks(text, scan, needed).kept, 3);
      const [sliced, full] = slicedAndFull('/w/authConfig.js', text);
      assert.deepEqual(sliced, full);
      assert.deepEqual(redirects(sliced), ['spa redirect contoso-end://auth']);
      const uri = sliced.configs[0].redirectUris[0];
      assert.equal(text.slice(uri.range.start, uri.range.end), 'contoso-end://auth');
      assert.equal(sliced.comments?.length, 420); // comments of blanked statements are still listed
    });

    it('keeps the consts a config names, however far above it and through other consts', () => {
      const text = [
        'const SCHEME = "contoso-far";',
        'const CLIENT = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", REDIRECT = `${SCHEME}://auth`;',
        filler(),
        'import { PublicClientApplication } from "@azure/msal-browser";',
        'export const msalConfig = { auth: { clientId: CLIENT, redirectUri: REDIRECT } };',
      ].join('\n');
      const [sliced, full] = slicedAndFull('/w/authConfig.ts', text);
      assert.deepEqual(sliced, full);
      assert.deepEqual(redirects(sliced), ['spa redirect contoso-far://auth']);
      const { clientId, redirectUris } = sliced.configs[0];
      assert.equal(text.slice(clientId!.range.start, clientId!.range.end), '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b');
      assert.equal(text.slice(redirectUris[0].range.start, redirectUris[0].range.end), '${SCHEME}://auth');
    });

    it('splits statements at the right places around regex literals holding quotes and templates holding braces', () => {
      const text = [
        'const a = x.replace(/[\'"]/g, "") / 2;',
        'const b = `}${ { c: "{" }.c }{`;',
        'if (a) { b.push(/}/); } else { b.pop(); }',
        'import "@azure/msal-browser";',
      ].join('\n');
      const chunks = scanTopLevel(text)!.chunks.map((c) => text.slice(c.start, c.end));
      assert.deepEqual(chunks, [
        'const a = x.replace(/[\'"]/g, "") / 2;',
        'const b = `}${ { c: "{" }.c }{`;',
        'if (a) { b.push(/}/); } else { b.pop(); }',
        'import "@azure/msal-browser";',
      ]);
      assert.deepEqual(
        scanTopLevel(text)!.chunks.map((c) => c.constNames),
        [['a'], ['b'], [], []],
      );
    });

    it('falls back to the full parse when the pre-scan is unsure or the sliced text does not parse', () => {
      // an unbalanced bracket in code that does not matter: the full parse reports it
      const unbalanced = `${filler(200)}\nfunction broken() { return [1, 2;\n}\n${config}\n`;
      assert.equal(scanTopLevel(unbalanced), undefined);
      const [sliced, full] = slicedAndFull('/w/authConfig.js', unbalanced);
      assert.deepEqual(sliced, full);
      assert.equal(sliced.problems.length, 1);
      // balanced, but a needed statement is broken: its problem is reported at its place
      const broken = `${filler(200)}\n${config}\nconst oops = { redirectUri: "contoso://x" b: 1 };\n`;
      assert.ok(scanTopLevel(broken));
      const [slicedBroken, fullBroken] = slicedAndFull('/w/authConfig.js', broken);
      assert.deepEqual(slicedBroken, fullBroken);
      assert.equal(slicedBroken.problems[0].range.start, broken.indexOf('b: 1'));
      assert.deepEqual(redirects(slicedBroken), ['spa redirect contoso-end://auth']);
      // JSX is not followed by the pre-scan
      assert.equal(scanTopLevel("const view = <p>Don't</p>;"), undefined);
      assert.equal(scanTopLevel('const view = <br/>;'), undefined);
      assert.equal(scanTopLevel('const s = "unterminated\nconst t = 1;'), undefined);
      assert.equal(scanTopLevel(`const deep = ${'['.repeat(300)}${']'.repeat(300)};`), undefined);
    });
  });
});
