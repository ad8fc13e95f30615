import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { dartFormat } from '../../../src/core/formats/dart';
import type { ParsedFile } from '../../../src/core/model';
import { assertInlineExpectations, coveredText, FIXTURES, lintFixtures } from '../../helpers/expectations';
import { rangeText as slice } from '../../../src/core/io/text';

// Fixtures are our own, each modelled on the public file its header names.
const dir = path.join(FIXTURES, 'formats/dart');
const fixture = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '');
const parse = (name: string): ParsedFile => dartFormat.parse(fixture(name), read(name));
const parseText = (text: string): ParsedFile => dartFormat.parse('/w/lib/auth.dart', text);
const redirects = (parsed: ParsedFile) =>
  parsed.configs.flatMap((c) => c.redirectUris.map((u) => `${c.library} ${u.platform} ${u.role} ${u.value}${u.partial ? ' (partial)' : ''}`));

describe('format: dart', () => {
  it('reads .dart files that mention a sign-in library or a redirect, by content', () => {
    assert.equal(dartFormat.byName('/w/lib/services/auth_service.dart'), 'sniff');
    assert.equal(dartFormat.byName('/w/pubspec.yaml'), 'no');
    assert.equal(detectFormat('/w/lib/widgets/button.dart', "import 'package:flutter/material.dart';\nclass B {}\n"), undefined);
    assert.equal(detectFormat('/w/lib/screens/home.dart', read('appauth_entra.dart'))?.id, 'dart');
    assert.equal(detectFormat('/w/lib/config.dart', "const redirectUrl = 'com.contoso://auth';")?.id, 'dart');
  });

  it('reads flutter_appauth requests: redirect through consts and interpolation, issuer from the service configuration', () => {
    const text = read('appauth_entra.dart');
    const parsed = parse('appauth_entra.dart');
    assert.deepEqual(parsed.problems, []);
    const [first] = parsed.configs;
    assert.equal(first.library, 'flutter-appauth');
    assert.equal(first.clientId?.value, '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
    assert.equal(first.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize');
    assert.equal(first.userAgent?.kind, 'system-browser');
    // The interpolated const: the value resolved, the range the literal as written.
    assert.equal(first.redirectUris[0].value, 'com.contoso.field://oauthredirect');
    assert.equal(slice(text, first.redirectUris[0].range), '$scheme://oauthredirect');
    // The second request sends the same redirect the same way: kept once.
    assert.equal(parsed.configs[1].redirectUris.length, 0);
    assert.equal(parsed.configs[1].userAgent?.description, 'an ephemeral ASWebAuthenticationSession on iOS and Custom Tabs on Android (flutter_appauth)');
    assert.deepEqual(redirects(parsed), [
      'flutter-appauth publicClient redirect com.contoso.field://oauthredirect',
      'flutter-appauth publicClient redirect https://field.contoso.example/auth',
      'flutter-appauth publicClient redirect com.contoso.raw://auth',
      'flutter-appauth publicClient redirect com.contoso.triple://auth',
      'flutter-appauth publicClient redirect msauth.com.contoso.field://auth/',
      'flutter-appauth publicClient redirect com.contoso.field://msauth/abc123/',
      'flutter-appauth publicClient redirect com.contoso.env://auth',
      'flutter-appauth publicClient redirect msauth://com.contoso.field/redirect',
    ]);
    // Adjacent literals join; raw and triple-quoted strings keep exact ranges.
    assert.equal(parsed.configs[3].authority?.value, 'https://login.microsoftonline.com/common/v2.0');
    assert.equal(slice(text, parsed.configs[3].redirectUris[0].range), 'com.contoso.raw://auth');
    assert.equal(slice(text, parsed.configs[4].redirectUris[0].range), 'com.contoso.triple://auth');
  });

  it('leaves other providers alone and drops a request whose issuer cannot be seen', () => {
    // Google, Okta, Auth0, Keycloak, an own server, Duende, and an issuer from a parameter: no config at all,
    // so no rule about Entra judges them.
    assert.deepEqual(parse('appauth_providers.dart').configs, []);
  });

  it('reads B2C through fields and the positional service configuration of older flutter_appauth', () => {
    const parsed = parse('appauth_b2c.dart');
    assert.equal(parsed.configs.length, 2);
    assert.equal(parsed.configs[0].authority?.value, 'https://fabrikamb2c.b2clogin.com/te/fabrikamb2c.onmicrosoft.com/b2c_1_susi/oauth2/v2.0/authorize');
    assert.deepEqual(redirects(parsed), ['flutter-appauth publicClient redirect com.fabrikam.b2c://oauth/redirect']);
  });

  it('reads aad_oauth configs as an embedded web view, and only with aad_oauth', () => {
    const parsed = parse('aad_oauth_config.dart');
    assert.deepEqual(
      parsed.configs.map((c) => [c.library, c.userAgent?.kind, c.authority?.value]),
      [
        ['aad-oauth', 'embedded', 'https://login.microsoftonline.com/b7af8caf-0000-4644-85ae-317c545223c1'],
        ['aad-oauth', 'embedded', 'https://login.microsoftonline.com/common'],
        ['aad-oauth', 'embedded', 'https://fabrikamb2c.b2clogin.com/fabrikamb2c.onmicrosoft.com/B2C_1_signupsignin'],
      ],
    );
    assert.deepEqual(redirects(parsed), [
      'aad-oauth publicClient redirect msauth://com.contoso.sign/callback',
      'aad-oauth publicClient postLogout msauth://com.contoso.sign/callback',
      'aad-oauth publicClient redirect com.fabrikam.b2c://oauthredirect',
    ]);
    assert.deepEqual(parse('not_aad_oauth.dart').configs, []);
  });

  it('reads msal_auth per platform and names the Android asset config', () => {
    const parsed = parse('msal_auth_broker/lib/auth_service.dart');
    assert.deepEqual(
      parsed.configs.map((c) => [c.platform, c.settingsFile?.value, c.userAgent?.kind, c.authority?.value]),
      [
        ['android', 'assets/msal_config.json', 'broker', undefined],
        ['ios', undefined, 'broker', 'https://login.microsoftonline.com/49f64f9b-0000-4ceb-97a3-d40679183765'],
        ['android', 'assets/msal_config.json', 'broker', undefined],
        ['ios', undefined, 'system-browser', 'https://login.microsoftonline.com/organizations'],
      ],
    );
    assert.equal(parsed.configs[2].tenant?.value, '49f64f9b-0000-4ceb-97a3-d40679183765');
    const app = parse('msal_auth_app/lib/services/auth_service.dart');
    assert.equal(app.configs[1].userAgent?.kind, 'embedded');
    assert.deepEqual(redirects(app), ['msal-auth-flutter android redirect msalcd8d142c-0000-4f3c-ac2e-7f2da60e2965://auth']);
  });

  it('takes the user agent of the asset config msal_auth loads, with the config as related information', () => {
    const dart = fixture('msal_auth_app/lib/services/auth_service.dart');
    const json = fixture('msal_auth_app/assets/msal_config.json');
    const { findings } = lintFixtures([dart, json]);
    const [finding] = findings.get(dart)!.filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.detail ?? '', /Custom Tabs \(broker_redirect_uri_registered is false\)/);
    assert.equal(finding.related[0]?.file, json);
    // Without the asset config in view, MSAL's defaults (the broker, then Custom Tabs) are assumed.
    const alone = lintFixtures([dart])
      .findings.get(dart)!
      .filter((f) => f.ruleId === 'custom-scheme-redirect');
    assert.equal(alone[0].severity, 'warning');
    assert.match(alone[0].detail ?? '', /signs in through the system browser/);
  });

  it('reads msal_flutter 2.x/3.x and 1.x configs with their Android options', () => {
    const parsed = parse('msal_flutter_config.dart');
    assert.deepEqual(
      parsed.configs.map((c) => [c.platform, c.userAgent?.kind, c.userAgent?.fallback]),
      [
        ['android', 'system-browser', undefined],
        ['ios', 'broker', 'system-browser'],
        ['android', 'broker', 'embedded'],
        ['android', 'system-browser', undefined],
      ],
    );
  });

  it('reads flutter_web_auth_2: the redirect_uri of the authorize URL, else the callback scheme', () => {
    const text = read('web_auth.dart');
    const parsed = parse('web_auth.dart');
    assert.deepEqual(redirects(parsed), [
      'flutter-web-auth publicClient redirect com.contoso.birds://auth',
      'flutter-web-auth publicClient redirect com.contoso.birds://callback',
      'flutter-web-auth publicClient scheme com.contoso.b2c:// (partial)',
    ]);
    // A percent-encoded redirect_uri: its value decoded, its range the encoded text.
    assert.equal(slice(text, parsed.configs[1].redirectUris[0].range), 'com.contoso.birds%3A%2F%2Fcallback');
    assert.equal(parsed.configs[1].userAgent?.description, 'an ephemeral ASWebAuthenticationSession on iOS and Custom Tabs on Android (flutter_web_auth_2)');
    assert.equal(parsed.configs[2].authority?.value, 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/B2C_1_signin/oauth2/v2.0/authorize');
  });

  it('reads oauth2_client: MicrosoftOauth2Client signs in with Entra through flutter_web_auth_2', () => {
    const parsed = parse('oauth2_client.dart');
    assert.deepEqual(
      parsed.configs.map((c) => [c.library, c.authority?.value, c.userAgent?.kind]),
      [['oauth2-client', 'https://login.microsoftonline.com/contoso.onmicrosoft.com', 'system-browser']],
    );
    assert.deepEqual(redirects(parsed), ['oauth2-client publicClient redirect com.contoso.graph://oauth2redirect']);
  });

  it('keeps exact ranges with a BOM, CRLF and tabs', () => {
    const raw = fs.readFileSync(fixture('tabs_crlf.dart'), 'utf8');
    const { findings } = lintFixtures([fixture('tabs_crlf.dart')]);
    const finding = findings.get(fixture('tabs_crlf.dart'))!.find((f) => f.ruleId === 'custom-scheme-redirect')!;
    assert.deepEqual([finding.start.line, finding.start.character], [7, 4]);
    assert.equal(coveredText(raw, finding), 'com.contoso.tabs://auth');
  });

  it('reports the findings its fixtures expect', () => {
    const files = [
      'appauth_entra.dart',
      'appauth_b2c.dart',
      'appauth_providers.dart',
      'aad_oauth_config.dart',
      'not_aad_oauth.dart',
      'msal_flutter_config.dart',
      'web_auth.dart',
      'oauth2_client.dart',
      'tabs_crlf.dart',
    ].map(fixture);
    assertInlineExpectations(files, ['custom-scheme-redirect', 'parse-error']);
    assertInlineExpectations(['msal_auth_app/lib/services/auth_service.dart', 'msal_auth_app/assets/msal_config.json'].map(fixture).slice(0, 1), [
      'custom-scheme-redirect',
      'parse-error',
    ]);
  });

  it('follows ?? and ternaries, getters, String.fromEnvironment defaults and objects built in the file', () => {
    const text = [
      "import 'package:flutter_appauth/flutter_appauth.dart';",
      'class AuthConfig {',
      "  static const String tenantId = 'contoso.onmicrosoft.com';",
      "  static String get authority => 'https://login.microsoftonline.com/$tenantId/v2.0';",
      "  static const redirect = String.fromEnvironment('REDIRECT', defaultValue: 'com.contoso.env://auth');",
      '}',
      "const settings = Settings(redirect: 'com.contoso.settings://auth', issuer: 'https://login.microsoftonline.com/common/v2.0');",
      'void go(FlutterAppAuth a) {',
      '  a.authorize(AuthorizationRequest(id, AuthConfig.redirect, issuer: AuthConfig.authority));',
      '  a.authorize(AuthorizationRequest(id, settings.redirect, issuer: settings.issuer));',
      '}',
    ].join('\n');
    const parsed = parseText(text);
    assert.deepEqual(
      parsed.configs.map((c) => c.authority?.value),
      ['https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', 'https://login.microsoftonline.com/common/v2.0'],
    );
    assert.deepEqual(redirects(parsed), [
      'flutter-appauth publicClient redirect com.contoso.env://auth',
      'flutter-appauth publicClient redirect com.contoso.settings://auth',
    ]);
  });

  it('lets a parameter hide a declaration of the same name: its value comes from the callers', () => {
    const text = [
      "const url = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?redirect_uri=a%3A%2F%2Fb';",
      "const redirect = 'com.contoso.top://auth';",
      "const issuer = 'https://login.microsoftonline.com/common/v2.0';",
      'class Client {',
      "  Future<String> authenticate({required String url}) => FlutterWebAuth2.authenticate(url: url, callbackUrlScheme: 'birds');",
      '  Future<void> signIn(String redirect) async {',
      '    if (redirect.isEmpty) {',
      '      await a.authorize(AuthorizationRequest(id, redirect, issuer: issuer));',
      '    }',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(redirects(parseText(text)), []);
  });

  it('keeps a redirect whose host is unknown as partial, and drops one whose scheme is unknown', () => {
    const text = [
      "const issuer = 'https://login.microsoftonline.com/common/v2.0';",
      'f(String host, String scheme) {',
      "  AuthorizationRequest(id, 'com.contoso://$host/auth', issuer: issuer);",
      "  AuthorizationRequest(id, '$scheme://auth', issuer: issuer);",
      "  AuthorizationRequest(id, 'x', issuer: 'https://login.microsoftonline.com/$tenant/v2.0');",
      '}',
    ].join('\n');
    const parsed = parseText(text);
    assert.deepEqual(redirects(parsed), [
      'flutter-appauth publicClient redirect com.contoso://${host}/auth (partial)',
      'flutter-appauth publicClient redirect x',
    ]);
    // An issuer known up to its tenant still names its host.
    assert.equal(parsed.configs[2].authority?.value, 'https://login.microsoftonline.com/');
  });

  it('reports malformed input and keeps what it can read', () => {
    const text =
      "const r = 'com.contoso://auth';\nx(AuthorizationTokenRequest(id, r, issuer: 'https://login.microsoftonline.com/common'));\nvar s = 'unterminated\n/* open";
    const parsed = parseText(text);
    assert.deepEqual(
      parsed.problems.map((p) => p.range.start),
      [text.indexOf("'unterminated"), text.indexOf('/* open')],
    );
    assert.deepEqual(redirects(parsed), ['flutter-appauth publicClient redirect com.contoso://auth']);
  });

  it('survives hostile nesting, cycles and long chains without recursion running away', () => {
    const deep = `x(AuthorizationTokenRequest(id, ${'('.repeat(100_000)}'a://b'${')'.repeat(100_000)}, issuer: 'https://login.microsoftonline.com/common'));`;
    assert.equal(parseText(deep).configs.length, 1);
    const cycle = "const a = b;\nconst b = a;\nx(AuthorizationTokenRequest(id, a, issuer: 'https://login.microsoftonline.com/common'));";
    assert.deepEqual(redirects(parseText(cycle)), []);
    const chain =
      Array.from({ length: 5000 }, (_, i) => `const v${i} = v${i + 1};`).join('\n') +
      "\nconst v5000 = 'c://d';\nx(AuthorizationRequest(id, v0, issuer: 'https://login.microsoftonline.com/common'));";
    assert.deepEqual(redirects(parseText(chain)), []);
    // Every name declared four times, twenty names deep: resolving is budgeted, so this ends quickly.
    const fanOut =
      Array.from({ length: 20 }, (_, i) => `v${i} = v${i + 1};\n`.repeat(4)).join('') +
      "x(AuthorizationRequest(id, v0, issuer: 'https://login.microsoftonline.com/common'));";
    assert.deepEqual(redirects(parseText(fanOut)), []);
    const holes = `const a = '${'${'.repeat(2000)}x${'}'.repeat(2000)}';\nx(AuthorizationRequest(id, a, issuer: 'https://login.microsoftonline.com/common'));`;
    assert.doesNotThrow(() => parseText(holes));
  });
});
