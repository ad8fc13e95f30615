// Shape: Azure-Samples/ms-identity-javascript-react-tutorial 1-Authentication/1-sign-in/SPA/src/authConfig.js
// (msal-browser, a single-tenant authority, the redirect on the SPA platform over https).
import { LogLevel, type Configuration } from '@azure/msal-browser';

export const msalConfig: Configuration = {
  auth: {
    clientId: '3c9b1f2e-7a4d-4e8b-9c1a-2b3d4e5f6a7b',
    authority: 'https://login.microsoftonline.com/8d2c4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
    redirectUri: 'https://notes.contoso.com/',
    postLogoutRedirectUri: 'https://notes.contoso.com/',
  },
  cache: { cacheLocation: 'sessionStorage' },
  system: { loggerOptions: { logLevel: LogLevel.Warning } },
};

export const loginRequest = { scopes: ['User.Read'] };
