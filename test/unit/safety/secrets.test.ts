import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ruleById } from '../../../src/core/rules';

const REPO = path.resolve(__dirname, '../../../..');
const CLI = path.join(REPO, 'dist/cli.js');

// Client secrets committed in several formats. None may be printed by any output of the CLI: only the
// location and a masked form (the first three characters) are allowed.
const SECRETS: Record<string, { file: string; text: (secret: string) => string; secret: string }> = {
  appsettings: {
    file: 'api/appsettings.json',
    secret: 'Qm7~x9Lk2Vb8Tq4Ws1Rz6Yp0Nh3Jd5Gf7Cc2Ae',
    text: (s) =>
      `{\n  "AzureAd": {\n    "Instance": "https://login.microsoftonline.com/",\n    "TenantId": "contoso.onmicrosoft.com",\n    "ClientId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n    "ClientSecret": "${s}",\n    "CallbackPath": "/signin-oidc"\n  }\n}\n`,
  },
  env: {
    file: 'worker/.env',
    secret: 'Wt3~Hq8Zm1Xc5Vn9Bl2Kj7Gh4Fd6Sa0Pw3Oe8',
    text: (s) => `CLIENT_ID=6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f\nCLIENT_SECRET=${s}\nREDIRECT_URI=http://localhost:3000/redirect\n`,
  },
  msalNode: {
    file: 'web/authConfig.js',
    secret: 'Rk2~Uy6Tr1Ew9Qa4Sd7Fg2Hj5Kl8Zx3Cv0Bn6',
    // The http:// authority has an unattended fix next to the secret, so --fix-dry-run prints a diff here.
    text: (s) =>
      `const msalConfig = {\n  auth: {\n    clientId: "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f",\n    authority: "http://login.microsoftonline.com/common",\n    clientSecret: "${s}",\n    redirectUri: "myapp-secret://auth",\n  },\n};\nmodule.exports = { msalConfig };\n`,
  },
  jsonConfig: {
    file: 'desktop/auth.config.json',
    secret: 'Pz9~Mn4Bv7Cx1Za5Lk8Jh2Gf6Ds9Ap3Oi0Uy7',
    text: (s) => `{ "clientId": "6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f", "clientSecret": "${s}", "redirectUri": "myapp-json://auth" }\n`,
  },
};

/** Every 8-character window of a secret after its first three characters (which the mask may show). */
function secretWindows(secret: string): string[] {
  const windows: string[] = [];
  for (let i = 3; i + 8 <= secret.length; i++) windows.push(secret.slice(i, i + 8));
  return windows;
}

function run(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, stdout: result.stdout };
}

describe('safety: a secret found in a config is never printed', function () {
  this.timeout(120_000);
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'entra-secrets-'));
    for (const { file, text, secret } of Object.values(SECRETS)) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.writeFileSync(path.join(workspace, file), text(secret));
    }
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  const assertNoSecret = (what: string, output: string) => {
    for (const { secret } of Object.values(SECRETS)) {
      for (const window of secretWindows(secret)) assert.ok(!output.includes(window), `${what} prints part of the secret ${secret.slice(0, 3)}…: '${window}'`);
    }
  };

  it('the committed-secret rule sees the secrets (so the checks below mean something)', function () {
    if (!ruleById('committed-secret')) this.skip();
    const { stdout } = run(['--format', 'json', '.'], workspace);
    const flagged = (JSON.parse(stdout) as { findings: { ruleId: string; file: string }[] }).findings
      .filter((f) => f.ruleId === 'committed-secret')
      .map((f) => f.file);
    assert.deepEqual(
      flagged.sort(),
      Object.values(SECRETS)
        .map((s) => s.file)
        .sort(),
    );
    const stylish = run(['.'], workspace).output;
    for (const { secret } of Object.values(SECRETS)) assert.ok(stylish.includes(`${secret.slice(0, 3)}***`), `masked form of ${secret.slice(0, 3)}…`);
  });

  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    it(`--format ${format} prints no secret`, function () {
      const result = run(['--format', format, '.'], workspace);
      if (result.status === 2 && /unknown --format|invalid/i.test(result.output)) this.skip(); // formatter not built yet
      assert.ok(result.status === 0 || result.status === 1, result.output);
      assertNoSecret(`--format ${format}`, result.output);
    });
  }

  it('colored stylish output and --quiet print no secret', () => {
    assertNoSecret('--color', run(['--color', '.'], workspace).output);
    assertNoSecret('--quiet', run(['--quiet', '.'], workspace).output);
  });

  it('--fix-dry-run (a diff of the files) prints no secret', () => {
    const result = run(['--fix-dry-run', '.'], workspace);
    assert.match(result.output, /^\+ +authority: "https:\/\/login\.microsoftonline\.com\/common",$/m, 'a diff is printed');
    assertNoSecret('--fix-dry-run', result.output);
  });

  it('--stdin prints no secret, in every format', () => {
    for (const { file, text, secret } of Object.values(SECRETS)) {
      for (const format of ['stylish', 'json', 'sarif', 'github']) {
        assertNoSecret(`--stdin --format ${format} (${file})`, run(['--stdin', '--stdin-filename', file, '--format', format], workspace, text(secret)).output);
      }
    }
  });

  it('explain prints no secret', () => {
    assertNoSecret('explain', run(['explain', 'AADSTS7000215'], workspace).output);
    assertNoSecret('explain --format json', run(['explain', 'AADSTS7000215', '--format', 'json'], workspace).output);
  });
});
