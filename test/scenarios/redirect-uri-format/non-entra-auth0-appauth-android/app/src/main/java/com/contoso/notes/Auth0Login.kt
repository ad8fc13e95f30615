// Shape of openid/AppAuth-Android app/java/net/openid/appauthdemo/LoginActivity.java and the Auth0 tenant of
// FormidableLabs/react-native-app-auth examples/demo/App.tsx: a redirect with characters Entra refuses (a
// `;` path parameter). Auth0 is not Entra: no finding.
package com.contoso.notes

import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

class Auth0Login {
    fun request(): AuthorizationRequest {
        val config = AuthorizationServiceConfiguration(
            Uri.parse("https://contoso-demo.eu.auth0.com/authorize"),
            Uri.parse("https://contoso-demo.eu.auth0.com/oauth/token"),
        )
        return AuthorizationRequest.Builder(config, "VtXdAoGFcYzZ3IJaNy4UIS5RNHhdbKbU", ResponseTypeValues.CODE, Uri.parse("https://notes.contoso.com/callback;app=android")).build()
    }
}
