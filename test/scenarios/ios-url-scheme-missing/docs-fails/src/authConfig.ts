import { Platform } from 'react-native';

export const msalConfig = {
  auth: {
    clientId: '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    redirectUri: Platform.select({
      ios: 'msauth.com.contoso.app://auth', // expect: ios-url-scheme-missing/error
      android: 'msauth://com.contoso.app/aB3%2BcD4%2FeF5gH6iJ7kL8mN9oP0q%3D', // expect: custom-scheme-redirect/information
    }),
  },
};
