import { replaceValue } from '../fixes/edits';
import { NATIVE_CLIENT_URI, uriScheme } from '../entra/uri';
import { redirectsOf, type FileRule } from './types';
import { fullValueNote, quote } from './shared/message';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

export const urnRedirect: FileRule = {
  meta: {
    id: 'urn-redirect',
    codes: ['AADSTS500119'],
    defaultSeverity: 'error',
    description: 'A urn: redirect URI such as urn:ietf:wg:oauth:2.0:oob is prohibited and fails sign-in with AADSTS500119.',
    fixable: true,
    scope: 'file',
    providers: 'entra',
    docs: {
      impact: 'Sign-in stops with AADSTS500119 before the user can enter credentials; a registration that lists the URI cannot be saved by newer tooling.',
      why: 'The out-of-band value urn:ietf:wg:oauth:2.0:oob came from early OAuth guidance for apps without a web server. Entra no longer accepts any urn: scheme as a redirect URI, because the code would be shown to, or copied by, whatever runs on the device.',
      howToFix:
        'Desktop and mobile apps that use an embedded browser: use https://login.microsoftonline.com/common/oauth2/nativeclient. Apps that use the system browser: use http://localhost. Change the registration and the app config together. The quick fix replaces the oob value with the nativeclient URI; it is not applied by --fix because the registration must be changed too.',
      links: [
        { title: 'Redirect URI restrictions and limitations', url: 'https://learn.microsoft.com/entra/identity-platform/reply-url' },
        { title: 'AADSTS error codes', url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes' },
      ],
    },
  },
  check({ file, report }) {
    for (const { uri } of redirectsOf(file)) {
      if (uri.role === 'scheme' || uriScheme(uri.value) !== 'urn') continue;
      const isOob = uri.value.trim().toLowerCase() === OOB;
      const edit = isOob ? replaceValue(file, uri, NATIVE_CLIENT_URI) : undefined;
      report({
        range: uri.range,
        message: `Redirect URI ${quote(uri.value)} uses the prohibited urn: scheme (AADSTS500119); use http://localhost or nativeclient.`,
        detail: `Use ${NATIVE_CLIENT_URI} (embedded browser) or http://localhost (system browser), in the registration and the app alike.${fullValueNote(uri.value)}`,
        fixes: edit ? [{ title: `Replace with ${NATIVE_CLIENT_URI}`, unattended: false, edits: [edit] }] : [],
      });
    }
  },
};
