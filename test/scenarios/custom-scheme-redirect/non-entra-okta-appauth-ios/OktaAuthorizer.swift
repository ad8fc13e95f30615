// Shape of okta/okta-oidc-ios Sources and openid/AppAuth-iOS Examples/README-Okta.md (OIDServiceConfiguration from
// the org's endpoints, OIDAuthorizationRequest): Okta with a reversed-domain custom scheme. Okta is not Entra, so
// Entra never shows its prompt for it: no finding.
import AppAuth

final class OktaAuthorizer {
    func authorize(from controller: UIViewController) {
        let configuration = OIDServiceConfiguration(authorizationEndpoint: URL(string: "https://dev-123456.okta.com/oauth2/default/v1/authorize")!,
                                                    tokenEndpoint: URL(string: "https://dev-123456.okta.com/oauth2/default/v1/token")!)
        let request = OIDAuthorizationRequest(configuration: configuration, clientId: "0oa1b2c3d4e5f6g7h8i9",
                                              scopes: [OIDScopeOpenID], redirectURL: URL(string: "com.okta.dev-123456:/callback")!,
                                              responseType: OIDResponseTypeCode, additionalParameters: nil)
        _ = OIDAuthState.authState(byPresenting: request, presenting: controller) { _, _ in }
    }
}
