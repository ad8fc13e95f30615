// An Electron app that opens the authorize URL in the default browser and gets the code back through its
// custom protocol (electronjs.org deep links tutorial shape with msal-node's getAuthCodeUrl): the prompt shows.
module.exports = {
  auth: { clientId: '7c6b5a4f-3e2d-4c1b-8a9f-0e7d6c5b4a3f', authority: 'https://login.microsoftonline.com/organizations' },
  redirectUri: 'contoso-desk://auth', // expect: custom-scheme-redirect/warning
};
