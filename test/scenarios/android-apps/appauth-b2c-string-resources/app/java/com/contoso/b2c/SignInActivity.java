// Shape from Azure-Samples/active-directory-b2c-android-native-appauth MainActivity.java makeAuthRequest.
package com.contoso.b2c;

import net.openid.appauth.AuthorizationRequest;
import net.openid.appauth.AuthorizationServiceConfiguration;
import net.openid.appauth.ResponseTypeValues;

public class SignInActivity {
    AuthorizationRequest request(AuthorizationServiceConfiguration serviceConfig, Provider provider, String clientId) {
        return new AuthorizationRequest.Builder(
                serviceConfig,
                clientId,
                ResponseTypeValues.CODE,
                provider.getRedirectUri())
                .build();
    }
}
