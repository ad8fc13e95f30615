// Contoso Field (Flutter): signs in with Microsoft Entra ID through flutter_appauth, which always opens a
// system browser (ASWebAuthenticationSession on iOS, Custom Tabs on Android).
import 'package:flutter_appauth/flutter_appauth.dart';

class AuthService {
  static const String clientId = '0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9';
  static const String authority = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0';

  // Bad: a custom scheme through the system browser shows "Are you trying to sign in to …?" (AADSTS50199).
  static const String redirectUrl = 'com.contoso.field://oauthredirect';

  // Good: an https redirect the app claims as an App Link / Universal Link never shows the prompt.
  static const String appLinkRedirect = 'https://field.contoso.com/auth/callback';

  final FlutterAppAuth _appAuth = const FlutterAppAuth();

  Future<AuthorizationTokenResponse?> signIn() => _appAuth.authorizeAndExchangeCode(
        AuthorizationTokenRequest(clientId, redirectUrl, issuer: authority, scopes: ['openid', 'profile', 'offline_access']),
      );

  Future<AuthorizationTokenResponse?> signInWithAppLink() => _appAuth.authorizeAndExchangeCode(
        AuthorizationTokenRequest(clientId, appLinkRedirect, issuer: authority, scopes: ['openid', 'profile', 'offline_access']),
      );
}
