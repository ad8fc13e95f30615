// The Entra twin of the Okta login beside it: the same wildcard redirect with Entra's endpoints.
package com.contoso.notes;

import android.net.Uri;
import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;
import net.openid.appauth.ResponseTypeValues;

public class EntraLogin {
    private static final String AUTH = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize";
    private static final String TOKEN = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";

    AuthorizationRequest request() {
        AuthorizationServiceConfiguration config = new AuthorizationServiceConfiguration(Uri.parse(AUTH), Uri.parse(TOKEN));
        // expect+1: wildcard-redirect/warning
        return new AuthorizationRequest.Builder(config, "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", ResponseTypeValues.CODE, Uri.parse("https://*.notes.contoso.com/callback")).build();
    }
}
