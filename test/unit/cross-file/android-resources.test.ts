import * as assert from 'node:assert/strict';
import { Project } from '../../../src/core/engine/project';

// Android string resources linked by the workspace (engine/android-resources.ts), in the shape of
// openid/AppAuth-Android apps that read their redirect with getString(R.string.…): the finding is on the
// string, it follows edits of either file, and a string no code sends is never judged.

const CODE = '/w/app/src/main/java/com/contoso/SignIn.kt';
const VALUES = '/w/app/src/main/res/values/auth.xml';
const VALUES_FR = '/w/app/src/main/res/values-fr/auth.xml';

const code = (redirect: string) => `import net.openid.appauth.AuthorizationRequest
import net.openid.appauth.AuthorizationServiceConfiguration
fun request(context: Context): AuthorizationRequest {
    val config = AuthorizationServiceConfiguration(Uri.parse("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"), Uri.parse("https://login.microsoftonline.com/common/oauth2/v2.0/token"))
    return AuthorizationRequest.Builder(config, "6a1f7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "code", ${redirect}).build()
}
`;
const values = (redirect: string) => `<resources>
    <string name="auth_redirect">${redirect}</string>
    <string name="unused_redirect">com.contoso.unused://auth</string>
</resources>
`;

function findings(project: Project, path: string) {
  return project.lintFile(path).filter((f) => f.ruleId === 'custom-scheme-redirect');
}

describe('cross-file: Android string resources', () => {
  it('reports the string a request sends, relates the use, and follows edits of the code and the values', () => {
    const project = new Project({}, '/w');
    project.setFile(CODE, code('Uri.parse(context.getString(R.string.auth_redirect))'));
    project.setFile(VALUES, values('com.contoso.app://oauth'));
    const [finding, ...rest] = findings(project, VALUES);
    assert.equal(rest.length, 0, 'the unused string is not a redirect');
    assert.equal(finding.start.line, 1);
    assert.equal(project.index.get(VALUES)!.text.slice(finding.range.start, finding.range.end), 'com.contoso.app://oauth');
    assert.deepEqual(
      finding.related.map((r) => [r.file, r.start.line, r.message]),
      [[CODE, 4, 'The app sends this redirect here.']],
    );
    assert.equal(findings(project, CODE).length, 0, 'the code holds only the reference');

    // The code stops reading the resource: the values file is checked again and the finding goes.
    assert.ok(project.dependentsOf(CODE).includes(VALUES));
    project.setFile(CODE, code('Uri.parse("https://app.contoso.com/oauth")'));
    assert.equal(findings(project, VALUES).length, 0);

    // The value becomes an https App Link: no finding either.
    project.setFile(CODE, code('Uri.parse(context.getString(R.string.auth_redirect))'));
    assert.equal(findings(project, VALUES).length, 1);
    project.setFile(VALUES, values('https://app.contoso.com/oauth'));
    assert.equal(findings(project, VALUES).length, 0);
  });

  it('uses the default values/ over a qualified folder, and a qualified one only when no default defines the name', () => {
    const project = new Project({}, '/w');
    project.setFile(CODE, code('Uri.parse(context.getString(R.string.auth_redirect))'));
    project.setFile(VALUES_FR, values('com.contoso.fr://oauth'));
    assert.equal(findings(project, VALUES_FR).length, 1, 'no default: the translation is what Android reads');
    project.setFile(VALUES, values('com.contoso.app://oauth'));
    assert.equal(findings(project, VALUES_FR).length, 0);
    assert.equal(findings(project, VALUES).length, 1);
  });

  it('leaves a resource no values file defines partial (silent)', () => {
    const project = new Project({}, '/w');
    project.setFile(CODE, code('Uri.parse(context.getString(R.string.elsewhere))'));
    project.setFile(VALUES, values('com.contoso.app://oauth'));
    assert.equal(findings(project, VALUES).length, 0);
    assert.equal(project.lintFile(CODE).length, 0);
  });
});
