import Foundation

/// Everything the app's sign-in needs, in one place.
enum AuthConfiguration {
    static let clientId = "d4c3b2a1-9f8e-4d7c-8b6a-5f4e3d2c1b0a"
    static let authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com"
    static let scopes = ["User.Read", "Notes.ReadWrite"]

    /// The redirect MSAL hands to Microsoft Authenticator (register it under iOS / macOS in the portal).
    static let brokerRedirect = "msauth.com.contoso.notes://auth"
}
