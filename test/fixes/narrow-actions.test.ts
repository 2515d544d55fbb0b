// GitHub Actions narrowing fixes: edge cases beyond the before/after cases (test/fixtures/fixes-narrow/actions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes } from '../../src/core/fixes/index';
import { planFixes } from '../../src/core/fixes/plan';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';
import { syntaxErrors } from './workspace';

const PATH = '.github/workflows/ci.yml';
const noFiles = { read: () => undefined };

async function findingsOf(text: string): Promise<Finding[]> {
  return (await scanText(PATH, text)).findings.filter((f) => f.ruleId.startsWith('iam/gha-'));
}

async function fixOf(text: string, ruleId: string): Promise<{ fix: Fix; after: string }> {
  const finding = (await findingsOf(text)).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const fix = computeFixes(finding, { path: PATH, text }, noFiles).find((f) => f.preferred);
  assert.ok(fix, `a fix for ${ruleId}`);
  return { fix, after: applyTextEdits(text, fix.edits[0].edits) };
}

test('an unknown action gets no write scope and is listed for review; the job inherits contents: read', async () => {
  const text = `on: push
permissions: write-all
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - uses: acme-corp/notify-action@v1
        with:
          token: \${{ secrets.GITHUB_TOKEN }}
`;
  const { fix, after } = await fixOf(text, 'iam/gha-write-all');
  assert.equal(after, text.replace('permissions: write-all', 'permissions:\n  contents: read'));
  assert.match(fix.description!, /review: job `notify`: unknown action acme-corp\/notify-action may need more \(line 7\)/i);
  assert.deepEqual(await findingsOf(after), []);
});

test('a job with its own permissions keeps them; only jobs that inherit get a block', async () => {
  const text = `on: push
permissions:
  contents: write
  packages: write
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write # ghcr.io push
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: ncipollo/release-action@v1
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
`;
  const { fix, after } = await fixOf(text, 'iam/gha-workflow-write-scope');
  assert.ok(after.includes('    permissions:\n      contents: read\n      packages: write # ghcr.io push\n'), 'the explicit job map is untouched');
  assert.match(after, /^permissions:\n {2}contents: read\njobs:/m, 'packages: write leaves the top, contents: write becomes read');
  assert.match(after, / {2}release:\n {4}runs-on: ubuntu-latest\n {4}permissions:\n {6}contents: write\n {4}steps:/);
  assert.doesNotMatch(after.slice(after.indexOf('  test:')), /permissions/, 'the test job inherits');
  assert.match(fix.description!, /Job `publish` keeps its own permissions/);
  assert.match(fix.description!, /contents: write \(ncipollo\/release-action, line 18\)/);
  assert.deepEqual(await findingsOf(after), []);
  assert.equal(await syntaxErrors(PATH, after), 0);
});

test('flow-style workflow permissions stay flow style', async () => {
  const text = `on: pull_request
permissions: { contents: write, pull-requests: write }
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: thollander/actions-comment-pull-request@v3
`;
  const { after } = await fixOf(text, 'iam/gha-workflow-write-scope');
  assert.match(after, /^permissions: \{ contents: read \}$/m);
  assert.match(after, / {2}comment:\n {4}runs-on: ubuntu-latest\n {4}permissions:\n {6}contents: read\n {6}pull-requests: write\n/);
  assert.deepEqual(await findingsOf(after), []);
  assert.equal(await syntaxErrors(PATH, after), 0);
});

test('comments are kept: above jobs, after values, between steps', async () => {
  const text = `on: push
# Jobs below run on every push
jobs:
  release: # tags only
    runs-on: ubuntu-latest # fast runner
    # build then push
    steps:
      - run: git push origin HEAD:refs/heads/generated # regenerate
`;
  const { after } = await fixOf(text, 'iam/gha-default-permissions');
  assert.equal(after, `on: push
permissions:
  contents: read
# Jobs below run on every push
jobs:
  release: # tags only
    runs-on: ubuntu-latest # fast runner
    permissions:
      contents: write
    # build then push
    steps:
      - run: git push origin HEAD:refs/heads/generated # regenerate
`);
  assert.deepEqual(await findingsOf(after), []);
});

test('run steps: gh api writes and a bare GITHUB_TOKEN are marked for review; npm publish --provenance gets id-token', async () => {
  const text = `on: push
permissions: write-all
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish --provenance --access public
      - run: gh api -X POST repos/acme/app/dispatches -f event_type=published
      - run: ./scripts/notify.sh
        env:
          TOKEN: \${{ secrets.GITHUB_TOKEN }}
`;
  const { fix, after } = await fixOf(text, 'iam/gha-write-all');
  assert.match(after, / {4}permissions:\n {6}contents: read\n {6}id-token: write\n/);
  assert.match(fix.description!, /id-token: write \(npm publish --provenance, line 7\)/);
  assert.match(fix.description!, /`gh api` writes through the API.*\(line 8\)/);
  assert.match(fix.description!, /GITHUB_TOKEN for a purpose the fix cannot tell \(line 11\)/);
});

test('github-script: scopes from the REST calls in the script, and a review note', async () => {
  const text = `on: issues
permissions: write-all
jobs:
  welcome:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@v7
        with:
          script: |
            await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body: 'Thanks!' })
`;
  const { fix, after } = await fixOf(text, 'iam/gha-write-all');
  assert.match(after, / {4}permissions:\n {6}contents: read\n {6}issues: write\n/);
  assert.match(fix.description!, /github-script calls the API/);
});

test('the text changed since the scan: no fix', async () => {
  const text = `on: push
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
`;
  const finding = (await findingsOf(text)).find((f) => f.ruleId === 'iam/gha-write-all')!;
  const changed = text.replace('jobs:', 'jabs:');
  assert.deepEqual(computeFixes(finding, { path: PATH, text: changed }, noFiles), []);
  const renamed = text.replace('  build:', '  bild: ');
  assert.deepEqual(computeFixes(finding, { path: PATH, text: renamed }, noFiles), []);
});

test('planned together: write-all, a job-level read-all and static keys in one file, then fixed again: nothing left', async () => {
  let text = `on: push
permissions: write-all
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: eu-west-1
  audit:
    runs-on: ubuntu-latest
    permissions: read-all
    steps:
      - uses: dependabot/fetch-metadata@v2
`;
  for (let round = 0; round < 4; round++) {
    const findings = await findingsOf(text);
    const plan = planFixes(findings.map((finding) => ({ finding, doc: { path: PATH, text } })), noFiles);
    if (plan.files.length === 0) break;
    text = plan.files[0].after;
  }
  assert.deepEqual((await findingsOf(text)).map((f) => f.ruleId), []);
  assert.match(text, /^permissions:\n {2}contents: read\n/m);
  assert.match(text, / {2}deploy:\n {4}runs-on: ubuntu-latest\n {4}permissions:\n {6}contents: read\n {6}id-token: write\n/);
  assert.match(text, / {2}audit:\n {4}runs-on: ubuntu-latest\n {4}permissions:\n {6}contents: read\n {6}pull-requests: read\n/);
  assert.match(text, /role-to-assume: /);
  assert.equal(await syntaxErrors(PATH, text), 0);
});

test('static keys: the OIDC fix says what to set up on the platform and keeps the job\'s permissions', async () => {
  const text = `on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      deployments: write
    steps:
      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
`;
  const { fix, after } = await fixOf(text, 'iam/gha-static-cloud-credentials');
  assert.match(after, / {6}contents: read\n {6}deployments: write\n {6}id-token: write\n/);
  assert.match(after, /workload_identity_provider: /);
  assert.doesNotMatch(after, /credentials_json/);
  assert.match(fix.description!, /workload identity pool/);
  assert.match(fix.description!, /token\.actions\.githubusercontent\.com/);
  assert.match(fix.description!, /delete the secret GCP_SA_KEY/);
  assert.deepEqual(await findingsOf(after), []);
});
