import { PublicClientApplication } from "@azure/msal-browser";

export const msalConfig = {
  auth: {
    clientId: "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
    authority: "https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_susi",
    knownAuthorities: ["contoso.b2clogin.com"],
    redirectUri: "https://app.contoso.example.com/",
  },
};

export const msalInstance = new PublicClientApplication(msalConfig);
