// msal-node configuration of the Contoso Portal desktop app (Electron).
const { PublicClientApplication } = require('@azure/msal-node');

const CLIENT_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

const msalConfig = {
  auth: {
    clientId: CLIENT_ID,
    authority: 'https://login.microsoftonline.com/common',
  },
};

// The custom protocol makes Entra ask "Are you trying to sign in to Contoso Portal?" after every sign-in.
const authCodeUrlParameters = {
  scopes: ['User.Read'],
  redirectUri: `msal${CLIENT_ID}://auth`,
};

module.exports = { pca: new PublicClientApplication(msalConfig), authCodeUrlParameters };
