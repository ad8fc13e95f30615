# Our own registration script in the shape of Azure-Samples/ms-identity-dotnetcore-maui
# MauiAppBasic/AppCreationScripts/Configure.ps1: the app is created with a loopback redirect (the hashtable
# spread over backtick continuations), then the list is replaced by one built from the new app's id, whose
# `msal<id>://auth` (the backtick escapes the colon) is the system-browser redirect of MSAL.NET on mobile.
Function ConfigureApplications {
    $app = New-MgApplication -DisplayName "contoso-maui-notes" `
                             -PublicClient `
                             @{ `
                                 RedirectUris = "http://localhost"; `
                               } `
                             -SignInAudience AzureADMyOrg `
                             #end of command

    $currentAppId = $app.AppId
    $currentAppObjectId = $app.Id
    # expect+1: custom-scheme-redirect/warning
    $replyUrlsForApp = "http://localhost", "https://login.microsoftonline.com/common/oauth2/nativeclient", "msal$currentAppId`://auth"
    Update-MgApplication -ApplicationId $currentAppObjectId -PublicClient @{RedirectUris=$replyUrlsForApp}
}

ConfigureApplications
