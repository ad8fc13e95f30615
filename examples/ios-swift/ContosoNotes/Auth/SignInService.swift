import MSAL
import UIKit

/// Signs the user in to Contoso Notes and, for the share extension, with a second client.
final class SignInService {
    private var application: MSALPublicClientApplication?
    private var shareApplication: MSALPublicClientApplication?

    func start() throws {
        let authority = try MSALAADAuthority(url: URL(string: AuthConfiguration.authority)!)

        // Good: the broker redirect, with the broker left at its default (.auto).
        let config = MSALPublicClientApplicationConfig(clientId: AuthConfiguration.clientId,
                                                       redirectUri: AuthConfiguration.brokerRedirect,
                                                       authority: authority)
        application = try MSALPublicClientApplication(configuration: config)

        // Bad: a custom scheme, sent through ASWebAuthenticationSession.
        let shareConfig = MSALPublicClientApplicationConfig(clientId: AuthConfiguration.clientId,
                                                            redirectUri: "contoso-notes://auth",
                                                            authority: authority)
        shareApplication = try MSALPublicClientApplication(configuration: shareConfig)
    }

    func signIn(from controller: UIViewController) {
        let webview = MSALWebviewParameters(authPresentationViewController: controller)
        let parameters = MSALInteractiveTokenParameters(scopes: AuthConfiguration.scopes, webviewParameters: webview)
        application?.acquireToken(with: parameters) { _, _ in }
    }
}
