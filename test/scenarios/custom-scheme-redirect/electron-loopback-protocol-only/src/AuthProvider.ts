import { shell } from 'electron';
import { PublicClientApplication } from '@azure/msal-node';
import * as authConfig from './config/AAD.json';

const pca = new PublicClientApplication({ auth: authConfig.authOptions });

export const login = () => pca.acquireTokenInteractive({ scopes: ['User.Read'], openBrowser: async (url: string) => void (await shell.openExternal(url)) });
