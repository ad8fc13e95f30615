// Shape: Azure-Samples/ms-identity-android-kotlin SingleAccountModeFragment.kt (the config by resource id).
package com.contoso.notes

import android.content.Context
import com.microsoft.identity.client.IPublicClientApplication
import com.microsoft.identity.client.PublicClientApplication

class SignIn(private val context: Context) {
    fun create(listener: IPublicClientApplication.ISingleAccountApplicationCreatedListener) {
        PublicClientApplication.createSingleAccountPublicClientApplication(context, R.raw.auth_config_single_account, listener)
    }
}
