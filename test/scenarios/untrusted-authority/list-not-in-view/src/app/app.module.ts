// Same sample, src/app/app.module.ts: the environment is imported through the tsconfig base URL
// ('src/environments/environment'), which the engine does not resolve, so the authority and the
// knownAuthorities list are not known here either: no finding.
import { NgModule } from '@angular/core';
import { PublicClientApplication, IPublicClientApplication } from '@azure/msal-browser';
import { MSAL_INSTANCE } from '@azure/msal-angular';
import { environment } from 'src/environments/environment';

export function MSALInstanceFactory(): IPublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: environment.msalConfig.auth.clientId,
      authority: environment.b2cPolicies.authorities.signUpSignIn.authority,
      redirectUri: '/',
      knownAuthorities: [environment.b2cPolicies.authorityDomain],
    },
  });
}

@NgModule({ providers: [{ provide: MSAL_INSTANCE, useFactory: MSALInstanceFactory }] })
export class AppModule {}
