import { PublicClientApplication } from "@azure/msal-browser";

export const msalConfig = {
  auth: {
    clientId: "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
    authority: "https://login.microsoftonline.com/organizations",
    redirectUri: "http://localhost:4200/auth",
  },
};

export const msalInstance = new PublicClientApplication(msalConfig);
