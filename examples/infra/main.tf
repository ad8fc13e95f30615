# Terraform registration of the Contoso kiosk app.
resource "azuread_application" "kiosk" {
  display_name     = "Contoso Kiosk"
  sign_in_audience = "AzureADMultipleOrgs"

  public_client {
    redirect_uris = [
      "contoso-kiosk://callback",
      "http://localhost:8400/",
    ]
  }

  single_page_application {
    redirect_uris = ["https://kiosk.contoso.example/"]
  }
}
