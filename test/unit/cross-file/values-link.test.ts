import * as assert from 'node:assert/strict';
import { Project } from '../../../src/core/engine/project';
import { msalJsFormat } from '../../../src/core/formats/msal-js';
import { IMPORTED } from '../../../src/core/values';

// The engine's cross-file link (engine/link.ts): values a file takes from other files of the workspace,
// linked after reading and again when a file changes. The shapes are those of the scenarios in
// test/scenarios/cross-file-values (which name the repositories that taught them).

const HELPER = '/w/App/MSALClient/MSALClientHelper.cs';
const ANDROID = '/w/App/Platforms/Android/MainActivity.cs';
const SETTINGS = '/w/App/MSALClient/AuthSettings.cs';

const helper = `using Microsoft.Identity.Client;
namespace App.MSALClient {
  public class MSALClientHelper {
    public void Init() {
      var app = PublicClientApplicationBuilder.Create(AuthSettings.ClientId)
        .WithRedirectUri(PlatformConfig.Instance.RedirectUri)
        .Build();
    }
  }
}`;
const settings = 'namespace App.MSALClient { public static class AuthSettings { public const string ClientId = "4b0db8c2-9f26-4417-8bde-3f0e3656f8e0"; } }';
const android = (value: string) =>
  `namespace App { public class MainActivity : MauiAppCompatActivity { protected override void OnCreate(Bundle b) { PlatformConfig.Instance.RedirectUri = ${value}; } } }`;

const redirects = (project: Project, path: string) =>
  project.index.get(path)!.configs.flatMap((c) => c.redirectUris.map((u) => `${u.platform} ${u.value}${u.partial ? ' (partial)' : ''}`));

describe('cross-file values: the link step', () => {
  it('fills a redirect from an assignment in another file, with its platform, the constant it uses and the evidence', () => {
    const project = new Project();
    project.setFile(HELPER, helper);
    project.setFile(SETTINGS, settings);
    project.setFile(ANDROID, android('$"msal{AuthSettings.ClientId}://auth"'));
    assert.deepEqual(redirects(project, HELPER), ['android msal4b0db8c2-9f26-4417-8bde-3f0e3656f8e0://auth']);
    const config = project.index.get(HELPER)!.configs[0];
    assert.equal(config.clientId?.value, '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0');
    assert.deepEqual(
      config.clientId?.evidence?.map((e) => e.file),
      [SETTINGS],
    );
    assert.deepEqual(config.redirectUris[0].evidence?.map((e) => e.file).sort(), [ANDROID, SETTINGS].sort());
    const uri = config.redirectUris[0];
    assert.equal(helper.slice(uri.range.start, uri.range.end), 'PlatformConfig.Instance.RedirectUri');
    // The finding names the files the value came from.
    const finding = project.lintFile(HELPER).find((f) => f.ruleId === 'custom-scheme-redirect');
    assert.deepEqual(finding?.related.map((r) => r.file).sort(), [ANDROID, SETTINGS].sort());
  });

  it('links again when a file changes or goes, and names the dependents the editor must check again', () => {
    const project = new Project();
    project.setFile(HELPER, helper);
    project.setFile(ANDROID, android('"msauth://com.contoso.app/abc%3D"'));
    assert.deepEqual(redirects(project, HELPER), ['android msauth://com.contoso.app/abc%3D']);
    assert.ok(project.dependentsOf(ANDROID).includes(HELPER));
    project.setFile(ANDROID, android('"http://localhost"'));
    assert.deepEqual(redirects(project, HELPER), ['android http://localhost']);
    project.removeFile(ANDROID);
    assert.deepEqual(redirects(project, HELPER), []);
  });

  it('keeps what no file declares partial, as the file alone reads it', () => {
    const project = new Project();
    const text = 'var app = PublicClientApplicationBuilder.Create("x").WithRedirectUri($"msal{Settings.ClientId}://auth").Build();';
    project.setFile('/w/A.cs', text);
    project.setFile('/w/B.cs', 'public static class Other { public const string ClientId = "y"; }');
    assert.deepEqual(redirects(project, '/w/A.cs'), ['publicClient msal{Settings.ClientId}://auth (partial)']);
  });

  it('prefers the declarations of the same project (the nearest folder) when two apps declare one name', () => {
    const project = new Project();
    project.setFile('/w/one/App.cs', 'var app = PublicClientApplicationBuilder.Create(Constants.ClientId).WithRedirectUri(Constants.RedirectUri).Build();');
    project.setFile('/w/one/Constants.cs', 'public static class Constants { public const string RedirectUri = "one://auth"; }');
    project.setFile('/w/two/Constants.cs', 'public static class Constants { public const string RedirectUri = "two://auth"; }');
    assert.deepEqual(redirects(project, '/w/one/App.cs'), ['publicClient one://auth']);
  });

  it('completes a builder-parameter config from the config that passes its builder', () => {
    const project = new Project();
    project.setFile(
      '/w/App/Services/Auth.cs',
      'public partial class Auth { void Make() { var builder = PublicClientApplicationBuilder.Create("4b0db8c2-9f26-4417-8bde-3f0e3656f8e0").WithBroker(); builder = AddPlatformConfiguration(builder); } }',
    );
    project.setFile(
      '/w/App/Platforms/iOS/Auth.cs',
      'public partial class Auth { private partial PublicClientApplicationBuilder AddPlatformConfiguration(PublicClientApplicationBuilder builder) { builder.WithRedirectUri("msauth.com.contoso.app://auth"); return builder; } }',
    );
    const [fragment] = project.index.get('/w/App/Platforms/iOS/Auth.cs')!.configs;
    assert.equal(fragment.builderParameterOf, 'AddPlatformConfiguration');
    assert.equal(fragment.clientId?.value, '4b0db8c2-9f26-4417-8bde-3f0e3656f8e0');
    assert.equal(fragment.userAgent?.kind, 'broker');
    assert.deepEqual(redirects(project, '/w/App/Platforms/iOS/Auth.cs'), ['ios msauth.com.contoso.app://auth']);
  });
});

describe('cross-file values: the JS export and import API', () => {
  it('lists what a module exports and imports (ES modules and CommonJS)', () => {
    const text = [
      "import { PublicClientApplication } from '@azure/msal-browser';",
      "import policies, { b2c as policy } from './policies';",
      "import * as env from '../environments/environment';",
      "const { hosts } = require('./hosts');",
      "const redirect = 'msal1234://auth';",
      'export const msalConfig = { auth: { clientId: "x", redirectUri: redirect } };',
      'export { redirect as mobileRedirect };',
      'export default msalConfig;',
      'module.exports.legacy = { clientId: "y" };',
    ].join('\n');
    const symbols = msalJsFormat.parse('/w/src/app/authConfig.js', text).symbols!;
    assert.equal(symbols.language, 'js');
    assert.deepEqual(
      symbols.exports.map((e) => e.names.join('|')),
      ['msalConfig', 'mobileRedirect', 'default', 'legacy'],
    );
    assert.deepEqual(symbols.imports, [
      { local: 'policies', module: '/w/src/app/policies', imported: 'default' },
      { local: 'policy', module: '/w/src/app/policies', imported: 'b2c' },
      { local: 'env', module: '/w/src/environments/environment', imported: '*' },
      { local: 'hosts', module: '/w/src/app/hosts', imported: 'hosts' },
    ]);
    // The exported value has the file's consts inlined: another module gets 'msal1234://auth'.
    const exported = symbols.exports[0].expr;
    assert.equal(exported.kind, 'object');
  });

  it('records config values built from imported names as pending, with module paths', () => {
    const text = [
      "import { PublicClientApplication } from '@azure/msal-browser';",
      "import { environment } from '../environments/environment';",
      'export const pca = new PublicClientApplication({ auth: { clientId: environment.clientId, knownAuthorities: [environment.b2c.domain], redirectUri: "/" } });',
    ].join('\n');
    const symbols = msalJsFormat.parse('/w/src/app/app.module.ts', text).symbols!;
    assert.deepEqual(
      symbols.pending.map((p) => p.field),
      ['clientId', 'knownAuthorities'],
    );
    const clientId = symbols.pending[0].expr;
    assert.deepEqual(clientId.kind === 'name' && clientId.path, [IMPORTED, '/w/src/environments/environment', 'environment', 'clientId']);
  });

  it('links knownAuthorities, the authority and the client id from environment.ts into app.module.ts', () => {
    const project = new Project();
    project.setFile(
      '/w/src/environments/environment.ts',
      "export const environment = { msalConfig: { auth: { clientId: '2f9c8a1e-6b3d-4e5f-9a7b-1c2d3e4f5a6b' } }, b2c: { signIn: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi', domain: 'contosob2c.b2clogin.com' } };",
    );
    project.setFile(
      '/w/src/app/app.module.ts',
      [
        "import { MsalModule } from '@azure/msal-angular';",
        "import { PublicClientApplication } from '@azure/msal-browser';",
        "import { environment } from '../environments/environment';",
        'export const pca = new PublicClientApplication({ auth: { clientId: environment.msalConfig.auth.clientId, authority: environment.b2c.signIn, knownAuthorities: [environment.b2c.domain], redirectUri: "/" } });',
      ].join('\n'),
    );
    const [config] = project.index.get('/w/src/app/app.module.ts')!.configs;
    assert.equal(config.clientId?.value, '2f9c8a1e-6b3d-4e5f-9a7b-1c2d3e4f5a6b');
    assert.equal(config.authority?.value, 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi');
    assert.deepEqual(config.knownAuthorities?.value, ['contosob2c.b2clogin.com']);
    assert.equal(config.knownAuthorities?.partial, undefined);
    assert.deepEqual(
      project.lintFile('/w/src/app/app.module.ts').map((f) => f.ruleId),
      [],
    );
  });
});
