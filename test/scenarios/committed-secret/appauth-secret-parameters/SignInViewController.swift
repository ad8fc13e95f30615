// Our own file in the shape of openid/AppAuth-iOS Examples/Example-iOS_Swift-Carthage/Source/AppAuthExampleViewController.swift:
// the client secret is a parameter passed on by label (`clientSecret: clientSecret`), typed `String?`, or read
// from a registration response. None of these is a literal secret.
import AppAuth

let kIssuer = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"
let kRedirectURI = "com.contoso.notes:/oauth2redirect" // expect: custom-scheme-redirect/warning

func signIn(configuration: OIDServiceConfiguration, clientID: String, clientSecret: String?) {
    guard let redirectURI = URL(string: kRedirectURI) else { return }
    let request = OIDAuthorizationRequest(configuration: configuration,
                                          clientId: clientID,
                                          clientSecret: clientSecret,
                                          scopes: [OIDScopeOpenID, OIDScopeProfile],
                                          redirectURL: redirectURI,
                                          responseType: OIDResponseTypeCode,
                                          additionalParameters: nil)
    print(request)
}

func registered(response: OIDRegistrationResponse?, configuration: OIDServiceConfiguration) {
    signIn(configuration: configuration, clientID: response?.clientID ?? "",
           clientSecret: response?.clientSecret)
}
