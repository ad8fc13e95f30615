# Our own script in the shape of Azure-Samples/active-directory-xamarin-native-v2
# 1-Basic/AppCreationScripts/Configure.ps1 (the retired AzureAD module): created with the out-of-band URN,
# then Set-AzureADApplication replaces the reply URLs with `msal<id>://auth` built by `+` from the new
# app's id. The AzureAD module has no platform types; the custom scheme is judged all the same.
$clientApp = New-AzureADApplication -DisplayName "contoso-xamarin-notes" `
                                    -ReplyUrls "urn:ietf:wg:oauth:2.0:oob" `
                                    -AvailableToOtherTenants $True `
                                    -PublicClient $True
$replyUrlForApp = "msal"+$clientApp.AppId+"://auth" # expect: custom-scheme-redirect/warning
Set-AzureADApplication -ObjectId $clientApp.ObjectId -ReplyUrls $replyUrlForApp
