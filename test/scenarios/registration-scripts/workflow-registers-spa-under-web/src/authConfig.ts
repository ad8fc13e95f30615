import { PublicClientApplication, type Configuration } from '@azure/msal-browser';

export const msalConfig: Configuration = {
  auth: {
    clientId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    redirectUri: 'https://spa.contoso.example/', // expect: spa-redirect-on-web-platform/error
  },
};
export const msalInstance = new PublicClientApplication(msalConfig);
