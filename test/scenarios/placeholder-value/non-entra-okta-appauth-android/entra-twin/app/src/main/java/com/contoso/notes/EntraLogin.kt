// The Entra twin of the Okta login beside it (app/src/main/java/com/contoso/notes/OktaLogin.kt): the same placeholder
// client id with Entra's endpoints fails with AADSTS700016.
package com.contoso.notes

import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

class EntraLogin {
    fun request(): AuthorizationRequest {
        val config = AuthorizationServiceConfiguration(
            Uri.parse("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"),
            Uri.parse("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"),
        )
        // expect+1: placeholder-value/error
        return AuthorizationRequest.Builder(config, "<your-client-id>", ResponseTypeValues.CODE, Uri.parse("https://notes.contoso.com/callback")).build()
    }
}
