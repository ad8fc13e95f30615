import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dotnetCodeFormat } from '../../../src/core/formats/dotnet-code';
import type { ParsedFile } from '../../../src/core/model';
import { rangeText as slice } from '../../../src/core/io/text';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';

// `[IntentFilter]` receivers in C#, in the shapes of Azure-Samples/active-directory-xamarin-native-v2
// (1-Basic/UserDetailsClient/UserDetailsClient.Droid/MsalActivity.cs), Azure-Samples/ms-identity-dotnetcore-maui
// (MauiAppBasic/Platforms/Android/MsalActivity.cs) and BookShelves (src/BookShelves.Maui/Platforms/Android/
// MsalActivity.cs, whose WebAuthenticatorCallbackActivity names a const of its own class).

const dir = path.join(FIXTURES, 'formats/dotnet-code/intent-filters');
const activity = path.join(dir, 'Platforms/Android/MsalActivity.cs');
const constants = path.join(dir, 'Auth/IntentConstants.cs');
const parse = (text: string, file = '/w/App/Platforms/Android/MsalActivity.cs'): ParsedFile => dotnetCodeFormat.parse(file, text);
const receivers = (parsed: ParsedFile) =>
  parsed.configs
    .filter((c) => c.receiver)
    .map((c) => ({
      library: c.library,
      redirects: c.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}${u.implied ? ' implied' : ''}`),
    }));

const MSAL_ACTIVITY = [
  'using Android.App;',
  'using Android.Content;',
  'using Microsoft.Identity.Client;',
  '[Activity(Exported = true)]',
  '[IntentFilter(new[] { Intent.ActionView },',
  '    Categories = new[] { Intent.CategoryBrowsable, Intent.CategoryDefault },',
  '    DataHost = "auth",',
  '    DataScheme = "msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c")]',
  'public class MsalActivity : BrowserTabActivity { }',
].join('\n');

describe('format: dotnet-code [IntentFilter] receivers', () => {
  it('reads an MsalActivity filter as an MSAL.NET receiver with the DataScheme range', () => {
    const parsed = parse(MSAL_ACTIVITY);
    assert.deepEqual(receivers(parsed), [{ library: 'msal-dotnet', redirects: ['android msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c://auth implied'] }]);
    const [uri] = parsed.configs[0].redirectUris;
    assert.equal(slice(MSAL_ACTIVITY, uri.range), 'msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c');
    assert.equal(uri.raw, 'msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c');
    // The user agent is the app's builders' choice, not the file's (rules/shared/dotnet-app.ts).
    assert.equal(parsed.configs[0].userAgent, undefined);
  });

  it('builds msauth://package/hash from DataScheme, DataHost and a DataPath without its slash', () => {
    const text = MSAL_ACTIVITY.replace('DataHost = "auth"', 'DataHost = "com.contoso.field", DataPath = "Xo8WBi6jzSxKDVR4drqm84yr9iU="').replace(
      '"msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c"',
      '"msauth"',
    );
    assert.deepEqual(receivers(parse(text))[0].redirects, ['android msauth://com.contoso.field/Xo8WBi6jzSxKDVR4drqm84yr9iU= implied']);
  });

  it('pairs every scheme of DataSchemes with the host, and follows consts of the file and of the class', () => {
    const text = [
      'static class Ids { public const string Scheme = "msal" + "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"; }',
      '[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryBrowsable },',
      '  DataSchemes = new string[] { Ids.Scheme, "contoso" }, DataHost = "auth")]',
      'public class A : BrowserTabActivity { }',
      '[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryDefault, Intent.CategoryBrowsable }, DataScheme = CALLBACK_SCHEME)]',
      'public class Callback : WebAuthenticatorCallbackActivity { const string CALLBACK_SCHEME = "contoso-maui"; }',
    ].join('\n');
    const parsed = parse(text);
    assert.deepEqual(receivers(parsed), [
      { library: 'msal-dotnet', redirects: ['android msal0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d://auth implied', 'android contoso://auth implied'] },
      { library: 'maui-webauthenticator', redirects: ['android contoso-maui:// implied'] },
    ]);
    assert.equal(slice(text, parsed.configs[0].redirectUris[0].range), 'Ids.Scheme');
    assert.equal(parsed.configs.find((c) => c.library === 'maui-webauthenticator')?.userAgent?.kind, 'system-browser');
  });

  it('keeps a scheme it cannot see as partial, and a name of another file pending for the link', () => {
    const text = MSAL_ACTIVITY.replace('"msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c"', 'Settings.Scheme()').replace('DataHost = "auth"', 'DataHost = Other.Host');
    const parsed = parse(text);
    assert.deepEqual(receivers(parsed)[0].redirects, ['android {Settings.Scheme()}:// (partial) implied']);
    const named = parse(MSAL_ACTIVITY.replace('"msal4b7e0c2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c"', 'Constants.Scheme'));
    assert.deepEqual(receivers(named)[0].redirects, ['android {Constants.Scheme}:// (partial) implied']);
    assert.equal(named.symbols?.pending.length, 1);
  });

  it('reads C# 12 collection expressions, DataHosts and a global::-qualified base class', () => {
    const text = [
      '[IntentFilter([Intent.ActionView], Categories = [Intent.CategoryDefault, Intent.CategoryBrowsable],',
      '  DataSchemes = ["contoso-a", "contoso-b"], DataHosts = new[] { "callback" })]',
      'public class Callback : global::Microsoft.Maui.Authentication.WebAuthenticatorCallbackActivity { }',
      '[IntentFilter([Intent.ActionView], Categories = [Intent.CategoryDefault], DataScheme = "contoso-c")]',
      'public class Hidden : WebAuthenticatorCallbackActivity { }',
    ].join('\n');
    assert.deepEqual(receivers(parse(text)), [
      { library: 'maui-webauthenticator', redirects: ['android contoso-a://callback implied', 'android contoso-b://callback implied'] },
    ]);
  });

  it('skips filters that are not browsable and classes that receive nothing', () => {
    const text = [
      '[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryDefault }, DataScheme = "contoso", DataHost = "auth")]',
      'public class NotBrowsable : BrowserTabActivity { }',
      '[IntentFilter(new[] { Intent.ActionView }, DataScheme = "contoso", DataHost = "auth")]',
      'public class NoCategories : BrowserTabActivity { }',
      '[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryBrowsable }, DataScheme = "contoso", DataHost = "auth")]',
      'public class MainActivity : MauiAppCompatActivity { }',
    ].join('\n');
    assert.deepEqual(receivers(parse(text)), []);
  });

  it('never throws on broken attribute syntax and still reads the builder of the file', () => {
    const broken = [
      '[IntentFilter(new[] { Intent.ActionView }, Categories = new[] { Intent.CategoryBrowsable, DataScheme = "msal" class A : BrowserTabActivity { }',
      ']] class B : BrowserTabActivity',
      '[IntentFilter(DataScheme = , Categories = new[] {Intent.CategoryBrowsable})] class C : BrowserTabActivity { }',
      '[IntentFilter( class D : ',
      '[ class : BrowserTabActivity',
      'var app = PublicClientApplicationBuilder.Create("id").WithRedirectUri("contoso://auth").Build();',
    ].join('\n');
    for (let cut = 0; cut <= broken.length; cut += 7) parse(broken.slice(0, cut));
    const parsed = parse(broken);
    assert.ok(parsed.configs.some((c) => !c.receiver && c.redirectUris.some((u) => u.value === 'contoso://auth')));
  });

  it('links a scheme constant of another file, with exact ranges through a BOM and CRLF', () => {
    const raw = fs.readFileSync(activity, 'utf8');
    const { findings } = lintFixtures([activity, constants]);
    const [first, second] = findings.get(activity)!.filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.equal(coveredText(raw, first), 'IntentConstants.Scheme');
    assert.match(first.message, /msal7c2d4e6f/);
    assert.deepEqual(
      first.related?.map((r) => path.basename(r.file)),
      ['IntentConstants.cs'],
    );
    assert.equal(coveredText(raw, second), 'contoso-field');
    assertInlineExpectations([activity, constants]);
  });

  it('gives an embedded web view written in an #if IOS branch to iOS alone', () => {
    const text = [
      'var pca = PublicClientApplicationBuilder.Create("id").Build();',
      '#if IOS',
      'await pca.AcquireTokenInteractive(scopes).WithUseEmbeddedWebView(true).ExecuteAsync();',
      '#endif',
    ].join('\r\n');
    const [config] = dotnetCodeFormat.parse('/w/App/MSALClient/PcaWrapper.cs', text).configs;
    assert.equal(config.userAgent?.kind, 'system-browser');
    assert.equal(config.userAgent?.platforms?.ios?.kind, 'embedded');
    assert.equal(config.userAgent?.platforms?.android, undefined);
  });
});
