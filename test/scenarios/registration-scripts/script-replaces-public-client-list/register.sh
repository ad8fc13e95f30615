#!/bin/bash
# `az ad app update --public-client-redirect-uris` replaces the whole Mobile and desktop list (azure-cli
# role/_params.py), so after this script the CLI's loopback redirect is no longer registered.
az ad app update --id 4b7e2a19-6c3d-4f8e-9a1b-2c3d4e5f6a7b --public-client-redirect-uris "contoso-reports://auth" # expect: custom-scheme-redirect/warning
