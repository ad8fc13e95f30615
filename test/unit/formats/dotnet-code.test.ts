import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { tokenizeCSharp } from '../../../src/core/lexing/languages/csharp';
import { dotnetCodeFormat } from '../../../src/core/formats/dotnet-code';
import type { ParsedFile } from '../../../src/core/model';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';
import { rangeText as slice } from '../../../src/core/io/text';

const dir = path.join(FIXTURES, 'formats/dotnet-code');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (name: string): ParsedFile => dotnetCodeFormat.parse(fixture(name), read(name));
const redirects = (parsed: ParsedFile) => parsed.configs.flatMap((c) => c.redirectUris).map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`);

describe('format: dotnet-code', () => {
  it('reads C# files that build an MSAL client', () => {
    assert.equal(dotnetCodeFormat.byName('/w/Services/AuthService.cs'), 'sniff');
    assert.equal(dotnetCodeFormat.byName('/w/appsettings.json'), 'no');
    assert.equal(detectFormat('/w/Program.cs', 'class P { static void Main() {} }'), undefined);
    assert.equal(detectFormat(fixture('AuthService.cs'), read('AuthService.cs'))?.id, 'dotnet-code');
  });

  it('gives each #if branch its redirect and platform, substituting same-file consts', () => {
    const text = read('AuthService.cs');
    const parsed = parse('AuthService.cs');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.configs.length, 1);
    const [config] = parsed.configs;
    assert.equal(config.platform, 'publicClient');
    assert.equal(config.clientId?.value, '4d5e6f70-8192-4a3b-8c4d-5e6f70819203');
    assert.equal(config.tenant?.value, 'contoso.onmicrosoft.com');
    assert.equal(config.userAgent?.kind, 'system-browser');
    assert.equal(config.userAgent?.range, undefined);
    assert.deepEqual(redirects(parsed), [
      'android msal4d5e6f70-8192-4a3b-8c4d-5e6f70819203://auth',
      'ios msauth.com.contoso.mobile://auth',
      'publicClient http://localhost',
    ]);
    // the interpolated string's range is its content, as written
    assert.equal(slice(text, config.redirectUris[0].range), 'msal{ClientId}://auth');
    assert.equal(slice(text, config.redirectUris[1].range), 'msauth.com.contoso.mobile://auth');
  });

  it('resolves a static readonly verbatim string and sees the broker', () => {
    const text = read('DesktopAuth.cs');
    const [config] = parse('DesktopAuth.cs').configs;
    assert.equal(config.clientId?.value, '5e6f7081-9203-4b4c-9d5e-6f7081920314');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/common');
    assert.equal(config.userAgent?.kind, 'broker');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, slice(text, u.range)]),
      [['contoso-desktop://auth', 'contoso-desktop://auth']],
    );
  });

  it('reads a confidential client: secret, tenant, templates with unknown starts dropped, raw strings', () => {
    const text = read('WebApp.cs');
    const parsed = parse('WebApp.cs');
    const [config] = parsed.configs;
    assert.equal(config.platform, 'web');
    assert.equal(slice(text, config.clientSecret!.range), 'q8W~not-a-real-secret-but-a-literal');
    assert.equal(config.tenant?.value, 'contoso.onmicrosoft.com');
    assert.equal(config.clientId, undefined);
    assert.deepEqual(redirects(parsed), ['web https://contoso.example.com/{id}/done (partial)']);
    assert.equal(slice(text, config.redirectUris[0].range), 'https://contoso.example.com/{{id}}/done');
  });

  it('keeps exact ranges with a BOM, CRLF, tabs and comments', () => {
    const raw = fs.readFileSync(fixture('TabsCrlf.cs'), 'utf8');
    const { findings } = lintFixtures([fixture('TabsCrlf.cs')]);
    const finding = findings.get(fixture('TabsCrlf.cs'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [7, 31]);
    assert.equal(coveredText(raw, finding), 'contoso-tabs://auth');
  });

  it('reports the findings its fixtures expect', () => {
    assertInlineExpectations(['AuthService.cs', 'DesktopAuth.cs', 'WebApp.cs', 'TabsCrlf.cs'].map(fixture), ['custom-scheme-redirect', 'parse-error']);
  });

  it('understands WithDefaultRedirectUri, WithBroker(false), embedded web views and split chains', () => {
    const text = [
      'var b = PublicClientApplicationBuilder.Create(id).WithBroker(false);',
      'b = b.WithDefaultRedirectUri();',
      'var r = await app.AcquireTokenInteractive(scopes).WithUseEmbeddedWebView(true).ExecuteAsync();',
    ].join('\n');
    const [config] = dotnetCodeFormat.parse('/w/A.cs', text).configs;
    // WithBroker(false) and WithUseEmbeddedWebView(true): the embedded web view.
    assert.equal(config.userAgent?.kind, 'embedded');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.implied, slice(text, u.range)]),
      [['https://login.microsoftonline.com/common/oauth2/nativeclient', true, 'WithDefaultRedirectUri']],
    );
  });

  it('reads consts declared per #if branch, and keeps later calls on a variable with their own builder', () => {
    const text = [
      '#if ANDROID',
      'const string Redirect = "msauth://com.contoso.app/hash";',
      '#else',
      'const string Redirect = "http://localhost";',
      '#endif',
      'var b = PublicClientApplicationBuilder.Create("id").WithRedirectUri(Redirect);',
      'b = b.WithBroker();',
      'b = ConfidentialClientApplicationBuilder.Create("id2");',
      'b = b.WithRedirectUri("https://contoso.example.com/signin");',
    ].join('\n');
    const parsed = dotnetCodeFormat.parse('/w/A.cs', text);
    assert.equal(parsed.configs.length, 2);
    assert.deepEqual(redirects(parsed), ['android msauth://com.contoso.app/hash', 'publicClient http://localhost', 'web https://contoso.example.com/signin']);
    assert.equal(parsed.configs[0].userAgent?.kind, 'broker');
    assert.equal(parsed.configs[1].userAgent?.kind, 'system-browser');
  });

  it('reads PublicClientApplicationOptions initializers and merges them into the builder that uses them', () => {
    const text = [
      'var options = new PublicClientApplicationOptions { ClientId = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", TenantId = "contoso.onmicrosoft.com", RedirectUri = "contoso-options://auth" };',
      'var app = PublicClientApplicationBuilder.CreateWithApplicationOptions(options).WithBroker().Build();',
      'var other = new ConfidentialClientApplicationOptions() { ClientSecret = "literal-secret" };',
    ].join('\n');
    const parsed = dotnetCodeFormat.parse('/w/A.cs', text);
    assert.equal(parsed.configs.length, 2);
    const [app, other] = parsed.configs;
    assert.equal(app.clientId?.value, '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d');
    assert.equal(app.tenant?.value, 'contoso.onmicrosoft.com');
    assert.equal(app.userAgent?.kind, 'broker');
    assert.deepEqual(
      app.redirectUris.map((u) => [u.platform, slice(text, u.range)]),
      [['publicClient', 'contoso-options://auth']],
    );
    assert.equal(other.platform, 'web');
    assert.equal(slice(text, other.clientSecret!.range), 'literal-secret');
  });

  it('keeps an unresolved interpolation whose scheme prefix is known', () => {
    const text = 'var a = PublicClientApplicationBuilder.Create(Settings.Id).WithRedirectUri($"msal{Settings.Id}://auth").Build();';
    const parsed = dotnetCodeFormat.parse('/w/A.cs', text);
    assert.deepEqual(redirects(parsed), ['publicClient msal{Settings.Id}://auth (partial)']);
  });

  it('tokenizes every string form without mistaking strings or comments for code', () => {
    const text = 'x = "a\\"b" + @"c""d" + $"e{f:N0}g{{h}}" + $@"i{j}" + """raw "q" """ + \'\\\'\' // c\n/* d */';
    const { tokens, comments, problems } = tokenizeCSharp(text);
    assert.deepEqual(problems, []);
    const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.parts!.map((p) => ('text' in p ? p.text : `{${p.expression}}`)).join(''));
    assert.deepEqual(strings, ['a"b', 'c"d', 'e{f}g{h}', 'i{j}', 'raw "q" ']);
    assert.equal(tokens.filter((t) => t.kind === 'char').length, 1);
    assert.equal(comments.length, 2);
  });

  it('reports malformed input with its position and reads the rest', () => {
    const text = 'var a = PublicClientApplicationBuilder.Create("id").WithRedirectUri("contoso://auth").Build();\nvar s = "unterminated\n/* open';
    const parsed = dotnetCodeFormat.parse('/w/A.cs', text);
    assert.deepEqual(
      parsed.problems.map((p) => p.range.start),
      [text.indexOf('"unterminated'), text.indexOf('/* open')],
    );
    assert.deepEqual(redirects(parsed), ['publicClient contoso://auth']);
  });

  it('walks deep input without recursion', () => {
    const text = `var a = PublicClientApplicationBuilder.Create(${'('.repeat(200_000)}"id"${')'.repeat(200_000)});\n${'#if X\n'.repeat(50_000)}`;
    const parsed = dotnetCodeFormat.parse('/w/A.cs', text);
    assert.equal(parsed.configs.length, 1);
  });
});
