// Other identity providers through the same mobile libraries: Google with expo-auth-session's provider
// (expo-auth-session src/providers/Google.ts), Duende's demo server with react-native-app-auth (the
// FormidableLabs/react-native-app-auth examples/demo shape), Auth0 with Ionic Auth Connect. Their custom
// schemes never reach Entra: no finding.
import * as Google from 'expo-auth-session/providers/google';
import { authorize } from 'react-native-app-auth';

export const useGoogle = () =>
  Google.useAuthRequest({ clientId: '1234-abcd.apps.googleusercontent.com', redirectUri: 'com.googleusercontent.apps.1234-abcd:/oauth2redirect' });

const demo = { issuer: 'https://demo.duendesoftware.com', clientId: 'interactive.public', redirectUrl: 'io.identityserver.demo:/oauthredirect', scopes: ['openid'] };
export const signInDemo = () => authorize(demo);
