// Contoso Visits (Expo): signs in with Microsoft Entra ID through expo-auth-session, which always opens a
// system browser (ASWebAuthenticationSession on iOS, Custom Tabs on Android).
import * as AuthSession from 'expo-auth-session';

const clientId = '1c2d3e4f-5061-4728-9394-a5b6c7d8e9f0';

export function useEntraSignIn() {
  const discovery = AuthSession.useAutoDiscovery('https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0');

  // Bad: makeRedirectUri() returns the app's scheme from app.json (contoso-visits://auth) in a build, a
  // custom scheme that shows "Are you trying to sign in to …?" (AADSTS50199) in the system browser.
  const [request, , promptAsync] = AuthSession.useAuthRequest(
    { clientId, scopes: ['openid', 'profile', 'offline_access'], redirectUri: AuthSession.makeRedirectUri({ path: 'auth' }) },
    discovery,
  );

  // Good: an https redirect the app claims as an App Link / Universal Link never shows the prompt.
  const [appLinkRequest, , promptWithAppLink] = AuthSession.useAuthRequest(
    { clientId, scopes: ['openid', 'profile', 'offline_access'], redirectUri: 'https://visits.contoso.com/auth/callback' },
    discovery,
  );

  return { request, promptAsync, appLinkRequest, promptWithAppLink };
}
