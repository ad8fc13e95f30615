// Shape of Azure-Samples/ms-identity-javascript-react-tutorial 1-Authentication/2-sign-in-b2c/SPA/src/authConfig.js:
// the B2C user flows as `{ authority }` objects of a policies object, and the MSAL config trusting their
// host through `knownAuthorities: [b2cPolicies.authorityDomain]`. Each policy authority is checked against
// that list: all trusted, no finding.
import { LogLevel } from '@azure/msal-browser';

export const b2cPolicies = {
  names: { signUpSignIn: 'B2C_1_susi', editProfile: 'B2C_1_edit_profile' },
  authorities: {
    signUpSignIn: { authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/B2C_1_susi' },
    editProfile: { authority: 'https://contosob2c.b2clogin.com/contosob2c.onmicrosoft.com/B2C_1_edit_profile' },
  },
  authorityDomain: 'contosob2c.b2clogin.com',
};

export const msalConfig = {
  auth: {
    clientId: '8e7d6c5b-4a3f-4e2d-9c1b-0a9f8e7d6c5b',
    authority: b2cPolicies.authorities.signUpSignIn.authority,
    knownAuthorities: [b2cPolicies.authorityDomain],
    redirectUri: '/',
  },
  system: { loggerOptions: { logLevel: LogLevel.Warning } },
};

// A request for another policy: its authority is the app's too.
export const editProfileRequest = { scopes: ['openid'], authority: b2cPolicies.authorities.editProfile.authority };
