// The Entra twin of ../GoogleAuthorizer.swift: AppAuth against Entra's issuer with the out-of-band redirect (AADSTS500119).
import AppAuth

final class EntraAuthorizer {
    func authorize(from controller: UIViewController) {
        let issuer = URL(string: "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0")!
        OIDAuthorizationService.discoverConfiguration(forIssuer: issuer) { configuration, _ in
            guard let configuration = configuration else { return }
            let request = OIDAuthorizationRequest(configuration: configuration, clientId: "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                                                  // expect+1: urn-redirect/error
                                                  scopes: [OIDScopeOpenID], redirectURL: URL(string: "urn:ietf:wg:oauth:2.0:oob")!,
                                                  responseType: OIDResponseTypeCode, additionalParameters: nil)
            _ = OIDAuthState.authState(byPresenting: request, presenting: controller) { _, _ in }
        }
    }
}
