// Shape of Azure-Samples/ms-identity-javascript-react-tutorial SPA/src/authConfig.js with index.js passing
// `msalConfig` to `new PublicClientApplication(...)`: the config is whole here, and its B2C host is not in
// knownAuthorities, so MSAL throws untrusted_authority.
export const msalConfig = {
  auth: {
    clientId: '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c',
    authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/B2C_1_susi', // expect: untrusted-authority/error
    redirectUri: '/',
  },
};
