# Our own test module in the shape of AzureAD/microsoft-authentication-library-for-python tests/test_e2e.py:
# a stand-in client id that is the parameter's own name (a placeholder, not a malformed id), and a docstring
# that links to where a lab secret is fetched (`?Secret=<name>` is part of a link, not a secret).
import unittest

import msal


class CloudShellTestCase(unittest.TestCase):
    app = msal.PublicClientApplication("client_id")  # expect: placeholder-value/information

    def test_onprem_login(self):
        """When prompted, sign in with the lab account:

        username = "..."  # The upn of the lab user
        password="***"  # From https://aka.ms/GetLabSecret?Secret=contosolab2019
        """
        result = self.app.acquire_token_interactive(["User.Read"], port=8401)
        self.assertIn("access_token", result)
