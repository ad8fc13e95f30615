// Shape of AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronSystemBrowserTestApp
// (src/Main.ts, src/AuthProvider.ts): the app registers its custom protocol with setAsDefaultProtocolClient,
// but signs in with acquireTokenInteractive, whose only redirect is msal-node's http://localhost loopback.
import { app } from 'electron';
import * as authConfig from './config/AAD.json';

app.setAsDefaultProtocolClient(authConfig.customProtocol.name);
