// tests/ is no longer test code once testPaths names other folders: an error.
import * as msal from '@azure/msal-node';

export const app = new msal.PublicClientApplication({
  auth: {
    clientId: '123', // expect: client-id-format/error
  },
});
