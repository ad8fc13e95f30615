// Shape of openid/AppAuth-Android library/javatests/net/openid/appauth/TestValues.java: values shared by a test
// tree that Bazel and AOSP call javatests/. Test code: its findings are information at most.
package com.contoso.notes;

import android.net.Uri;
import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;

final class LoginValues {
    // expect+1: custom-scheme-redirect/information
    static final Uri REDIRECT_URI = Uri.parse("com.contoso.notes:/oauth2redirect");

    static AuthorizationRequest request(AuthorizationServiceConfiguration config) {
        return new AuthorizationRequest.Builder(config, "notes-test-client", "code", REDIRECT_URI).build();
    }
}
