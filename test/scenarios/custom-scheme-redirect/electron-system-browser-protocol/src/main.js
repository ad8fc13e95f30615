const { app, shell } = require('electron');
const { PublicClientApplication } = require('@azure/msal-node');
const config = require('./authConfig');

app.setAsDefaultProtocolClient('contoso-desk');
const pca = new PublicClientApplication({ auth: config.auth });

async function signIn() {
  const url = await pca.getAuthCodeUrl({ scopes: ['User.Read'], redirectUri: config.redirectUri });
  await shell.openExternal(url);
}

module.exports = { signIn };
