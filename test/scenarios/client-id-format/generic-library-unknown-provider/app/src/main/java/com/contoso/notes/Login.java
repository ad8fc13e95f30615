// Shape of openid/AppAuth-Android library/javatests/net/openid/appauth/TestValues.java and the requests of its tests:
// AppAuth serves any provider, and nothing here names one (the configuration is discovered at run time from an
// issuer the app reads elsewhere), so a client id that is no GUID may well be that provider's: client-id-format
// stays silent. The custom-scheme redirect, kept in a `static final Uri`, is still judged (the provider may be Entra).
package com.contoso.notes;

import android.net.Uri;
import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;
import net.openid.appauth.ResponseTypeValues;

final class Login {
    static final String CLIENT_ID = "notes_android_client";
    // expect+1: custom-scheme-redirect/warning
    static final Uri REDIRECT_URI = Uri.parse("com.contoso.notes:/oauth2redirect");

    AuthorizationRequest request(AuthorizationServiceConfiguration discovered) {
        return new AuthorizationRequest.Builder(discovered, CLIENT_ID, ResponseTypeValues.CODE, REDIRECT_URI).build();
    }
}
