# Our own registration script in the shape of Azure-Samples/ms-identity-dotnetcore-maui
# MauiAppWithBroker/AppCreationScripts/Configure.ps1: an empty public client hashtable at creation, then the
# Windows broker (WAM) redirect built from the app's id. A broker redirect shows no prompt: nothing to say.
$app = New-MgApplication -DisplayName "contoso-maui-broker" `
                         -PublicClient `
                         @{ `
                           } `
                         -SignInAudience AzureADMyOrg `
                         #end of command
$currentAppId = $app.AppId
$replyUrlsForApp = "ms-appx-web://microsoft.aad.brokerplugin/$currentAppId"
Update-MgApplication -ApplicationId $app.Id -PublicClient @{RedirectUris=$replyUrlsForApp}
