#!/usr/bin/env pwsh
# Our own azd hook in the shape of evmin/az-ai-kickstarter scripts/postprovision.ps1 and
# strudel0209/moneta-agents scripts/postprovision.ps1: the Web list gets the App Service authentication
# callback on localhost and on the deployed host (known only after provisioning, so partial). Both are
# fine for a web app: nothing to report.
if ($env:WITH_AUTHENTICATION -match "true") {
    $redirect_uri = "$($env:SERVICE_FRONTEND_URL)/.auth/login/aad/callback"
    Write-Host "Adding app registration redirect URI '$redirect_uri'..."
    az ad app update `
        --id $env:AZURE_CLIENT_APP_ID `
        --web-redirect-uris "http://localhost:5801/.auth/login/aad/callback" $redirect_uri `
        --output table
    azd env set AZURE_CLIENT_APP_SECRET ""
}
