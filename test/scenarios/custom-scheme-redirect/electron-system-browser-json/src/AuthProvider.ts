// Shape of AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronTestApp
// (src/config/AAD.json with the redirect in authCodeUrlParameters and authCodeRequest plus customProtocol),
// but opening the sign-in page in the system browser: the custom scheme is reported once, where the
// authorize request takes it, not for the token request's copy or the protocol name.
import { PublicClientApplication } from '@azure/msal-node';
import { shell } from 'electron';
import * as authConfig from './config/AAD.json';

const pca = new PublicClientApplication({ auth: authConfig.authOptions });

export async function signIn(): Promise<void> {
  const url = await pca.getAuthCodeUrl(authConfig.request.authCodeUrlParameters);
  await shell.openExternal(url);
}
