// Shape of AzureAD/microsoft-authentication-library-for-js samples/msal-browser-samples/TestingSample/app/authConfig.js:
// words ending in "here" stand for the client id and the authority.
const msalConfig = {
    auth: {
        clientId: "client_id_here", // expect: placeholder-value/error
        authority: "tenanted_authority_here" // expect: placeholder-value/error
    },
    cache: {
        cacheLocation: "sessionStorage"
    }
};
