# A desktop tool on MSAL Python: a public client, so it sends no secret with the code.
from msal import PublicClientApplication

pca = PublicClientApplication("9f8e7d6c-5b4a-4938-8271-6a5b4c3d2e1f", authority="https://login.microsoftonline.com/organizations")
tokens = pca.acquire_token_interactive(scopes=["Files.Read"]) # expect: public-client-redirect-on-web-platform/error
