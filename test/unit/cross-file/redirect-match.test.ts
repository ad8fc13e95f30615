import * as assert from 'node:assert/strict';
import { isJudgeableRedirect, nearMissReason, redirectMatches } from '../../../src/core/entra/redirect-match';

describe('cross-file: redirect URI matching as Entra does it', () => {
  it('ignores the port for localhost only', () => {
    assert.equal(redirectMatches('http://localhost:51234/cb', 'http://localhost/cb'), true);
    assert.equal(redirectMatches('http://localhost/cb', 'http://localhost:8080/cb'), true);
    assert.equal(redirectMatches('http://127.0.0.1:5000/cb', 'http://127.0.0.1/cb'), false);
    assert.equal(redirectMatches('https://app.contoso.example:8443/cb', 'https://app.contoso.example/cb'), false);
  });

  it('treats 127.0.0.1 and localhost as different hosts', () => {
    assert.equal(redirectMatches('http://127.0.0.1/cb', 'http://localhost/cb'), false);
    assert.equal(nearMissReason('http://127.0.0.1/cb', 'http://localhost/cb'), '127.0.0.1 and localhost are different hosts to Entra');
  });

  it('is case-sensitive on the path and case-insensitive on scheme and host', () => {
    assert.equal(redirectMatches('https://App.Contoso.Example/Auth', 'HTTPS://app.contoso.example/Auth'), true);
    assert.equal(redirectMatches('https://app.contoso.example/auth', 'https://app.contoso.example/Auth'), false);
    assert.equal(nearMissReason('https://app.contoso.example/auth', 'https://app.contoso.example/Auth'), 'the path differs in case (paths are case-sensitive)');
  });

  it('counts a trailing slash except on a bare origin', () => {
    assert.equal(redirectMatches('https://app.contoso.example/auth/', 'https://app.contoso.example/auth'), false);
    assert.equal(nearMissReason('https://app.contoso.example/auth/', 'https://app.contoso.example/auth'), 'the trailing slash differs (it is significant)');
    assert.equal(redirectMatches('http://localhost:3000/', 'http://localhost:3000'), true);
    assert.equal(redirectMatches('https://app.contoso.example', 'https://app.contoso.example/'), true);
  });

  it('treats default ports as written or not, and compares queries exactly', () => {
    assert.equal(redirectMatches('https://app.contoso.example:443/cb', 'https://app.contoso.example/cb'), true);
    assert.equal(redirectMatches('https://app.contoso.example/cb?x=1', 'https://app.contoso.example/cb'), false);
  });

  it('matches custom schemes exactly and wildcard hosts by suffix', () => {
    assert.equal(redirectMatches('msauth.com.contoso.app://auth', 'msauth.com.contoso.app://auth'), true);
    assert.equal(redirectMatches('myapp://auth/Done', 'myapp://auth/done'), false);
    assert.equal(redirectMatches('com.contoso.app:/oauth2', 'com.contoso.app:/oauth2'), true);
    assert.equal(redirectMatches('https://eu.app.contoso.example/cb', 'https://*.app.contoso.example/cb'), true);
    assert.equal(redirectMatches('https://app.contoso.example/cb', 'https://*.app.contoso.example/cb'), false);
  });

  it('says nothing about URIs that are far apart', () => {
    assert.equal(nearMissReason('https://a.contoso.example/cb', 'https://b.contoso.example/cb'), undefined);
    assert.equal(nearMissReason('http://localhost/one', 'http://localhost/two'), undefined);
  });

  it('judges only absolute, fully known redirects sent at sign-in', () => {
    const base = { range: { start: 0, end: 1 }, platform: 'spa' as const };
    assert.equal(isJudgeableRedirect({ ...base, value: 'http://localhost:3000', role: 'redirect' }), true);
    assert.equal(isJudgeableRedirect({ ...base, value: 'http://localhost:3000/out', role: 'postLogout' }), false);
    assert.equal(isJudgeableRedirect({ ...base, value: '/auth', role: 'redirect' }), false);
    assert.equal(isJudgeableRedirect({ ...base, value: 'https://x.example/cb', role: 'redirect', partial: true }), false);
    assert.equal(isJudgeableRedirect({ ...base, value: 'Enter_the_Redirect_Uri_Here', role: 'redirect' }), false);
  });
});
