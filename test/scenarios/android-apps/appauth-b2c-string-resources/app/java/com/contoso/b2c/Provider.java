// Shape from Azure-Samples/active-directory-b2c-android-native-appauth app/java/net/openid/appauthdemo/
// IdentityProvider.java and MainActivity.java (the Eclipse layout: java/ and res/ side by side): the
// provider keeps resource ids in fields and reads them with res.getString(…) later, so the request's
// redirect (`provider.getRedirectUri()`) cannot be followed; the redirect-named string the code names is
// the one it sends, and the B2C discovery string says the provider.
package com.contoso.b2c;

import android.content.res.Resources;
import android.net.Uri;
import net.openid.appauth.AuthorizationServiceConfiguration;

class Provider {
    static final Provider SIGN_UP_IN = new Provider(
            R.string.b2c_discovery_uri,
            R.string.b2c_client_id,
            R.string.b2c_redirect_uri,
            R.string.b2c_policy);

    private final int discoveryRes;
    private final int clientIdRes;
    private final int redirectRes;
    private final int policyRes;
    private Uri discovery;
    private Uri redirect;

    Provider(int discoveryRes, int clientIdRes, int redirectRes, int policyRes) {
        this.discoveryRes = discoveryRes;
        this.clientIdRes = clientIdRes;
        this.redirectRes = redirectRes;
        this.policyRes = policyRes;
    }

    void read(Resources res) {
        discovery = Uri.parse(res.getString(discoveryRes));
        redirect = Uri.parse(res.getString(redirectRes));
    }

    Uri getRedirectUri() {
        return redirect;
    }

    void retrieve(AuthorizationServiceConfiguration.RetrieveConfigurationCallback callback) {
        AuthorizationServiceConfiguration.fetchFromUrl(discovery, callback);
    }
}
