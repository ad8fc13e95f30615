#!/bin/bash
# An azd postprovision hook (shape of Azure-Samples azd templates): it sets the Web list of an app that
# was registered elsewhere; the SPA list is not in this file, so nothing is said about the SPA's redirect.
REDIRECT_URI="https://app.contoso.example/.auth/login/aad/callback"
az ad app update --id 6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b --web-redirect-uris "http://localhost:5801/.auth/login/aad/callback" "$REDIRECT_URI"
