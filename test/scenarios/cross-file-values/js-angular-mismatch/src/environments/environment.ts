// The environment.ts of js-angular-environment with a knownAuthorities host that is not the authority's.
export const environment = {
  production: false,
  msalConfig: {
    auth: {
      clientId: '2f9c8a1e-6b3d-4e5f-9a7b-1c2d3e4f5a6b',
    },
  },
  b2cPolicies: {
    names: { signUpSignIn: 'B2C_1_susi_v2' },
    // The sample nests `{ authority: … }` per policy; a plain string keeps this case about the link.
    authorities: { signUpSignIn: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/b2c_1_susi_v2' },
    authorityDomain: 'fabrikamb2c.b2clogin.com',
  },
};
