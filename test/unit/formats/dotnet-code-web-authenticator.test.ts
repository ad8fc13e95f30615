import * as assert from 'node:assert/strict';
import { dotnetCodeFormat } from '../../../src/core/formats/dotnet-code';
import type { AuthConfig } from '../../../src/core/model';
import { rangeText as slice } from '../../../src/core/io/text';

// MAUI / Xamarin.Essentials WebAuthenticator requests, in the shapes of the MAUI docs' sample
// (dotnet/docs-maui docs/platform-integration/essentials/web-authenticator.md: `new Uri("https://mysite.com/mobileauth/Microsoft")`,
// `new Uri("myapp://")`) and of apps that build the start URL from a backend constant and a provider name.

const requests = (text: string, file = '/w/App/Services/SignIn.cs'): AuthConfig[] =>
  dotnetCodeFormat.parse(file, text).configs.filter((c) => c.library === 'maui-webauthenticator');

describe('format: dotnet-code WebAuthenticator requests', () => {
  it('reads AuthenticateAsync(start, callback): the start URL is the authority, the callback the redirect', () => {
    const text =
      'var r = await WebAuthenticator.Default.AuthenticateAsync(new Uri("https://accounts.google.com/o/oauth2/v2/auth?client_id=x"), new Uri("com.contoso.app:/oauth2redirect"));';
    const [config] = requests(text);
    assert.equal(config.authority?.value, 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, slice(text, u.range), u.platform]),
      [['com.contoso.app:/oauth2redirect', 'com.contoso.app:/oauth2redirect', 'publicClient']],
    );
    assert.equal(config.userAgent?.kind, 'system-browser');
    assert.equal(config.receiver, undefined);
  });

  it('reads WebAuthenticatorOptions, consts of the file and the platform folder', () => {
    const text = [
      'const string Callback = "contoso://auth";',
      'var r = await WebAuthenticator.AuthenticateAsync(new WebAuthenticatorOptions {',
      '  Url = new Uri($"https://login.microsoftonline.com/{Tenant.Id}/oauth2/v2.0/authorize?redirect_uri={Callback}"),',
      '  CallbackUrl = new Uri(Callback), PrefersEphemeralWebBrowserSession = true });',
    ].join('\n');
    const [config] = requests(text, '/w/App/Platforms/Android/SignIn.cs');
    // Known in part: its origin tells the provider.
    assert.equal(config.authority?.value, 'https://login.microsoftonline.com');
    assert.deepEqual(
      config.redirectUris.map((u) => [u.value, u.platform]),
      [['contoso://auth', 'android']],
    );
  });

  it('gives no config when the start URL is not known, or the call is not WebAuthenticator’s', () => {
    assert.deepEqual(requests('var r = await WebAuthenticator.AuthenticateAsync(requestUri, new Uri("myapp://"));'), []);
    assert.deepEqual(requests('var r = await WebAuthenticator.AuthenticateAsync(options);'), []);
    assert.deepEqual(requests('var r = await authenticator.AuthenticateAsync(new Uri("https://login.microsoftonline.com/common"), new Uri("myapp://"));'), []);
    for (const broken of [
      'WebAuthenticator.AuthenticateAsync(',
      'WebAuthenticator.Default.AuthenticateAsync(new WebAuthenticatorOptions { Url = ',
      '.AuthenticateAsync()',
    ]) {
      assert.deepEqual(requests(broken), []);
    }
  });
});
