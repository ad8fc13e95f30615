// Shape of okta/okta-sdk-appauth-android and openid/AppAuth-Android app/java/net/openid/appauthdemo/LoginActivity.java
// (AuthorizationServiceConfiguration from the endpoints, AuthorizationRequest.Builder): an Okta org with the
// client id still the docs' placeholder. Okta is not Entra: no finding.
package com.contoso.notes

import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

class OktaLogin {
    fun request(): AuthorizationRequest {
        val config = AuthorizationServiceConfiguration(
            Uri.parse("https://dev-123456.okta.com/oauth2/default/v1/authorize"),
            Uri.parse("https://dev-123456.okta.com/oauth2/default/v1/token"),
        )
        return AuthorizationRequest.Builder(config, "<your-client-id>", ResponseTypeValues.CODE, Uri.parse("https://notes.contoso.com/callback")).build()
    }
}
