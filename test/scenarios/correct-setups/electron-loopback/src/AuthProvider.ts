// Shape: AzureAD/microsoft-authentication-library-for-js samples/msal-node-samples/ElectronSystemBrowserTestApp
// src/AuthProvider.ts (acquireTokenInteractive: the system browser and msal-node's loopback listener).
import { shell } from 'electron';
import { PublicClientApplication } from '@azure/msal-node';
import * as authConfig from './config/AAD.json';

const pca = new PublicClientApplication({ auth: authConfig.authOptions });

export const login = () => pca.acquireTokenInteractive({ scopes: ['User.Read'], openBrowser: async (url: string) => void (await shell.openExternal(url)) });
