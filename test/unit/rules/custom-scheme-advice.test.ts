import * as assert from 'node:assert/strict';
import { defaultUserAgent, isPhoneLibrary, LIBRARIES, runsOnIos } from '../../../src/core/entra/libraries';
import type { Library } from '../../../src/core/model';
import { configFile, lintModel } from './model-builders';

// The first sentence's fix follows where the library's apps run (LIBRARIES[…].platforms), and agrees with the
// detail: flutter_appauth (MaikuB/flutter_appauth example/lib/main.dart, `redirectUrl: 'com.duendesoftware.demo:/oauthredirect'`)
// and flutter_web_auth_2 (COS301-SE-2024/BeakPeek lib/Controller/Azure/login.dart) build phone apps, where no
// loopback listener receives the redirect.

function advice(library: Library): { message: string; detail: string } {
  const file = configFile('/w/lib/auth.dart', 'com.contoso.field://oauthredirect', { library, userAgent: defaultUserAgent(library) });
  const [finding] = lintModel([file], file.path, 'custom-scheme-redirect');
  assert.ok(finding, `no finding for ${library}`);
  return { message: finding.message, detail: finding.detail ?? '' };
}

describe('custom-scheme-redirect: advice per library platform', () => {
  it('advises an App Link / Universal Link for Flutter AppAuth libraries, in the first sentence and the detail', () => {
    for (const library of ['flutter-appauth', 'flutter-web-auth', 'oauth2-client', 'maui-webauthenticator'] as const) {
      const { message, detail } = advice(library);
      assert.match(message, /; use an https App Link or Universal Link\.$/, library);
      assert.doesNotMatch(message, /localhost/, library);
      assert.match(detail, /Android App Link, iOS Universal Link\); this library never uses the broker/, library);
    }
    // flutter_web_auth_2 also builds Windows and Linux apps, where the loopback redirect works.
    assert.match(advice('flutter-web-auth').detail, /on Windows and Linux, http:\/\/localhost/);
    assert.doesNotMatch(advice('flutter-appauth').detail, /localhost/);
  });

  it('keeps the loopback advice for desktop libraries', () => {
    assert.match(advice('msal-dotnet').message, /; use http:\/\/localhost\.$/);
    assert.match(advice('unknown').message, /; use http:\/\/localhost\.$/);
  });

  it('keeps the mobile advice of React Native libraries', () => {
    assert.match(advice('react-native-app-auth').message, /; use an https App Link or Universal Link\.$/);
  });
});

describe('LIBRARIES platforms: one fact for every reader and rule', () => {
  it('says which libraries run on iOS and which are phone-only', () => {
    const ios = (Object.keys(LIBRARIES) as Library[]).filter(runsOnIos);
    for (const library of ['msal-ios', 'appauth-ios', 'msal-dotnet', 'react-native-msal', 'expo-auth-session', 'flutter-appauth', 'msal-flutter'] as const)
      assert.ok(ios.includes(library), library);
    for (const library of ['msal-android', 'appauth-android', 'msal-browser', 'msal-node', 'electron', 'msal-python', 'unknown'] as const)
      assert.ok(!ios.includes(library), library);
    assert.ok(isPhoneLibrary('react-native'));
    assert.ok(isPhoneLibrary('flutter-appauth'));
    assert.ok(!isPhoneLibrary('msal-dotnet'));
    assert.ok(!isPhoneLibrary('flutter-web-auth'));
  });
});
