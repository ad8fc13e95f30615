// The Entra twin of ../OktaAuthorizer.swift: the same custom scheme through ASWebAuthenticationSession shows AADSTS50199.
import AppAuth

final class EntraAuthorizer {
    func authorize(from controller: UIViewController) {
        let configuration = OIDServiceConfiguration(authorizationEndpoint: URL(string: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize")!,
                                                    tokenEndpoint: URL(string: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")!)
        let request = OIDAuthorizationRequest(configuration: configuration, clientId: "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                                              // expect+1: custom-scheme-redirect/warning
                                              scopes: [OIDScopeOpenID], redirectURL: URL(string: "com.contoso.notes:/callback")!,
                                              responseType: OIDResponseTypeCode, additionalParameters: nil)
        _ = OIDAuthState.authState(byPresenting: request, presenting: controller) { _, _ in }
    }
}
