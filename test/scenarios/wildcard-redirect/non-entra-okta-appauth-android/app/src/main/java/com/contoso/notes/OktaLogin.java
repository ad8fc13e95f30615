// Shape of openid/AppAuth-Android app/java/net/openid/appauthdemo/LoginActivity.java and okta/okta-sdk-appauth-android
// (new AuthorizationServiceConfiguration(authUri, tokenUri), new AuthorizationRequest.Builder): an Okta org with a
// wildcard in the redirect. Okta is not Entra: no finding.
package com.contoso.notes;

import android.net.Uri;
import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;
import net.openid.appauth.ResponseTypeValues;

public class OktaLogin {
    private static final String AUTH = "https://dev-123456.okta.com/oauth2/default/v1/authorize";
    private static final String TOKEN = "https://dev-123456.okta.com/oauth2/default/v1/token";

    AuthorizationRequest request() {
        AuthorizationServiceConfiguration config = new AuthorizationServiceConfiguration(Uri.parse(AUTH), Uri.parse(TOKEN));
        return new AuthorizationRequest.Builder(config, "0oa5kipb8rdo4WCkf5d7", ResponseTypeValues.CODE, Uri.parse("https://*.notes.contoso.com/callback")).build();
    }
}
