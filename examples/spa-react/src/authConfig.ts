import { Configuration, LogLevel } from '@azure/msal-browser';

// The React single-page app signs in with the same registration as the desktop app.
export const msalConfig: Configuration = {
  auth: {
    clientId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    redirectUri: 'http://localhost:3000/',
    postLogoutRedirectUri: `${window.location.origin}/signed-out`,
  },
  system: { loggerOptions: { logLevel: LogLevel.Warning } },
};
