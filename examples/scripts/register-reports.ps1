# Registers the redirect URIs of the Contoso Reports command-line tool (reports_cli.py) with Microsoft
# Graph PowerShell. Connect-MgGraph -Scopes Application.ReadWrite.All first.
param(
    [string] $ClientId = "c0ffee00-5a1e-4b2d-9c3e-7f8a9b0c1d2e"
)

$app = Get-MgApplication -Filter "appId eq '$ClientId'"

# The custom scheme makes Entra ask "Are you trying to sign in to Contoso Reports?" after every sign-in;
# http://localhost is the loopback redirect MSAL Python's interactive sign-in really uses.
Update-MgApplication -ApplicationId $app.Id -PublicClient @{
    RedirectUris = @('contoso-reports://auth', 'http://localhost')
}
