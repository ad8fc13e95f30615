// A team's own test folder (testPaths replaces the defaults): capped at information here (never a warning in test code).
import * as msal from '@azure/msal-node';

export const app = new msal.PublicClientApplication({
  auth: {
    clientId: '123', // expect: client-id-format/information
  },
});
