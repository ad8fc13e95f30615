// An Expo screen with a generic name (read for its expo-auth-session calls): makeRedirectUri() without a
// scheme takes app.json's `expo.scheme`. Shape of calvin-cs262-fall2021-teamH/Client screens/home.js.
import { makeRedirectUri, useAuthRequest, useAutoDiscovery } from 'expo-auth-session';

export function Welcome() {
  const discovery = useAutoDiscovery('https://login.microsoftonline.com/organizations/v2.0');
  const [request, , promptAsync] = useAuthRequest(
    {
      clientId: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b',
      scopes: ['openid', 'offline_access'],
      redirectUri: makeRedirectUri({ path: 'signed-in' }), // expect: custom-scheme-redirect/warning
    },
    discovery,
  );
  return { request, promptAsync };
}
