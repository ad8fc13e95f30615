// With "testPaths": [] no file is test code: the stub client id is an error even in a spec.
import * as msal from '@azure/msal-node';

export const app = new msal.PublicClientApplication({
  auth: {
    clientId: '123', // expect: client-id-format/error
  },
});
