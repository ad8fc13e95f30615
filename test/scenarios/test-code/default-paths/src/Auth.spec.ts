// Shape: pnp/cli-microsoft365 src/Auth.spec.ts — a unit test builds an MSAL app with a stub client id.
// In test code the finding is capped at information (the default testPaths include *.spec.*).
import * as msal from '@azure/msal-node';

describe('Auth', () => {
  const publicApplication = new msal.PublicClientApplication({
    auth: {
      clientId: '123', // expect: client-id-format/information
    },
  });
  it('signs in', () => publicApplication);
});
