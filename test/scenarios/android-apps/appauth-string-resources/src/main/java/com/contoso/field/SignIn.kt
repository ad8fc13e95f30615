// Shape from openid/AppAuth-Android (app/java/net/openid/appauthdemo) and apps that keep the redirect in
// res/values: the request reads its redirect and client id with getString(R.string.…), so the finding is on
// the string resource (res/values/auth.xml), where the user edits it.
package com.contoso.field

import android.content.Context
import android.net.Uri
import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
import net.openid.appauth.ResponseTypeValues

private const val AUTHORIZE = "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
private const val TOKEN = "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"

fun signInRequest(context: Context): AuthorizationRequest {
    val config = AuthorizationServiceConfiguration(Uri.parse(AUTHORIZE), Uri.parse(TOKEN))
    return AuthorizationRequest.Builder(
        config,
        context.getString(R.string.auth_client_id),
        ResponseTypeValues.CODE,
        Uri.parse(context.getString(R.string.auth_redirect_uri)),
    ).build()
}
