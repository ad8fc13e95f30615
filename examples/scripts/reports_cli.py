"""Contoso Reports: a command-line tool that signs in with MSAL Python (registered by register-reports.ps1)."""
import msal

CLIENT_ID = "c0ffee00-5a1e-4b2d-9c3e-7f8a9b0c1d2e"
AUTHORITY = "https://login.microsoftonline.com/contoso.onmicrosoft.com"

app = msal.PublicClientApplication(CLIENT_ID, authority=AUTHORITY)

# The interactive flow opens the system browser and listens on http://localhost:<port>.
result = app.acquire_token_interactive(scopes=["Reports.Read"])
print("Signed in" if "access_token" in result else result.get("error_description"))
