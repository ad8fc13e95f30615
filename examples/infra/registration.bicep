extension microsoftGraphV1

// Bicep registration of the Contoso reporting app.
resource reporting 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: 'contoso-reporting'
  displayName: 'Contoso Reporting'
  signInAudience: 'AzureADMyOrg'
  web: {
    redirectUris: [
      'http://reports.contoso.example/signin-oidc'
    ]
  }
  publicClient: {
    redirectUris: [
      'com.contoso.reports:/oauth2redirect'
    ]
  }
}
