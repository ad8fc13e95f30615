// Shape of ionic-team/cs-demo-ac-providers-react: an Auth0 provider config (its discovery URL names Auth0).
import type { ProviderOptions } from '@ionic-enterprise/auth';

export const auth0Options: ProviderOptions = {
  clientId: 'yLa2ZNUGkZ19DGEj',
  discoveryUrl: 'https://contoso-demo.us.auth0.com/.well-known/openid-configuration',
  redirectUri: 'msauth://auth-action-complete',
  logoutUrl: 'msauth://auth-action-complete',
  scope: 'openid email profile offline_access',
};
