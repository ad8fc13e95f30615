// Shape: AzureAD/microsoft-authentication-library-for-objc Samples/ios/SampleAppiOS-Swift/SampleAppiOS-Swift/SampleMSALAuthentication.swift
// (the msauth.<bundle id>://auth redirect, the broker left at its default).
import MSAL

final class AuthService {
    let kClientId = "2b4d6f8a-1c3e-4a5b-9d7f-0e2c4a6b8d1f"
    let kAuthority = "https://login.microsoftonline.com/contoso.onmicrosoft.com"

    func application() throws -> MSALPublicClientApplication {
        let authority = try MSALAADAuthority(url: URL(string: kAuthority)!)
        let config = MSALPublicClientApplicationConfig(clientId: kClientId, redirectUri: "msauth.com.contoso.notes://auth", authority: authority) // expect: custom-scheme-redirect/information
        return try MSALPublicClientApplication(configuration: config)
    }
}
