import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from '../harness';

async function findings(path: string, text: string) {
  return (await scanText(path, text)).findings.filter((f) => f.category === 'iam').map((f) => [f.ruleId, f.severity]);
}

const JOB = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';

test('workflow-level write scopes follow the severity table', async () => {
  const two = `${JOB}  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n`;
  const found = await findings('.github/workflows/a.yml', `on: push\npermissions:\n  contents: write\n  checks: write\n  statuses: write\n  issues: read\n${two}`);
  assert.deepEqual(found, [['iam/gha-workflow-write-scope', 'high'], ['iam/gha-workflow-write-scope', 'medium'], ['iam/gha-workflow-write-scope', 'low']]);
  // One job: as narrow as a job-level map today, but a job added later inherits it: low.
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: push\npermissions:\n  contents: write\n${JOB}`), [['iam/gha-workflow-write-scope', 'low']]);
  // A dead map (every job overrides it) or a reusable workflow's (callers decide) is not judged.
  const overridden = two.replace(/runs-on: ubuntu-latest\n/g, 'runs-on: ubuntu-latest\n    permissions:\n      contents: read\n');
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: push\npermissions:\n  contents: write\n${overridden}`), []);
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: workflow_call\npermissions:\n  contents: write\n${two}`), []);
});

test('write-all and read-all at workflow and job level', async () => {
  const text = `on: push\npermissions: read-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: make\n`;
  assert.deepEqual(await findings('.github/workflows/a.yml', text), [['iam/gha-read-all', 'medium'], ['iam/gha-write-all', 'high']]);
});

test('pull_request_target: critical with write access and a head checkout, high without write, medium without checkout', async () => {
  const checkout = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n';
  const job = (permissions: string, steps: string) => `jobs:\n  t:\n    runs-on: ubuntu-latest\n${permissions}    steps:\n${steps}      - run: make\n`;
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: pull_request_target\npermissions: {}\n${job('    permissions:\n      contents: write\n', checkout)}`),
    [['iam/gha-pwn-request', 'critical']]);
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: pull_request_target\npermissions: {}\n${job('    permissions:\n      contents: read\n', checkout)}`),
    [['iam/gha-pwn-request', 'high']]);
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: pull_request_target\npermissions: {}\n${job('    permissions:\n      issues: write\n', '')}`),
    [['iam/gha-pwn-request', 'medium']]);
  assert.deepEqual(await findings('.github/workflows/a.yml', `on: pull_request\npermissions: {}\n${job('', checkout)}`), []);
});

test('only workflow files and composite actions are read', async () => {
  const text = `on: push\npermissions: write-all\n${JOB}`;
  assert.deepEqual(await findings('ci/workflow.yml', text), []);
  const action = 'runs:\n  using: composite\n  steps:\n    - uses: azure/login@v2\n      with:\n        creds: ${{ inputs.creds }}\n';
  assert.deepEqual(await findings('.github/actions/login/action.yml', action), [['iam/gha-static-cloud-credentials', 'medium']]);
  assert.deepEqual(await findings('.github/actions/login/action.yml', action.replace('composite', 'node20')), []);
});

test('no permissions anywhere is low and names the jobs; a workflow without jobs is not judged', async () => {
  const result = await scanText('.github/workflows/a.yml', `on: push\n${JOB}`);
  assert.deepEqual(result.findings.map((f) => [f.ruleId, f.severity]), [['iam/gha-default-permissions', 'low']]);
  assert.match(result.findings[0].message, /any job/);
  assert.deepEqual(await findings('.github/workflows/empty.yml', 'on: push\njobs: {}\n'), []);
});
