// Contoso Inspect signs in with Microsoft Entra ID through AppAuth-Android, which always opens Custom Tabs
// (or the browser): AppAuth has no embedded web view and never uses the Microsoft broker.
package com.contoso.inspect

import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationService
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

object SignIn {
    private const val ISSUER = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"
    private const val CLIENT_ID = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091"

    // Bad: the custom scheme of the appAuthRedirectScheme placeholder shows "Are you trying to sign in to …?" (AADSTS50199).
    private const val REDIRECT = "com.contoso.inspect:/oauth2redirect"

    // Good: an https redirect the app claims as a verified App Link never shows the prompt.
    private const val APP_LINK_REDIRECT = "https://inspect.contoso.com/auth/callback"

    fun signIn(service: AuthorizationService, configuration: AuthorizationServiceConfiguration) {
        val request = AuthorizationRequest.Builder(configuration, CLIENT_ID, ResponseTypeValues.CODE, Uri.parse(REDIRECT))
            .setScope("openid profile offline_access")
            .build()
        service.getAuthorizationRequestIntent(request)
    }

    fun signInWithAppLink(service: AuthorizationService, configuration: AuthorizationServiceConfiguration) {
        val request = AuthorizationRequest.Builder(configuration, CLIENT_ID, ResponseTypeValues.CODE, Uri.parse(APP_LINK_REDIRECT))
            .setScope("openid profile offline_access")
            .build()
        service.getAuthorizationRequestIntent(request)
    }

    fun start(service: AuthorizationService, useAppLink: Boolean) {
        AuthorizationServiceConfiguration.fetchFromIssuer(Uri.parse(ISSUER)) { configuration, _ ->
            if (useAppLink) signInWithAppLink(service, configuration!!) else signIn(service, configuration!!)
        }
    }
}
