import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, REPO, runCli } from './run-cli';
import { encode } from '../../src/core/io/text';
import { Project } from '../../src/core/engine/project';

// Regression tests for issue 15 ("never lose a byte, never leak a secret, never hang"), one per numbered
// item, at the CLI level (as users and CI run it). Each reproduces the case the adversarial pass found.
// No wall-clock assertion: a case that used to hang is given a generous spawn timeout, and the assertion is
// on what it printed and its exit code.

const APP = '6f1d2c3b-4a59-4e8d-9c7b-0a1b2c3d4e5f';

function bash(script: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CLI }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(root: string, file: string, content: string | Buffer): string {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

const json = (stdout: string) =>
  JSON.parse(stdout) as { files: string[]; findings: { ruleId: string; message: string; file: string; line: number; related?: { message: string }[] }[] };

describe('issue 15: --fix, secrets, globs, symlinks and output under attack', function () {
  this.timeout(180_000);
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-15-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('1: a failed write (file size limit) leaves the file byte-identical and says so', () => {
    const text = `{\n  "appId": "${APP}",\n  "web": { "redirectUris": ["https://a.example.com/x", "https://a.example.com/x"] }\n${' '.repeat(9000)}}\n`;
    const file = write(root, 'manifest.json', text);
    const result = bash('ulimit -f 8; node "$CLI" --fix .', root);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'the closing } is still there');
    assert.match(result.stderr, /manifest\.json: not fixed \(.*\); the file is unchanged/);
    assert.match(result.stderr, /0 fixes applied to 0 files/);
    assert.equal(result.status, 2, 'a fix that could not be written fails the run');
    assert.deepEqual(
      fs.readdirSync(root).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file is left',
    );
  });

  it('2: --fix never touches a file with parse problems (the unique redirect after a missing } stays)', () => {
    const text = `{\n  "appId": "${APP}",\n  "replyUrlsWithType": [\n    { "url": "https://a.example.com/x", "type": "Web" },\n    { "url": "https://a.example.com/x", "type": "Web" ,\n    { "url": "https://unique.example.com/y", "type": "Web" }\n  ]\n}\n`;
    const file = write(root, 'manifest.json', text);
    const result = runCli(['--fix', '.'], { cwd: root });
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.match(result.stderr, /manifest\.json: not fixed \(it has parse problems/);
  });

  it('3: the Android hash is encoded in place when redirect_uri has a leading space (no offset drift)', () => {
    const file = write(
      root,
      'app/src/main/res/raw/auth_config.json',
      `{\n  "client_id": "${APP}",\n  "redirect_uri": " msauth://com.contoso.mobile/Xo8abc+def/ghi=",\n  "authorities": [{ "type": "AAD", "audience": { "type": "AzureADMyOrg" } }]\n}\n`,
    );
    runCli(['--fix', '.'], { cwd: root });
    assert.match(fs.readFileSync(file, 'utf8'), /"redirect_uri": " msauth:\/\/com\.contoso\.mobile\/Xo8abc%2Bdef%2Fghi%3D",/);
  });

  describe('4: one secret detector for every format and key spelling, masked on every output path', () => {
    const SECRETS: Record<string, [string, string]> = {
      'duplicate ClientSecret keys (the empty first one)': [
        'api/appsettings.json',
        '{ "AzureAd": { "ClientId": "%APP%", "ClientSecret": "", "ClientSecret": "Qm7~x9Lk2Vb8Tq4Ws1Rz6Yp0Nh3Jd5Gf" } }\n',
      ],
      'ClientCredentials[] entries': [
        'web/appsettings.json',
        '{ "AzureAd": { "ClientId": "%APP%", "ClientCredentials": [ { "SourceType": "ClientSecret", "ClientSecret": "Vr5.Lk2Vb8Tq4Ws1Rz6Yp0Nh3Jd5Gf7" } ] } }\n',
      ],
      'flat AzureAd:ClientSecret keys': ['flat/appsettings.json', '{ "AzureAd:ClientId": "%APP%", "AzureAd:ClientSecret": "Fl4t_Lk2Vb8Tq4Ws1Rz6Yp0Nh3Jd5" }\n'],
      'escaped values': ['esc/appsettings.json', '{ "AzureAd": { "ClientId": "%APP%", "ClientSecret": "Es\\u0063aped~Lk2Vb8Tq4Ws1Rz6Y" } }\n'],
      'Android client_secret': [
        'app/src/main/res/raw/auth_config.json',
        '{ "client_id": "%APP%", "redirect_uri": "msauth://com.contoso/abc%3D", "client_secret": "Andr0id~Lk2Vb8Tq4Ws1Rz6Yp0" }\n',
      ],
      'a second *_CLIENT_SECRET in .env': ['worker/.env', 'CLIENT_ID=%APP%\nAPP_CLIENT_SECRET=\nGRAPH_CLIENT_SECRET=Gr4ph~Lk2Vb8Tq4Ws1Rz6Yp0Nh3\n'],
      'C# ?? fallbacks': [
        'svc/Program.cs',
        'var secret = Environment.GetEnvironmentVariable("SECRET") ?? "Fa11back~Lk2Vb8Tq4Ws1Rz6Yp";\nvar app = ConfidentialClientApplicationBuilder.Create("%APP%").WithClientSecret(secret).Build();\n',
      ],
      'ConfidentialClientApplicationOptions { ClientSecret = … }': [
        'svc2/Auth.cs',
        'var options = new ConfidentialClientApplicationOptions { ClientId = "%APP%", ClientSecret = "0pti0ns~Lk2Vb8Tq4Ws1Rz6Yp" };\nvar app = ConfidentialClientApplicationBuilder.CreateWithApplicationOptions(options).Build();\n',
      ],
      'certificate passwords': [
        'cert/appsettings.json',
        '{ "AzureAd": { "ClientId": "%APP%", "ClientCertificates": [ { "SourceType": "Path", "CertificateDiskPath": "c.pfx", "CertificatePassword": "Pfx-Pa55w0rd-Lk2Vb8Tq4W" } ] } }\n',
      ],
      'PEM private keys': [
        'pem/auth.config.json',
        '{ "clientId": "%APP%", "redirectUri": "http://localhost", "privateKey": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----" }\n',
      ],
    };
    const valueOf = (text: string) => /(Qm7|Vr5|Fl4t|Es|Andr0id|Gr4ph|Fa11back|0pti0ns|Pfx-|MIIEvQ)[^"\n]*/.exec(text)![0];

    beforeEach(() => {
      for (const [file, text] of Object.values(SECRETS)) write(root, file, text.replace('%APP%', APP));
    });

    it('committed-secret finds each of them', () => {
      const findings = json(runCli(['--format', 'json', '.'], { cwd: root }).stdout).findings.filter((f) => f.ruleId === 'committed-secret');
      for (const [name, [file]] of Object.entries(SECRETS))
        assert.ok(
          findings.some((f) => f.file === file),
          `${name} (${file})`,
        );
    });

    it('no output path prints any of them (stylish, json, sarif, github, --fix-dry-run)', () => {
      // An http:// authority next to a secret gives --fix-dry-run a diff whose context holds the secret line.
      write(
        root,
        'js/authConfig.js',
        `const msalConfig = { auth: {\n  clientId: "${APP}",\n  authority: "http://login.microsoftonline.com/common",\n  clientSecret: "Js5ecret~Lk2Vb8Tq4Ws1Rz6Yp0Nh",\n} };\n`,
      );
      const outputs = ['stylish', 'json', 'sarif', 'github'].map((format) => runCli(['--format', format, '.'], { cwd: root }));
      const dry = runCli(['--fix-dry-run', '.'], { cwd: root });
      assert.match(dry.stdout, /^\+ {2}authority: "https:\/\/login/m, 'a diff is printed');
      for (const output of [...outputs, dry]) {
        const all = output.stdout + output.stderr;
        for (const [, [, text]] of Object.entries(SECRETS)) {
          const secret = valueOf(text);
          for (let i = 4; i + 8 <= secret.length; i += 2) assert.ok(!all.includes(secret.slice(i, i + 8)), `prints part of ${secret.slice(0, 3)}…`);
        }
        assert.ok(!all.includes('Lk2Vb8Tq4Ws1Rz6Yp0Nh'), 'the JS secret in the diff context is masked');
      }
    });
  });

  it('5: 140,000 findings in one file: no stack overflow, at most 1,000 shown and one finding that says so', () => {
    // Distinct values: copies of one value are one problem (reported once), so they would not reach the cap.
    write(root, 'manifest.json', `{"appId":"${APP}","replyUrls":[${Array.from({ length: 140_000 }, (_, i) => `"myapp://a${i}"`).join(',')}]}`);
    const result = runCli(['--format', 'json', '.'], { cwd: root });
    assert.ok(result.status === 1, result.stderr.slice(0, 500));
    const report = json(result.stdout);
    assert.ok(report.findings.length <= 1001, `${report.findings.length} findings`);
    assert.ok(report.findings.some((f) => /more findings in this file are not shown \(at most 1000 per file\)/.test(f.message)));
  });

  it('6: a catastrophic --exclude glob against a long folder name finishes (linear-time matcher)', () => {
    write(root, `${'a'.repeat(60)}/manifest.json`, `{ "appId": "${APP}", "replyUrls": ["myapp://auth"] }`);
    const result = runCli(['--exclude', `${'*a'.repeat(14)}!`, '--format', 'json', '.'], { cwd: root });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    assert.equal(json(result.stdout).files.length, 1);
  });

  it('7: a suppression directive inside a JSON string value silences nothing', () => {
    write(root, 'manifest.json', `{ "appId": "${APP}", "displayName": "x entra-auth-lint-disable-line", "replyUrls": ["myapp://auth"] }\n`);
    write(root, '.env', 'REDIRECT_URI=myapp://auth # entra-auth-lint-disable-line\nCLIENT_ID="entra-auth-lint-disable-line"\n');
    const findings = json(runCli(['--format', 'json', '.'], { cwd: root }).stdout).findings;
    assert.ok(findings.some((f) => f.file === 'manifest.json' && f.ruleId === 'custom-scheme-redirect'));
    // A real comment still works.
    assert.ok(!findings.some((f) => f.file === '.env' && f.line === 1));
  });

  it('8: the same input gives the same SARIF twice, with no timing in messages or fingerprints', () => {
    let code = `var app = PublicClientApplicationBuilder.Create("${APP}")`;
    for (let i = 0; i < 20_000; i++) code += `\n    .WithRedirectUri("myapp://auth${i % 7}")`;
    write(root, 'Auth.cs', `${code}.Build();\n`);
    const first = runCli(['--format', 'sarif', '.'], { cwd: root });
    const second = runCli(['--format', 'sarif', '.'], { cwd: root });
    assert.ok(first.status === 0 || first.status === 1, first.stderr);
    assert.equal(first.stdout, second.stdout);
    assert.doesNotMatch(first.stdout, /\d+ ms\b/);
  });

  it('9: a symbolic link out of the PATH is skipped and reported; a hard-linked file is not fixed', function () {
    try {
      fs.symlinkSync('/', path.join(root, 'rootlink'));
    } catch {
      this.skip();
    }
    const manifest = write(
      root,
      'app/manifest.json',
      `{\n  "appId": "${APP}",\n  "web": { "redirectUris": ["https://a.example.com/x", "https://a.example.com/x"] }\n}\n`,
    );
    const result = runCli(['--format', 'json', '.'], { cwd: root });
    assert.match(result.stderr, /rootlink: symbolic link to \/, outside .*; skipped/);
    assert.deepEqual(json(result.stdout).files, ['app/manifest.json']);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eal-15-outside-'));
    try {
      fs.linkSync(manifest, path.join(outside, 'manifest.json'));
      const before = fs.readFileSync(manifest, 'utf8');
      const fix = runCli(['--fix', 'app'], { cwd: root });
      assert.equal(fs.readFileSync(manifest, 'utf8'), before);
      assert.match(fix.stderr, /manifest\.json: not fixed \(it has 2 hard links;/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('10: a config file above the repository root (.git) is not used', () => {
    write(root, '.entra-auth-lint.json', '{ "exclude": ["**"] }');
    write(root, 'checkout/.git/HEAD', 'ref: refs/heads/main\n');
    write(root, 'checkout/manifest.json', `{ "appId": "${APP}", "replyUrls": ["myapp://auth"] }`);
    const result = runCli(['--format', 'json', 'checkout'], { cwd: root });
    assert.equal(json(result.stdout).files.length, 1, result.stdout);
    assert.ok(json(result.stdout).findings.some((f) => f.ruleId === 'custom-scheme-redirect'));
    write(root, '.entra-auth-lint.json', '{ broken');
    assert.notEqual(runCli(['checkout'], { cwd: root }).status, 2, 'a malformed config above the checkout does not stop the run');
  });

  it('11: control characters from file names and values are escaped in stylish, github and stderr', () => {
    write(root, 'manifest.json', `{ "appId": "${APP}", "replyUrls": ["myapp://a\\u001b]0;pwned\\u0007\\u001b[2J\\rerror all good"] }\n`);
    fs.mkdirSync(path.join(root, 'bad\u001b[2Jname'));
    fs.symlinkSync('/nonexistent', path.join(root, 'bad\u001b[2Jname', 'manifest.json'));
    for (const format of ['stylish', 'github']) {
      const result = runCli(['--format', format, '.'], { cwd: root });
      assert.equal(result.status, 1);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(result.stdout.replace(/\r\n/g, '\n')), `${format} stdout holds a raw control character`);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(result.stderr), `${format} stderr holds a raw control character`);
      assert.match(result.stdout + result.stderr, /\\x1b/);
    }
  });

  it('12: exit 2 for a named file that cannot be read; EPIPE ends quietly; a stdout write error is exit 2 with one line', () => {
    write(root, 'Info.plist', Buffer.from([0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0, 0, 1, 2]));
    const named = runCli(['Info.plist'], { cwd: root });
    assert.equal(named.status, 2);
    assert.match(named.stderr, /could not read Info\.plist/);
    const pipe = bash(`node "$CLI" --format json "${path.join(REPO, 'test/fixtures')}" | head -c 1; echo " exit=\${PIPESTATUS[0]}"`, root);
    assert.match(pipe.stdout, /exit=[01]\s*$/);
    assert.doesNotMatch(pipe.stderr, /EPIPE|Error|at /);
    write(root, 'manifest.json', `{ "appId": "${APP}", "replyUrls": ["myapp://auth"] }`);
    if (fs.existsSync('/dev/full')) {
      const full = bash('node "$CLI" --format sarif . > /dev/full', root);
      assert.equal(full.status, 2);
      assert.equal(full.stderr.trim().split('\n').length, 1, full.stderr);
      assert.match(full.stderr, /cannot write the output: ENOSPC/);
    }
  });

  it('13: one --fix is final (three copies of a URI)', () => {
    write(
      root,
      'reg/manifest.json',
      `{\n  "appId": "${APP}",\n  "web": { "redirectUris": [\n    "https://a.example.com/x",\n    "https://a.example.com/x",\n    "https://a.example.com/x"\n  ] }\n}\n`,
    );
    const first = runCli(['--fix', '.'], { cwd: root });
    assert.match(first.stderr, /fixes applied/);
    const second = runCli(['--fix', '.'], { cwd: root });
    assert.match(second.stderr, /0 fixes applied to 0 files/, second.stderr);
    assert.equal((fs.readFileSync(path.join(root, 'reg/manifest.json'), 'utf8').match(/a\.example\.com/g) ?? []).length, 1);
  });

  describe('14: resource limits', () => {
    it('--config /dev/zero and --config FIFO are refused at once', function () {
      write(root, 'manifest.json', '{}');
      const zero = runCli(['--config', '/dev/zero', '.'], { cwd: root });
      assert.equal(zero.status, 2);
      assert.match(zero.stderr, /not a regular file \(a device\)/);
      if (spawnSync('mkfifo', [path.join(root, 'fifo')]).status !== 0) this.skip();
      const fifo = runCli(['--config', 'fifo', '.'], { cwd: root });
      assert.equal(fifo.status, 2);
      assert.match(fifo.stderr, /not a regular file \(a named pipe\)/);
    });

    it('a config with 200,000 excludes, a 100,000-call C# chain and 1,000 nested folders finish', () => {
      write(root, '.entra-auth-lint.json', JSON.stringify({ exclude: Array.from({ length: 200_000 }, (_, i) => `g/p${i}/**`) }));
      write(root, 'Auth.cs', `var app = PublicClientApplicationBuilder.Create("${APP}")${'.WithRedirectUri("myapp://auth")'.repeat(100_000)}.Build();\n`);
      write(root, `${'d/'.repeat(1000)}manifest.json`, `{ "appId": "${APP}", "replyUrls": ["myapp://deep"] }`);
      const result = runCli(['--format', 'json', '.'], { cwd: root });
      assert.equal(result.status, 1, result.stderr.slice(0, 300));
      assert.deepEqual(json(result.stdout).files.length, 2);
    });

    it('--stdin over the size limit is refused without reading it all (exit 2)', () => {
      const result = spawnSync(process.execPath, [CLI, '--stdin', '--stdin-filename', 'manifest.json'], {
        input: Buffer.alloc(6 * 1024 * 1024, 0x20),
        encoding: 'utf8',
      });
      assert.equal(result.status, 2);
      assert.match(result.stdout, /standard input is over the 5\.0 MB limit/);
    });
  });

  describe('15: smaller items', () => {
    it('a CR-only Info.plist gets a CR line, not an LF one', () => {
      fs.cpSync(path.join(REPO, 'test/fixtures/rules/fix-workspace'), root, { recursive: true });
      const plist = path.join(root, 'mobile/ios/Contoso/Info.plist');
      fs.writeFileSync(plist, fs.readFileSync(plist, 'utf8').replace(/\r?\n/g, '\r'));
      runCli(['--fix', '.'], { cwd: root });
      const fixed = fs.readFileSync(plist, 'utf8');
      assert.match(fixed, /<string>msauth\.com\.contoso\.app<\/string>/);
      assert.ok(!fixed.includes('\n'), 'no LF inserted');
    });

    it("docs/ci.md's pre-commit hook passes file names after --", () => {
      assert.match(fs.readFileSync(path.join(REPO, 'docs/ci.md'), 'utf8'), /xargs -0 --no-run-if-empty npx --no-install entra-auth-lint --quiet --\n/);
      write(root, '-rf.json', '{}');
      assert.notEqual(runCli(['--quiet', '--', '-rf.json'], { cwd: root }).status, 2);
    });

    it('explain with 100 digits says it is not a code; explain - with a folder on stdin is a usage error', () => {
      const long = runCli(['explain', '1234567890'.repeat(10)]);
      assert.equal(long.status, 1);
      assert.doesNotMatch(long.stderr, /e\+/);
      assert.match(long.stderr, /at most 9 digits/);
      const folder = bash('node "$CLI" explain - < /tmp', root);
      assert.equal(folder.status, 2);
      assert.match(folder.stderr, /cannot read the message: standard input is a folder/);
      assert.doesNotMatch(folder.stderr, /\n\s+at /);
    });

    it('a near-duplicate by a non-breaking space is described as such; zero-width and bidi characters are flagged', () => {
      write(root, 'a/manifest.json', `{ "appId": "${APP}", "web": { "redirectUris": ["https://a.example.com/x", "https://a.example.com/x\u00a0"] } }\n`);
      write(root, 'b/manifest.json', `{ "appId": "${APP}", "web": { "redirectUris": ["https://a.example.com/\u200bx", "https://a.example\u202e.com/y"] } }\n`);
      const findings = json(runCli(['--format', 'json', '.'], { cwd: root }).stdout).findings;
      // The copy with the space is also malformed (an error): that finding stays and carries the near-duplicate
      // one (its sentence in the hover detail, its "listed here" location).
      const nearCopy = new Project({}, root);
      nearCopy.setFile(path.join(root, 'a/manifest.json'), fs.readFileSync(path.join(root, 'a/manifest.json'), 'utf8'));
      assert.ok(nearCopy.lintFile(path.join(root, 'a/manifest.json')).some((f) => /only by a space \(or a non-breaking space\)/.test(f.detail ?? f.message)));
      assert.ok(findings.some((f) => f.file === 'a/manifest.json' && f.related?.some((r) => /is listed here/.test(r.message))));
      const invisible = findings.filter((f) => f.file === 'b/manifest.json' && /invisible character U\+(200B|202E)/.test(f.message));
      assert.equal(invisible.length, 2, JSON.stringify(findings));
    });

    it('a UTF-16 config file is read', () => {
      write(root, '.entra-auth-lint.json', encode('{ "rules": { "custom-scheme-redirect": "off" } }', { encoding: 'utf16le', bom: true }));
      write(root, 'manifest.json', `{ "appId": "${APP}", "replyUrls": ["myapp://auth"] }`);
      const result = runCli(['--format', 'json', '.'], { cwd: root });
      assert.notEqual(result.status, 2, result.stderr);
      assert.ok(!json(result.stdout).findings.some((f) => f.ruleId === 'custom-scheme-redirect'));
    });
  });
});
