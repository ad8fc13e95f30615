// Shape from openid/AppAuth-Android: a claimed https redirect (App Link) kept in res/values, and a
// debug/release choice written as Kotlin's `if` expression (FlowCrypt/flowcrypt-android
// ApiClientRepository.kt `val url = if (…) a else b`): every alternative is judged.
package com.contoso.field

import android.content.Context
import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

fun signInRequest(context: Context, debug: Boolean): AuthorizationRequest {
    val config = AuthorizationServiceConfiguration(
        Uri.parse("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"),
        Uri.parse("https://login.microsoftonline.com/common/oauth2/v2.0/token"),
    )
    val redirect = if (debug) {
        context.getString(R.string.debug_redirect_uri)
    } else {
        context.getString(R.string.redirect_uri)
    }
    return AuthorizationRequest.Builder(config, "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", ResponseTypeValues.CODE, Uri.parse(redirect)).build()
}

fun legacyRequest(config: AuthorizationServiceConfiguration, debug: Boolean): AuthorizationRequest {
    val legacyRedirect = if (debug) "com.contoso.field.debug:/oauth2redirect" else "https://field.contoso.com/oauth2redirect" // expect: custom-scheme-redirect/warning
    return AuthorizationRequest.Builder(config, "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", ResponseTypeValues.CODE, Uri.parse(legacyRedirect)).build()
}
