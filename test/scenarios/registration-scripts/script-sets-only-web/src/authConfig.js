// msal-browser config of the same app: its SPA redirect may well be registered in the portal.
import { PublicClientApplication } from '@azure/msal-browser';

export const msalConfig = {
  auth: {
    clientId: '6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    redirectUri: 'http://localhost:3000/redirect',
  },
};
export const msalInstance = new PublicClientApplication(msalConfig);
