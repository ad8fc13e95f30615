// Shape of AzureAD/microsoft-authentication-library-for-js
// samples/msal-angular-v3-samples/angular-b2c-sample-app/src/environments/environment.dev.ts: a build
// replacement of environment.ts holding the B2C user flows as `{ authority }` objects. The MSAL config
// and its knownAuthorities are built in app.module.ts, so the list is not in view here: no finding.
export const environment = {
  production: false,
  msalConfig: { auth: { clientId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9' } },
  b2cPolicies: {
    names: { signUpSignIn: 'b2c_1_susi', resetPassword: 'b2c_1_reset' },
    authorities: {
      signUpSignIn: { authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi' },
      resetPassword: { authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_reset' },
    },
    authorityDomain: 'contosob2c.b2clogin.com',
  },
};
