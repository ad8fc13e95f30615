import * as assert from 'node:assert/strict';
import { identityProvider, mayBeEntra } from '../../../src/core/entra/libraries';
import type { AuthConfig, Library } from '../../../src/core/model';

function config(library: Library, authority?: string): AuthConfig {
  const config: AuthConfig = { kind: 'config', library, platform: 'publicClient', redirectUris: [], range: { start: 0, end: 0 } };
  if (authority) config.authority = { value: authority, range: { start: 0, end: authority.length } };
  return config;
}

describe('entra: identity provider of a config', () => {
  it('reads the provider from the authority, issuer or endpoint host', () => {
    assert.equal(identityProvider(config('react-native-app-auth', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0')), 'entra');
    assert.equal(identityProvider(config('appauth-android', 'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_susi/v2.0')), 'b2c');
    assert.equal(identityProvider(config('flutter-appauth', 'https://contoso.ciamlogin.com/')), 'ciam');
    assert.equal(identityProvider(config('expo-auth-session', 'https://accounts.google.com')), 'other');
    assert.equal(identityProvider(config('appauth-ios', 'https://dev-123.okta.com/oauth2/default')), 'other');
  });

  it('counts MSAL configs as Entra even without an authority or with a custom-domain host', () => {
    assert.equal(identityProvider(config('msal-android')), 'entra');
    assert.equal(identityProvider(config('msal-browser', 'https://login.contoso.example/tfp/contoso.onmicrosoft.com/B2C_1_susi')), 'b2c');
    assert.equal(identityProvider(config('msal-node', 'https://login.contoso.example/contoso')), 'entra');
  });

  it('leaves a provider-neutral library without an authority unknown, and judges it', () => {
    assert.equal(identityProvider(config('react-native-app-auth')), 'unknown');
    assert.equal(mayBeEntra(config('react-native-app-auth')), true);
    assert.equal(mayBeEntra(config('react-native-app-auth', 'https://demo.duendesoftware.com')), false);
  });
});
