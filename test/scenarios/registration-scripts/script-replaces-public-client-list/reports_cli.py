# MSAL Python's interactive flow sends http://localhost (shape of the library's sample/interactive_sample.py).
import msal

CLIENT_ID = "4b7e2a19-6c3d-4f8e-9a1b-2c3d4e5f6a7b"
app = msal.PublicClientApplication(CLIENT_ID, authority="https://login.microsoftonline.com/contoso.onmicrosoft.com")
result = app.acquire_token_interactive(["User.Read"]) # expect: unregistered-redirect/error
