// Shape of recognizegroup/capacitor-plugin-msauth README: the plugin builds msauth://<appId>/<key hash>
// (broker off by default on Android) and msauth.<appId>://auth (MSAL's broker on iOS); capacitor.config.json
// names the app id.
import { MsAuthPlugin } from '@recognizebv/capacitor-plugin-msauth';

export class AuthService {
  async login(): Promise<string> {
    const result = await MsAuthPlugin.login({ // expect: custom-scheme-redirect/information
      clientId: '4f3e2d1c-0b9a-4f8e-9d7c-6b5a4f3e2d1c',
      tenant: 'contoso.onmicrosoft.com',
      keyHash: 'Xo8WBi6jzSxKDVR4drqm84yr9iU=',
      scopes: ['User.Read'],
    });
    return result.accessToken;
  }
}
