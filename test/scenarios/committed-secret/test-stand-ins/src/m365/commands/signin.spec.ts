// Shape of pnp/cli-microsoft365 src/m365/commands/login.spec.ts: a mocha test passes a typed stand-in password
// (words and digits) and a JWT-shaped value as the secret. Stand-ins in a test are no finding; a generated
// Entra secret in the same test still is (capped at warning in test code).
import assert from 'assert';
import sinon from 'sinon';
import command from './signin.js';

describe('signin', () => {
  before(() => {
    sinon.stub(cli, 'getSettingWithDefaultValue').callsFake((setting, defaultValue) => (setting === settingsNames.clientId ? undefined : defaultValue));
  });

  it('signs in with a client secret', async () => {
    await command.action(logger, {
      options: command.schema.parse({
        appId: '00000000-0000-0000-0000-000000000000',
        tenant: '00000000-0000-0000-0000-000000000000',
        authType: 'secret',
        secret: 'unBrEakaBle@123'
      })
    });
    assert.strictEqual(auth.connection.secret, 'unBrEakaBle@123');
  });

  it('keeps an assertion', async () => {
    await command.action(logger, { options: command.schema.parse({ authType: 'federatedIdentity', secret: 'header.eyJhdWQiOiAiYXBpOi8vY29udG9zbyJ9.signature' }) });
  });

  it('signs in with a secret copied from the portal', async () => {
    await command.action(logger, {
      options: command.schema.parse({
        appId: '6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        authType: 'secret',
        secret: 'Xy7Q~b3NpV9tR2wK8mL4cD6hF1jZ0sA5gE7uT3qW' // expect: committed-secret/warning
      })
    });
  });
});
