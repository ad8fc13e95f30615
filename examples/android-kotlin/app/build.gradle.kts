// Contoso Inspect (Android, Kotlin): AppAuth-Android reads its redirect receiver's scheme from this
// placeholder; the application id names the app.
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "com.contoso.inspect"
    compileSdk = 34
    defaultConfig {
        applicationId = "com.contoso.inspect"
        minSdk = 26
        manifestPlaceholders["appAuthRedirectScheme"] = "com.contoso.inspect"
    }
}

dependencies {
    implementation("net.openid:appauth:0.11.1")
}
