// Shape of elsesiy/GAppAuth Sources/iOS/GAppAuth.swift and openid/AppAuth-iOS Examples/Example-iOS_Swift-Carthage
// (OIDAuthorizationService.discoverConfiguration + OIDAuthorizationRequest): Google's issuer with the out-of-band
// redirect Google's installed-app flow once took. Google is not Entra: no finding.
import AppAuth

final class GoogleAuthorizer {
    func authorize(from controller: UIViewController) {
        let issuer = URL(string: "https://accounts.google.com")!
        OIDAuthorizationService.discoverConfiguration(forIssuer: issuer) { configuration, _ in
            guard let configuration = configuration else { return }
            let request = OIDAuthorizationRequest(configuration: configuration, clientId: "123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com",
                                                  scopes: [OIDScopeOpenID], redirectURL: URL(string: "urn:ietf:wg:oauth:2.0:oob")!,
                                                  responseType: OIDResponseTypeCode, additionalParameters: nil)
            _ = OIDAuthState.authState(byPresenting: request, presenting: controller) { _, _ in }
        }
    }
}
