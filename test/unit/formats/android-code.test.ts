import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat } from '../../../src/core/formats';
import { androidCodeFormat } from '../../../src/core/formats/android-code';
import { stripBom, rangeText as slice } from '../../../src/core/io/text';
import { identityProvider } from '../../../src/core/entra/libraries';
import { filesUnder } from '../../helpers/files';
import { assertInlineExpectations, FIXTURES } from '../../helpers/expectations';

const dir = path.join(FIXTURES, 'formats/android-code/app/src/main/java/com/contoso/field');
const file = (name: string) => path.join(dir, name);
const read = (name: string) => stripBom(fs.readFileSync(file(name), 'utf8'));
const parse = (name: string) => androidCodeFormat.parse(file(name), read(name));

describe('format: Android code (Kotlin, Java)', () => {
  it('reads a generically named .kt/.java file only when it holds a marker', () => {
    assert.equal(detectFormat(file('MsalStart.kt'), read('MsalStart.kt'))?.id, 'android-code');
    assert.equal(detectFormat(file('OktaLogin.java'), read('OktaLogin.java'))?.id, 'android-code');
    assert.equal(detectFormat('/w/app/src/main/java/Util.kt', 'fun add(a: Int, b: Int) = a + b\n'), undefined);
    assert.equal(androidCodeFormat.byName('/w/Util.kt'), 'sniff');
    assert.equal(androidCodeFormat.byName('/w/build.gradle.kts'), 'no');
  });

  it('links MSAL factories to their res/raw config, inside the call and as a bare R.raw reference', () => {
    const text = read('MsalStart.kt');
    const parsed = parse('MsalStart.kt');
    assert.deepEqual(
      parsed.androidConfigRefs?.map((r) => [r.resource, r.factory, slice(text, r.range)]),
      [
        ['auth_config_single_account', 'createSingleAccountPublicClientApplication', 'R.raw.auth_config_single_account'],
        ['auth_config_multiple', 'reference', 'R.raw.auth_config_multiple'],
      ],
    );
  });

  it('reads create(context, clientId, authority, redirectUri, listener) as a config merged over MSAL defaults', () => {
    const text = read('MsalStart.kt');
    const [config] = parse('MsalStart.kt').configs;
    assert.equal(config.library, 'msal-android');
    assert.equal(config.clientId?.value, '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/organizations');
    const [uri] = config.redirectUris;
    assert.equal(uri.value, 'msal6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b://auth', 'the template hole names a const of the file');
    assert.equal(slice(text, uri.range), 'msal$MSAL_CLIENT://auth');
    assert.deepEqual([config.userAgent?.kind, config.userAgent?.fallback], ['broker', 'system-browser'], 'broker_redirect_uri_registered defaults to true');
  });

  it('reads AppAuth requests with the issuer of fetchFromIssuer and consts followed through templates', () => {
    const text = read('EntraSignIn.kt');
    const [config] = parse('EntraSignIn.kt').configs;
    assert.deepEqual([config.library, config.userAgent?.kind], ['appauth-android', 'system-browser']);
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0');
    assert.equal(config.clientId?.value, '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b');
    const [uri] = config.redirectUris;
    assert.equal(uri.value, 'com.contoso.field:/oauth2redirect');
    assert.equal(slice(text, uri.range), '$SCHEME:/oauth2redirect', 'located where the value is written');
    assert.equal(identityProvider(config), 'entra');
    const [, elvis] = parse('EntraSignIn.kt').configs;
    assert.deepEqual(
      elvis.redirectUris.map((u) => [u.value, slice(text, u.range)]),
      [['com.contoso.field://fallback', 'com.contoso.field://fallback']],
      'the Elvis fallback is a value the app may send; the unknown override is not guessed',
    );
    assert.equal(elvis.authority?.value, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0', "the file's only issuer");
  });

  it('follows Java constants typed Uri and java.net.URI into an AppAuth request', () => {
    // The shape of openid/AppAuth-Android library/javatests/net/openid/appauth/TestValues.java (`static final Uri`).
    const text = [
      'import android.net.Uri;',
      'import net.openid.appauth.AuthorizationRequest;',
      'class Login {',
      '  static final Uri REDIRECT = Uri.parse("com.contoso.notes:/oauth2redirect");',
      '  static final URI FALLBACK = URI.create("com.contoso.notes:/fallback");',
      '  AuthorizationRequest a(AuthorizationServiceConfiguration c) { return new AuthorizationRequest.Builder(c, "id", "code", REDIRECT).build(); }',
      '  AuthorizationRequest b(AuthorizationServiceConfiguration c) { return new AuthorizationRequest.Builder(c, "id", "code", Uri.parse(FALLBACK.toString())).build(); }',
      '}',
    ].join('\n');
    const configs = androidCodeFormat.parse('/w/app/src/main/java/Login.java', text).configs;
    assert.deepEqual(
      configs.flatMap((c) => c.redirectUris.map((u) => [u.value, slice(text, u.range)])),
      [
        ['com.contoso.notes:/oauth2redirect', 'com.contoso.notes:/oauth2redirect'],
        ['com.contoso.notes:/fallback', 'com.contoso.notes:/fallback'],
      ],
    );
  });

  it('tells Entra from Google and Okta by the service configuration of each request', () => {
    const [google] = parse('GoogleSignIn.kt').configs;
    assert.equal(google.authority?.value, 'https://accounts.google.com/o/oauth2/v2/auth');
    assert.equal(identityProvider(google), 'other');
    const [okta] = parse('OktaLogin.java').configs;
    assert.equal(okta.authority?.value, 'https://dev-1234.okta.com/oauth2/default/v1/authorize');
    assert.equal(identityProvider(okta), 'other');
    const java = read('EntraLogin.java');
    const [https, legacy] = parse('EntraLogin.java').configs;
    assert.equal(
      https.authority?.value,
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      'static final String concatenation',
    );
    assert.equal(https.redirectUris[0].value, 'https://field.contoso.com/oauth2redirect');
    assert.equal(legacy.redirectUris[0].value, 'msauth://com.contoso.field/cmVsZWFzZWhhc2hyZWxlYXNlMTI%3D');
    assert.equal(slice(java, legacy.redirectUris[0].range), '"msauth://com.contoso.field/" + "cmVsZWFzZWhhc2hyZWxlYXNlMTI%3D"');
  });

  it('reports the findings its fixtures expect (custom schemes through AppAuth and MSAL; Google and Okta left alone)', () => {
    assertInlineExpectations(filesUnder(dir), ['custom-scheme-redirect', 'parse-error', 'client-id-format']);
  });

  it('keeps exact ranges with a BOM and CRLF, and reads what it can from broken code without throwing', () => {
    const crlf = '\uFEFFconst val R1 = "msauth://com.contoso.x/abc%3D"\r\nfun a() {\r\n  PublicClientApplication.create(ctx, "id", null, R1, l)\r\n}\r\n';
    const text = stripBom(crlf);
    const [config] = androidCodeFormat.parse('/w/A.kt', text).configs;
    assert.equal(slice(text, config.redirectUris[0].range), 'msauth://com.contoso.x/abc%3D');
    const broken = 'val r = "com.contoso:/cb"\nAuthorizationRequest.Builder(config, "id", ResponseTypeValues.CODE, Uri.parse(r)\n  "unterminated';
    const parsed = androidCodeFormat.parse('/w/B.kt', broken);
    assert.ok(parsed.problems.length > 0);
    for (const hostile of [
      '',
      '\u0000',
      'PublicClientApplication.create('.repeat(10_000),
      'val a = b\nval b = a\nPublicClientApplication.create(c, a, a, a, l)',
      '"'.repeat(9_999),
    ]) {
      androidCodeFormat.parse('/w/H.kt', hostile);
      androidCodeFormat.parse('/w/H.java', hostile);
    }
  });
});
