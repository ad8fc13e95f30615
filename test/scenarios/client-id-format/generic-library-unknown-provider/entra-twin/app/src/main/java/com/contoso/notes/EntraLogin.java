// The Entra twin of app/src/main/java/com/contoso/notes/Login.java: the same library with Entra's endpoints, where a
// client id that is no GUID finds no app (AADSTS700016).
package com.contoso.notes;

import android.net.Uri;
import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;
import net.openid.appauth.ResponseTypeValues;

final class EntraLogin {
    AuthorizationRequest request() {
        AuthorizationServiceConfiguration config = new AuthorizationServiceConfiguration(
                Uri.parse("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"),
                Uri.parse("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"));
        // expect+1: client-id-format/error
        return new AuthorizationRequest.Builder(config, "notes_android_client", ResponseTypeValues.CODE, Uri.parse("https://notes.contoso.com/callback")).build();
    }
}
