import * as assert from 'node:assert/strict';
import * as msalNode from '@azure/msal-node';
import {
  AADSTS_ENTRIES,
  CATALOGUE_INFO,
  EXPLAINED_MSAL_CODES,
  MSAL_ENTRIES,
  aadstsEntry,
  lookupCode,
  msalEntry,
  rulesPreventing,
  searchCatalogue,
} from '../../../src/core/aadsts';
import { RULES } from '../../../src/core/rules';

describe('aadsts: catalogue', () => {
  it('holds all 356 codes: 345 from the reference page and 11 common ones it omits', () => {
    assert.equal(AADSTS_ENTRIES.length, 356);
    assert.equal(AADSTS_ENTRIES.filter((e) => e.docStatus === 'in-reference').length, 345);
    assert.deepEqual(
      AADSTS_ENTRIES.filter((e) => e.docStatus === 'not-in-reference')
        .map((e) => e.number)
        .sort((a, b) => a - b),
      [70021, 500113, 500117, 500119, 500201, 700051, 700213, 7002138, 9002325, 9002326, 9002327],
    );
    assert.equal(AADSTS_ENTRIES.filter((e) => e.configDetectable === 'yes').length, 31);
    assert.equal(AADSTS_ENTRIES.filter((e) => e.configDetectable === 'partial').length, 52);
  });

  it('has unique numbers, and every entry has a code, meaning, remedy, source and live link', () => {
    assert.equal(new Set(AADSTS_ENTRIES.map((e) => e.number)).size, AADSTS_ENTRIES.length);
    for (const entry of AADSTS_ENTRIES) {
      assert.ok(Number.isInteger(entry.number) && entry.number >= 1000, `${entry.number}`);
      assert.equal(entry.code, `AADSTS${entry.number}`);
      assert.equal(entry.link, `https://login.microsoftonline.com/error?code=${entry.number}`);
      assert.ok(entry.meaning.length >= 10, `${entry.code} meaning`);
      assert.ok(entry.remedy.length >= 5, `${entry.code} remedy`);
      assert.ok(entry.source.startsWith('https://'), `${entry.code} source`);
      assert.ok(entry.name === undefined || /^\w+$/.test(entry.name), `${entry.code} name ${entry.name}`);
      assert.ok(entry.configDetectable === 'no' || entry.configSignal, `${entry.code} detectable without a signal`);
    }
    assert.match(CATALOGUE_INFO.capturedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(CATALOGUE_INFO.source, 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes');
  });

  it('keeps the facts of the headline codes', () => {
    const cmsi = aadstsEntry(50199);
    assert.equal(cmsi?.name, 'CmsiInterrupt');
    assert.equal(cmsi?.configDetectable, 'yes');
    assert.match(cmsi?.remedy ?? '', /http, https, chrome-extension/);
    assert.equal(aadstsEntry(50011)?.name, 'InvalidReplyTo');
    assert.equal(aadstsEntry(9002326)?.docStatus, 'not-in-reference');
    assert.match(aadstsEntry(9002326)?.source ?? '', /^https:\/\/github\.com\//);
    assert.equal(aadstsEntry(12345), undefined);
  });

  it("takes the rules that prevent a code from the rules' metadata", () => {
    assert.ok(rulesPreventing('AADSTS50199').some((rule) => rule.id === 'custom-scheme-redirect'));
    const rule = rulesPreventing('AADSTS50199').find((r) => r.id === 'custom-scheme-redirect');
    assert.match(rule?.docsUrl ?? '', /docs\/rules\/custom-scheme-redirect\.md$/);
    assert.deepEqual(rulesPreventing('AADSTS17003'), []);
    for (const meta of RULES.map((r) => r.meta)) {
      for (const code of meta.codes) assert.ok(lookupCode(code), `rule ${meta.id} names ${code}, which the catalogue does not know`);
      for (const code of meta.codes) assert.ok(rulesPreventing(code).some((r) => r.id === meta.id));
    }
  });

  it('has an MSAL entry for every code msal-node exports, taken from the same constants', () => {
    const exported = {
      ClientConfigurationError: msalNode.ClientConfigurationErrorCodes,
      ClientAuthError: msalNode.ClientAuthErrorCodes,
      InteractionRequiredAuthError: msalNode.InteractionRequiredAuthErrorCodes,
      AuthError: msalNode.AuthErrorCodes,
    };
    let count = 0;
    for (const [errorClass, codes] of Object.entries(exported)) {
      for (const [constantName, code] of Object.entries(codes)) {
        const entry = msalEntry(code);
        assert.ok(entry, `${code} missing`);
        assert.equal(entry.kind, 'msal');
        if (entry.errorClass === errorClass) assert.equal(entry.constantName, constantName);
        count++;
      }
    }
    assert.ok(count >= 70, `only ${count} msal codes`);
    assert.equal(MSAL_ENTRIES.filter((e) => e.kind === 'msal').length, new Set(Object.values(exported).flatMap((c) => Object.values(c))).size);
    assert.equal(new Set(MSAL_ENTRIES.map((e) => e.code)).size, MSAL_ENTRIES.length);
  });

  it('explains the codes developers meet most in our own words, and the rest by error class', () => {
    for (const code of EXPLAINED_MSAL_CODES) assert.ok(msalEntry(code)?.specific, `explanation for ${code}, which msal does not export`);
    for (const code of [
      'redirect_uri_empty',
      'untrusted_authority',
      'authority_uri_insecure',
      'interaction_required',
      'consent_required',
      'login_required',
      'no_tokens_found',
      'invalid_grant',
    ]) {
      const entry = msalEntry(code);
      assert.ok(entry?.specific, code);
      assert.ok(entry.meaning.length > 20 && entry.remedy.length > 10, code);
    }
    assert.equal(msalEntry('invalid_grant')?.kind, 'oauth');
    assert.equal(msalEntry('invalid_grant')?.errorClass, 'ServerError');
    const generic = msalEntry('hash_not_deserialized');
    assert.equal(generic?.specific, false);
    assert.match(generic?.meaning ?? '', /ClientAuthError/);
    assert.equal(msalEntry('untrusted_authority')?.link, 'https://aka.ms/msal.js.errors#untrusted_authority');
    assert.match(msalEntry('untrusted_authority')?.source ?? '', /ClientConfigurationErrorCodes\.untrustedAuthority$/);
  });

  it('looks codes up the ways people type them', () => {
    for (const input of ['50199', 'AADSTS50199', 'aadsts50199', ' AADSTS50199: ']) assert.equal(lookupCode(input)?.code, 'AADSTS50199', input);
    assert.equal(lookupCode('untrusted_authority')?.code, 'untrusted_authority');
    assert.equal(lookupCode('Untrusted_Authority')?.code, 'untrusted_authority');
    assert.equal(lookupCode('99999'), undefined);
    assert.equal(lookupCode('AADSTS50199 and more'), undefined);
  });

  it('searches numbers, names and meanings for a QuickPick', () => {
    assert.equal(searchCatalogue('50199')[0].code, 'AADSTS50199');
    assert.equal(searchCatalogue('AADSTS50199')[0].code, 'AADSTS50199');
    assert.equal(searchCatalogue('cmsi')[0].code, 'AADSTS50199');
    assert.ok(searchCatalogue('5019').some((e) => e.code === 'AADSTS50199'));
    assert.ok(searchCatalogue('redirect uri').length > 3);
    assert.equal(searchCatalogue('untrusted_authority')[0].code, 'untrusted_authority');
    assert.equal(searchCatalogue('', 10).length, 10);
    assert.deepEqual(searchCatalogue('zzzz-nothing'), []);
  });
});
