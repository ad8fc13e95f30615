// As js-angular-environment: the authority is not among the knownAuthorities imported from environment.ts.
import { NgModule } from '@angular/core';
import { MsalModule } from '@azure/msal-angular';
import { InteractionType, PublicClientApplication } from '@azure/msal-browser';
import { environment } from '../environments/environment';

@NgModule({
  imports: [
    MsalModule.forRoot(
      new PublicClientApplication({
        auth: {
          clientId: environment.msalConfig.auth.clientId,
          authority: environment.b2cPolicies.authorities.signUpSignIn, // expect: untrusted-authority
          knownAuthorities: [environment.b2cPolicies.authorityDomain],
          redirectUri: '/',
        },
      }),
      { interactionType: InteractionType.Redirect },
      { interactionType: InteractionType.Redirect, protectedResourceMap: new Map() },
    ),
  ],
})
export class AppModule {}
