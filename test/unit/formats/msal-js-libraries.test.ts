import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMsalJs } from '../../../src/core/formats/msal-js';
import { Project } from '../../../src/core/engine/project';
import type { AuthConfig, ParsedFile } from '../../../src/core/model';
import { assertInlineExpectations, FIXTURES, lintFixtures } from '../../helpers/expectations';

// The JS/TS sign-in libraries beyond MSAL.js: which call carries the config, where the authority sits,
// which user agent signs in (per platform), and the redirects a library builds itself. The shapes are
// those of the libraries' sources and docs (named per test); the code is our own.

const parse = (file: string, lines: string[]): ParsedFile => readMsalJs(file, lines.join('\n'));
const only = (parsed: ParsedFile): AuthConfig => {
  assert.equal(parsed.configs.length, 1, JSON.stringify(parsed.configs.map((c) => c.library)));
  return parsed.configs[0];
};
const redirects = (config: AuthConfig) =>
  config.redirectUris.map((u) => `${u.platform} ${u.role} ${u.value}${u.partial ? ' (partial)' : ''}${u.appParts ? ' (app)' : ''}`);
const ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

describe('format: msal-js library shapes', () => {
  describe('react-native-app-auth', () => {
    // FormidableLabs/react-native-app-auth packages/react-native-app-auth/index.js: authorize({ issuer | serviceConfiguration, clientId, redirectUrl, … }).
    it('reads authorize() configs: the issuer or serviceConfiguration endpoint, a system browser', () => {
      const config = only(
        parse('/w/src/auth/signin.ts', [
          "import { authorize } from 'react-native-app-auth';",
          `const config = { issuer: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', clientId: '${ID}', redirectUrl: 'com.contoso.app://oauth' };`,
          'export const signIn = () => authorize(config);',
        ]),
      );
      assert.equal(config.library, 'react-native-app-auth');
      assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0');
      assert.equal(config.userAgent?.kind, 'system-browser');
      assert.match(config.userAgent!.description, /ASWebAuthenticationSession on iOS, Custom Tabs on Android/);
      assert.deepEqual(redirects(config), ['publicClient redirect com.contoso.app://oauth']);
      const service = only(
        parse('/w/src/auth/signin.ts', [
          "import { authorize } from 'react-native-app-auth';",
          `export const login = () => authorize({ clientId: '${ID}', redirectUrl: 'x://cb', iosCustomBrowser: 'safari', serviceConfiguration: { authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', tokenEndpoint: 't' } });`,
        ]),
      );
      assert.equal(service.authority?.value, 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize');
      assert.match(service.userAgent!.description, /the safari app on iOS/);
      assert.ok(service.userAgent!.range, 'the file chooses the browser');
    });

    it('reads a config module that only imports the types, and leaves another provider alone', () => {
      const config = only(
        parse('/w/src/config.ts', [
          "import { AuthConfiguration } from 'react-native-app-auth';",
          `export const config: AuthConfiguration = { issuer: 'https://login.microsoftonline.com/common/v2.0', clientId: '${ID}', redirectUrl: 'msauth.com.contoso.app://auth/' };`,
          "export const okta = { issuer: 'https://dev-1234.okta.com/oauth2/default', clientId: '0oa1b2c3d4', redirectUrl: 'com.okta.dev-1234:/callback' };",
        ]),
      );
      assert.equal(config.library, 'react-native-app-auth');
      // An Okta issuer: not read as a config at all.
      assert.deepEqual(
        parse('/w/src/okta.ts', [
          "import { authorize } from 'react-native-app-auth';",
          "authorize({ issuer: 'https://dev-1234.okta.com/oauth2/default', clientId: '0oa1b2c3d4', redirectUrl: 'com.okta.dev-1234:/callback' });",
        ]).configs,
        [],
      );
    });
  });

  describe('expo-auth-session', () => {
    // expo-auth-session 57 src/AuthSession.ts makeRedirectUri, src/AuthRequestHooks.ts useAuthRequest / useAutoDiscovery.
    const screen = (redirect: string, discovery = "useAutoDiscovery('https://login.microsoftonline.com/common/v2.0')") =>
      parse('/w/app/screens/Home.tsx', [
        "import * as AuthSession from 'expo-auth-session';",
        "import { makeRedirectUri, useAuthRequest, useAutoDiscovery } from 'expo-auth-session';",
        'export function Home() {',
        `  const discovery = ${discovery};`,
        `  const [request] = useAuthRequest({ clientId: '${ID}', scopes: ['openid'], redirectUri: ${redirect} }, discovery);`,
        '  return request;',
        '}',
      ]);

    it('builds the redirect makeRedirectUri returns in the app builds: native, else <scheme>://<path>', () => {
      assert.deepEqual(redirects(only(screen("makeRedirectUri({ scheme: 'contoso', path: 'auth' })"))), ['publicClient redirect contoso://auth']);
      assert.deepEqual(redirects(only(screen("makeRedirectUri({ scheme: 'contoso', isTripleSlashed: true })"))), ['publicClient redirect contoso:///']);
      assert.deepEqual(redirects(only(screen("AuthSession.makeRedirectUri({ native: 'msauth.com.c://auth', scheme: 'x' })"))), [
        'publicClient redirect msauth.com.c://auth',
      ]);
      // No scheme: the app config's, filled in by the rules from app.json.
      assert.deepEqual(redirects(only(screen("makeRedirectUri({ path: 'auth' })"))), ['publicClient redirect {expo.scheme}://auth (partial) (app)']);
      // The removed auth.expo.io proxy sent an https redirect: no value.
      assert.deepEqual(redirects(only(screen('makeRedirectUri({ useProxy: true })'))), []);
      // Options through a const.
      const viaConst = parse('/w/app/auth.ts', [
        "import { makeRedirectUri } from 'expo-auth-session';",
        "const options = { scheme: 'contoso-const', path: 'redirect' };",
        `export const authConfig = { clientId: '${ID}', redirectUri: makeRedirectUri(options) };`,
      ]);
      assert.deepEqual(redirects(only(viaConst)), ['publicClient redirect contoso-const://redirect']);
    });

    it('takes the authority from the discovery: useAutoDiscovery, a discovery object, a Google provider', () => {
      const auto = only(screen("makeRedirectUri({ scheme: 'contoso' })"));
      assert.equal(auto.library, 'expo-auth-session');
      assert.equal(auto.authority?.value, 'https://login.microsoftonline.com/common/v2.0');
      assert.equal(auto.userAgent?.kind, 'system-browser');
      const object = only(
        screen(
          "'contoso://auth'",
          "{ authorizationEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize', tokenEndpoint: 't' }",
        ),
      );
      assert.equal(object.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize');
      // A Google request in an MSAL-minded file: Google's, dropped.
      const google = parse('/w/app/Login.tsx', [
        "import * as Google from 'expo-auth-session/providers/google';",
        '// msal is used elsewhere',
        "export const useGoogle = () => Google.useAuthRequest({ clientId: '1-a.apps.googleusercontent.com', redirectUri: 'com.googleusercontent.apps.1-a:/r' });",
      ]);
      assert.deepEqual(google.configs, []);
    });
  });

  describe('react-native-msal', () => {
    // stashenergy/react-native-msal android RNMSALModule.java (broker_redirect_uri_registered false unless
    // androidConfigOptions sets it) and ios RNMSAL.m (MSAL's broker default); src/types.ts MSALConfiguration.
    const app = (options = '') =>
      only(
        parse('/w/src/msal.ts', [
          "import PublicClientApplication from 'react-native-msal';",
          `export const pca = new PublicClientApplication({ auth: { clientId: '${ID}', authority: 'https://login.microsoftonline.com/common' }${options} });`,
        ]),
      );

    it('signs in through Custom Tabs on Android and the broker on iOS, with the redirects the wrapper builds', () => {
      const config = app();
      assert.equal(config.library, 'react-native-msal');
      assert.equal(config.userAgent?.kind, 'system-browser');
      assert.equal(config.userAgent?.platforms?.ios?.kind, 'broker');
      assert.equal(config.userAgent?.platforms?.ios?.fallback, 'system-browser');
      assert.equal(config.userAgent?.platforms?.android?.kind, 'system-browser');
      assert.deepEqual(redirects(config), [
        'android redirect msauth://{appId}/{signature hash} (partial) (app)',
        'ios redirect msauth.{appId}://auth (partial) (app)',
      ]);
    });

    it('applies androidConfigOptions: the broker when broker_redirect_uri_registered is true, WEBVIEW embedded', () => {
      const broker = app(', androidConfigOptions: { broker_redirect_uri_registered: true }').userAgent?.platforms?.android;
      assert.deepEqual([broker?.kind, broker?.fallback], ['broker', 'system-browser']);
      assert.ok(broker?.range);
      const webView = app(", androidConfigOptions: { authorization_user_agent: 'WEBVIEW' }").userAgent?.platforms?.android;
      assert.equal(webView?.kind, 'embedded');
    });

    it("judges the app's Android MSAL receiver with the wrapper's choice, not MSAL Android's broker default", () => {
      // stashenergy/react-native-msal example/: src/b2cClient.ts creates the client, android/app/src/main/AndroidManifest.xml
      // declares BrowserTabActivity for msauth://<package>/<hash>.
      const code = '/w/app/src/services/msal.ts';
      const manifest = '/w/app/android/app/src/main/AndroidManifest.xml';
      const project = new Project();
      project.setFile(
        code,
        [
          "import PublicClientApplication from 'react-native-msal';",
          `export const pca = new PublicClientApplication({ auth: { clientId: '${ID}', authority: 'https://login.microsoftonline.com/common' } });`,
        ].join('\n'),
      );
      const receiver = (extra = '') =>
        [
          '<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.contoso.visits">',
          '  <application>',
          `    <activity android:name="com.microsoft.identity.client.BrowserTabActivity" android:exported="true">${extra}`,
          '      <intent-filter>',
          '        <action android:name="android.intent.action.VIEW" />',
          '        <category android:name="android.intent.category.DEFAULT" />',
          '        <category android:name="android.intent.category.BROWSABLE" />',
          '        <data android:scheme="msauth" android:host="com.contoso.visits" android:path="/Xo8WBi6jzSxKDVR4drqm84yr9iU=" />',
          '      </intent-filter>',
          '    </activity>',
          '  </application>',
          '</manifest>',
        ].join('\n');
      project.setFile(manifest, receiver());
      const [finding] = project.lintFile(manifest).filter((f) => f.ruleId === 'custom-scheme-redirect');
      assert.match(finding.message, /without the broker; enable the broker/);
      assert.equal(finding.related?.[0]?.file, code);
      assert.match(finding.related?.[0]?.message ?? '', /Custom Tabs on Android/);
    });
  });

  describe('Capacitor and Cordova MSAL plugins', () => {
    it('reads MsAuthPlugin.login: the authority from the tenant, the plugin-built redirects with the key hash', () => {
      // recognizegroup/capacitor-plugin-msauth src/definitions.ts and MsAuthPlugin.java createContext.
      const config = only(
        parse('/w/src/app/auth.service.ts', [
          "import { MsAuthPlugin } from '@recognizebv/capacitor-plugin-msauth';",
          `export const login = () => MsAuthPlugin.login({ clientId: '${ID}', tenant: 'contoso.onmicrosoft.com', keyHash: 'Xo8W+i6j/x=', brokerRedirectUriRegistered: true, scopes: [] });`,
        ]),
      );
      assert.equal(config.library, 'capacitor-msauth');
      assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
      assert.equal(config.userAgent?.platforms?.android?.kind, 'broker');
      assert.deepEqual(redirects(config), [
        'android redirect msauth://{appId}/Xo8W%2Bi6j%2Fx%3D (partial) (app)',
        'ios redirect msauth.{appId}://auth (partial) (app)',
      ]);
    });

    it('reads cordova-plugin-msal msalInit as a config of its own, its option objects not as configs', () => {
      // wrobins/cordova-plugin-msal index.d.ts InitOptions.
      const parsed = parse('/w/www/js/index.js', [
        "document.addEventListener('deviceready', () => {",
        "  cordova.plugins.msalPlugin.msalInit(() => {}, () => {}, { authorities: [{ type: 'B2C', authorityUrl: 'https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_susi' }], brokerRedirectUri: true, authorizationUserAgent: 'WEBVIEW' });",
        '});',
      ]);
      const config = only(parsed);
      assert.equal(config.library, 'cordova-msal');
      assert.equal(config.authority?.value, 'https://contoso.b2clogin.com/tfp/contoso.onmicrosoft.com/B2C_1_susi');
      assert.deepEqual([config.userAgent?.platforms?.android?.kind, config.userAgent?.platforms?.android?.fallback], ['broker', 'embedded']);
      assert.equal(config.userAgent?.platforms?.ios?.kind, 'broker');
    });
  });

  describe('Ionic Auth Connect', () => {
    it('reads clientID, discoveryUrl and logoutUrl, and the web view AuthConnect.setup chooses', () => {
      const parsed = parse('/w/src/services/session.ts', [
        "import { AuthConnect, ProviderOptions } from '@ionic-enterprise/auth';",
        "AuthConnect.setup({ platform: 'capacitor', ios: { webView: 'shared' } });",
        `export const options: ProviderOptions = { clientId: '${ID}', discoveryUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration', redirectUri: 'contoso://login', logoutUrl: 'contoso://logout' };`,
      ]);
      const config = only(parsed);
      assert.equal(config.library, 'ionic-auth-connect');
      assert.equal(config.authority?.value, 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration');
      assert.match(config.userAgent!.description, /ASWebAuthenticationSession on iOS/);
      assert.deepEqual(redirects(config), ['publicClient redirect contoso://login', 'publicClient postLogout contoso://logout']);
    });
  });

  describe('Electron', () => {
    // AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples ElectronTestApp (BrowserWindow +
    // getAuthCodeUrl) and ElectronSystemBrowserTestApp (acquireTokenInteractive + setAsDefaultProtocolClient).
    const main = (body: string[]) =>
      parse('/w/src/AuthProvider.ts', [
        "import { BrowserWindow, shell, app } from 'electron';",
        "import { PublicClientApplication } from '@azure/msal-node';",
        "import * as authConfig from './config/AAD.json';",
        ...body,
      ]);

    it('knows an authorize URL loaded into a BrowserWindow as an embedded web view', () => {
      const parsed = main([
        'async function login(win: BrowserWindow, pca: PublicClientApplication) {',
        '  const url = await pca.getAuthCodeUrl(request);',
        '  await win.loadURL(url);',
        '}',
      ]);
      assert.equal(parsed.signIn?.userAgent.kind, 'embedded');
      assert.deepEqual(parsed.signIn?.configImports, ['./config/AAD.json']);
    });

    it("knows acquireTokenInteractive as the system browser with msal-node's loopback redirect only", () => {
      const parsed = main([
        "app.setAsDefaultProtocolClient('msal-contoso');",
        'export const login = (pca: PublicClientApplication) => pca.acquireTokenInteractive({ scopes: [], openBrowser: (url: string) => shell.openExternal(url) });',
      ]);
      assert.equal(parsed.signIn?.userAgent.kind, 'system-browser');
      assert.equal(parsed.signIn?.userAgent.loopbackOnly, true);
    });

    it('knows shell.openExternal of an authorize URL as the system browser', () => {
      const parsed = main(['async function login(pca: PublicClientApplication) {', '  await shell.openExternal(await pca.getAuthCodeUrl(request));', '}']);
      assert.deepEqual([parsed.signIn?.userAgent.kind, parsed.signIn?.userAgent.loopbackOnly], ['system-browser', undefined]);
    });
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const text =
      `\uFEFFimport { authorize } from 'react-native-app-auth';\r\nconst config = {\r\n\tclientId: '${ID}',\r\n\tissuer: 'https://login.microsoftonline.com/common/v2.0',\r\n\tredirectUrl: 'contoso-crlf://cb',\r\n};\r\nauthorize(config);\r\n`.slice(
        1,
      );
    const [uri] = only(readMsalJs('/w/login.js', text)).redirectUris;
    assert.equal(text.slice(uri.range.start, uri.range.end), 'contoso-crlf://cb');
  });

  it('never throws on broken library calls', () => {
    for (const text of [
      "import { makeRedirectUri } from 'expo-auth-session'; makeRedirectUri(); makeRedirectUri(1, 2); const r = { redirectUri: makeRedirectUri(...args) };",
      "import PublicClientApplication from 'react-native-msal'; new PublicClientApplication(); new PublicClientApplication({ auth: null });",
      "import { MsAuthPlugin } from '@recognizebv/capacitor-plugin-msauth'; MsAuthPlugin.login(); MsAuthPlugin.login(null);",
      'cordova.plugins.msalPlugin.msalInit(); msalInit(1, 2, 3);',
      "import { authorize } from 'react-native-app-auth'; authorize(); authorize(config, { clientId: ",
    ]) {
      assert.doesNotThrow(() => readMsalJs('/w/src/auth.ts', text));
    }
  });

  it('reports the findings its fixtures expect (mobile libraries)', () => {
    const dir = path.join(FIXTURES, 'formats/msal-js/mobile');
    const files = ['expo/SignInScreen.tsx', 'app-auth/microsoft.ts', 'ionic/auth-config.ts', 'capacitor/session.ts', 'cordova/www/js/index.js'].map((f) =>
      path.join(dir, f),
    );
    assertInlineExpectations(files, ['custom-scheme-redirect']);
    const { findings } = lintFixtures(files);
    const expo = findings.get(files[0])!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.match(expo.message, /^Custom scheme 'contoso-field:\/\/auth' .* use an https App Link or Universal Link\.$/);
    assert.ok(fs.existsSync(files[4]));
  });
});
