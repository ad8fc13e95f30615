// Shape of AzureAD/microsoft-authentication-library-for-js samples/msal-browser-samples/ChromiumExtensionSample/auth.js:
// the sample's client id is words asking for the real one. It is one placeholder, reported once by
// placeholder-value (not also as "not a GUID" by client-id-format).
const redirectUri = typeof chrome !== "undefined" && chrome.identity ? chrome.identity.getRedirectURL() : `${window.location.origin}/index.html`;

const msalInstance = new msal.PublicClientApplication({
    auth: {
        authority: "https://login.microsoftonline.com/common/",
        clientId: "your-client-id-here", // expect: placeholder-value/error
        redirectUri,
        postLogoutRedirectUri: redirectUri
    },
    cache: {
        cacheLocation: "localStorage"
    }
});
