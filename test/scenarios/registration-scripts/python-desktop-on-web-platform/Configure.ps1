# Graph PowerShell by client id: the loopback redirect of a desktop tool put under Web, and the Mobile and
# desktop list emptied (shape of Update-MgApplication calls in AppCreationScripts Configure.ps1).
$app = Get-MgApplication -Filter "appId eq '9f8e7d6c-5b4a-4938-8271-6a5b4c3d2e1f'"
Update-MgApplication -ApplicationId $app.Id -Web @{ RedirectUris = @('http://localhost') } -PublicClient @{ RedirectUris = @() }
