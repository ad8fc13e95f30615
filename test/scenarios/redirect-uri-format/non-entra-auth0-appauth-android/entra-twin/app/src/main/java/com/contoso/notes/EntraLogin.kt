// The Entra twin of the Auth0 login beside it: the same `;` in the redirect never matches at Entra (AADSTS50011).
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
        // expect+1: redirect-uri-format/error
        return AuthorizationRequest.Builder(config, "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", ResponseTypeValues.CODE, Uri.parse("https://notes.contoso.com/callback;app=android")).build()
    }
}
