// Shape of Azure-Samples/ms-identity-javascript-angular-tutorial 3-Authorization-II/2-call-api-b2c/SPA/src/app/app.module.ts.
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
          authority: environment.b2cPolicies.authorities.signUpSignIn,
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
