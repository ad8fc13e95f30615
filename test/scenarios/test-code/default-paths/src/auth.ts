// The same mistake in product code is an error.
import * as msal from '@azure/msal-node';

export const app = new msal.PublicClientApplication({
  auth: {
    clientId: '123', // expect: client-id-format/error
  },
});
