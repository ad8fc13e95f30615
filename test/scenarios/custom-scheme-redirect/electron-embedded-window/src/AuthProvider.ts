// Shape of AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronTestApp
// (src/AuthProvider.ts, src/config/AAD.json): the authorize URL is loaded into a BrowserWindow and the
// custom-scheme redirect is caught by a registered protocol, so the code arrives in an embedded web view:
// no AADSTS50199 prompt, for all three URIs of the JSON config.
import { BrowserWindow, protocol } from 'electron';
import { PublicClientApplication } from '@azure/msal-node';
import * as authConfig from './config/AAD.json';

export class AuthProvider {
  private readonly pca = new PublicClientApplication({ auth: authConfig.authOptions });

  async login(authWindow: BrowserWindow): Promise<void> {
    protocol.registerStringProtocol(authConfig.customProtocol.name, (request, callback) => callback(request.url));
    const navigateUrl = await this.pca.getAuthCodeUrl(authConfig.request.authCodeUrlParameters);
    await authWindow.loadURL(navigateUrl);
  }
}
