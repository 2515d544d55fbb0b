import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fix } from '../../../src/core/types';
import { fixToWorkspaceEdit } from '../../../src/extension/workspaceEdits';
import {
  closeAllEditors, deleteFile, diagnosticOf, fakePassword, GITHUB_PAT, githubToken, keyhole, noDiagnosticOf, openFile, openUntitled, readFile, waitFor, writeFile,
} from '../helpers';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('keyhole');

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

async function runAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applied ${action.title}`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function byTitle(actions: vscode.CodeAction[], pattern: RegExp): vscode.CodeAction {
  const found = actions.find((a) => pattern.test(a.title));
  assert.ok(found, `an action matching ${pattern} among: ${actions.map((a) => a.title).join(' | ')}`);
  return found;
}

describe('Code actions', () => {
  before(async () => {
    await keyhole();
  });
  afterEach(async () => {
    await closeAllEditors();
  });

  it('lists the suppression and documentation actions for a finding, with no secret in any title', async () => {
    const password = fakePassword(20);
    const editor = await openUntitled('python', `DB_PASSWORD = "${password}"\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    const actions = await quickFixes(editor.document.uri, d.range);
    const titles = actions.map((a) => a.title);
    byTitle(actions, /^Ignore secret\/generic-password on this line \(with reason\)$/);
    byTitle(actions, /^Ignore secret\/generic-password in this file$/);
    byTitle(actions, /^Add this finding to the workspace allowlist$/);
    const docs = byTitle(actions, /^Show documentation for secret\/generic-password$/);
    assert.equal(docs.command?.arguments?.[0], 'secret/generic-password');
    for (const t of titles) assert.ok(!t.includes(password), `no secret in "${t}"`);
  });

  it('Ignore on this line inserts a trailing comment with a reason placeholder, selects it, and the diagnostic goes', async () => {
    const editor = await openFile('src/ignore-line.py', `import os\nDB_PASSWORD = "${fakePassword(21)}"\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await runAction(byTitle(await quickFixes(editor.document.uri, d.range), /on this line/));
    const line = editor.document.lineAt(1).text;
    assert.match(line, /^DB_PASSWORD = ".*"  # keyhole-ignore secret\/generic-password -- TODO: say why this is safe$/);
    assert.equal(editor.document.getText(editor.selection), 'TODO: say why this is safe');
    await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await deleteFile('src/ignore-line.py');
  });

  it('Ignore on this line in a .env file puts the comment on the line above', async () => {
    const editor = await openFile('config/app.env', `APP_NAME=demo\nDB_PASSWORD=${fakePassword(22)}\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await runAction(byTitle(await quickFixes(editor.document.uri, d.range), /on this line/));
    assert.equal(editor.document.lineAt(1).text, '# keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe');
    assert.match(editor.document.lineAt(2).text, /^DB_PASSWORD=/);
    await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await deleteFile('config');
  });

  it('Ignore in this file inserts keyhole-disable after the shebang', async () => {
    const editor = await openFile('scripts/deploy.sh', `#!/usr/bin/env bash\nset -e\nexport DB_PASSWORD="${fakePassword(23)}"\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await runAction(byTitle(await quickFixes(editor.document.uri, d.range), /in this file/));
    assert.equal(editor.document.lineAt(0).text, '#!/usr/bin/env bash');
    assert.equal(editor.document.lineAt(1).text, '# keyhole-disable secret/generic-password -- TODO: say why this is safe');
    await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    await deleteFile('scripts');
  });

  it('Add to workspace allowlist records the fingerprint in .keyhole.json, keeps its comments, and the finding goes', async () => {
    const before = await readFile('.keyhole.json');
    const editor = await openFile('src/allowed.py', `SERVICE_PASSWORD = "${fakePassword(24)}"\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    const action = byTitle(await quickFixes(editor.document.uri, d.range), /allowlist/);
    const [uri, fingerprint] = action.command?.arguments ?? [];
    assert.match(fingerprint, /^secret\/generic-password:[0-9a-f]{16}$/);
    assert.equal(await vscode.commands.executeCommand(action.command!.command, uri, fingerprint, 'rotated, kept as a fixture'), true);
    const config = await readFile('.keyhole.json');
    assert.ok(config?.includes(fingerprint));
    assert.ok(config?.includes('"reason": "rotated, kept as a fixture"'));
    assert.ok(config?.includes('"path": "src/allowed.py"'));
    assert.ok(config?.includes('// The integration suite'), 'comments kept');
    await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
    await writeFile('.keyhole.json', before!);
    await diagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
    await deleteFile('src/allowed.py');
  });

  it('offers no comment-based action in plain JSON (no comment syntax), only the allowlist', async () => {
    const editor = await openFile('settings/prod.json', `{\n  "db_password": "${fakePassword(25)}"\n}\n`);
    const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    const titles = (await quickFixes(editor.document.uri, d.range)).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Ignore')), titles.join(' | '));
    assert.ok(titles.includes('Add this finding to the workspace allowlist'));
    await deleteFile('settings');
  });

  it('applies a multi-file fix as one WorkspaceEdit that creates .env', async () => {
    const editor = await openFile('src/client.ts', 'const client = connect("s3cr3t-value-123");\n');
    const fix: Fix = {
      title: 'Read the value from the environment (DB_PASSWORD)',
      preferred: true,
      edits: [
        { path: 'src/client.ts', edits: [{ span: { start: 23, end: 41 }, newText: 'process.env.DB_PASSWORD' }] },
        { path: '.env', create: true, edits: [{ span: { start: 0, end: 0 }, newText: 'DB_PASSWORD=s3cr3t-value-123\n' }] },
      ],
    };
    const edit = await fixToWorkspaceEdit(fix, editor.document.uri);
    assert.ok(edit);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), 'const client = connect(process.env.DB_PASSWORD);\n');
    const env = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.env'));
    assert.equal(env.getText(), 'DB_PASSWORD=s3cr3t-value-123\n');
    // Undoing a multi-file edit asks (in a modal dialog) whether to undo in all files, so it is not driven here.
    await deleteFile('.env');
    await deleteFile('src/client.ts');
  });

  describe('fixes computed by the core', () => {
    let gitignore: string | undefined;
    before(async () => {
      gitignore = await readFile('.gitignore');
    });
    afterEach(async () => {
      await closeAllEditors();
      for (const f of ['.env', '.env.example', 'src/db.py', 'src/two.py', 'src/client.ts']) await deleteFile(f);
      if (gitignore !== undefined) await writeFile('.gitignore', gitignore);
    });

    it('offers the preferred fix first and applies it across files: the code, .env, .env.example and .gitignore', async () => {
      const password = fakePassword(26);
      const editor = await openFile('src/db.py', `import os\nDB_PASSWORD = "${password}"\n`);
      const d = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
      const actions = await quickFixes(editor.document.uri, d.range);
      const fix = byTitle(actions, /^Read DB_PASSWORD from the environment/);
      assert.equal(fix.isPreferred, true);
      assert.equal(actions.filter((a) => a.isPreferred).length, 1);
      assert.ok(actions.indexOf(fix) < actions.findIndex((a) => a.title.startsWith('Ignore')), 'fixes come before suppressions');
      for (const a of actions) assert.ok(!a.title.includes(password), `no secret in "${a.title}"`);
      assert.equal(fix.command?.command, 'keyhole.showFixNote', 'the fix says what is left to do once applied');
      await runAction(fix);
      assert.equal(editor.document.getText(), 'import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n');
      const api = await keyhole();
      const applied = api.recentLog().find((l) => l.includes('Applied "Read DB_PASSWORD from the environment'));
      assert.ok(applied, 'the fix note is in the output');
      assert.match(applied, /Rotate the old value/);
      assert.ok(!applied.includes(password), 'no secret in the fix note');
      const open = (rel: string) => vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, rel));
      assert.match((await open('.env')).getText(), new RegExp(`^DB_PASSWORD='${password.replace(/[!#]/g, '\\$&')}'$`, 'm'));
      assert.equal((await open('.env.example')).getText(), 'DB_PASSWORD=\n');
      assert.match((await open('.gitignore')).getText(), /^\.env$/m);
      await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    });

    it('source.fixAll.keyhole fixes every finding of the file in one edit, each value stored once', async () => {
      const editor = await openFile('src/two.py', `A_PASSWORD = "${fakePassword(27)}"\nB_PASSWORD = "${fakePassword(28)}"\n`);
      await waitFor('two diagnostics', () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Keyhole').length === 2, 3000);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), FIX_ALL.value) ?? [];
      const fixAll = actions.filter((a) => a.kind?.value === FIX_ALL.value);
      assert.equal(fixAll.length, 1);
      assert.equal(fixAll[0].title, 'Fix 2 Keyhole findings');
      await runAction(fixAll[0]);
      assert.equal(editor.document.getText(), 'import os\n\nA_PASSWORD = os.environ["A_PASSWORD"]\nB_PASSWORD = os.environ["B_PASSWORD"]\n');
      const env = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.env'));
      assert.deepEqual(env.getText().split('\n').filter((l) => /^[AB]_PASSWORD=/.test(l)).map((l) => l.split('=')[0]), ['A_PASSWORD', 'B_PASSWORD']);
      await waitFor('both findings fixed', () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Keyhole').length === 0, 3000);
    });

    it('Keyhole: Fix All in File moves a GitHub token to .env', async () => {
      const token = githubToken(29);
      const editor = await openFile('src/client.ts', `export const token = "${token}";\n`);
      await diagnosticOf(editor.document.uri, GITHUB_PAT, 2000);
      assert.equal(await vscode.commands.executeCommand('keyhole.fixAllInFile'), 1);
      assert.equal(editor.document.getText(), 'export const token = process.env.GITHUB_TOKEN!;\n');
      const env = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.env'));
      assert.ok(env.getText().includes(`GITHUB_TOKEN=${token}`));
      await noDiagnosticOf(editor.document.uri, GITHUB_PAT, 2000);
    });
  });

  describe('narrowing fixes', () => {
    const created: string[] = [];
    after(async () => {
      for (const f of created) await deleteFile(f);
    });
    const file = async (rel: string, text: string) => {
      created.push(rel);
      return openFile(rel, text);
    };

    it('narrows `permissions: write-all` to contents: read plus what each job needs, and logs where each scope comes from', async () => {
      const workflow = [
        'name: Release',
        'on:',
        '  push:',
        "    tags: ['v*']",
        'permissions: write-all',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: npm test',
        '  release:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: softprops/action-gh-release@v2',
        '',
      ].join('\n');
      const editor = await file('.github/workflows/release.yml', workflow);
      const d = await diagnosticOf(editor.document.uri, 'iam/gha-write-all', 3000);
      const actions = await quickFixes(editor.document.uri, d.range);
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(actions.indexOf(fix) < actions.findIndex((a) => a.title.startsWith('Ignore')), 'the fix comes before suppressions');
      await runAction(fix);
      const text = editor.document.getText();
      assert.match(text, /^permissions:\n  contents: read$/m);
      assert.doesNotMatch(text, /write-all/);
      assert.match(text, /  release:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n/);
      assert.doesNotMatch(text.slice(text.indexOf('  test:'), text.indexOf('  release:')), /permissions/, 'a job that only reads gets nothing more');
      await noDiagnosticOf(editor.document.uri, 'iam/gha-write-all', 3000);
      const note = (await keyhole()).recentLog().find((l) => l.startsWith('[info] Applied') && l.includes('softprops/action-gh-release'));
      assert.ok(note, 'the fix note names the step that needs contents: write');
    });

    it('narrows `s3:*` to the S3 actions the workspace code calls, with each call site in the note', async () => {
      created.push('src/uploader.py');
      await writeFile('src/uploader.py', [
        'import boto3',
        '',
        's3 = boto3.client("s3")',
        '',
        'def publish(bucket: str, key: str, body: bytes) -> None:',
        '    s3.put_object(Bucket=bucket, Key=key, Body=body)',
        '',
        'def fetch(bucket: str, key: str) -> bytes:',
        '    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()',
        '',
      ].join('\n'));
      const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:*",\n      "Resource": "arn:aws:s3:::reports-bucket/*"\n    }\n  ]\n}\n';
      const editor = await file('policies/uploader.json', policy);
      const d = await diagnosticOf(editor.document.uri, 'iam/aws-wildcard-action', 3000);
      const fix = (await quickFixes(editor.document.uri, d.range)).find((a) => a.isPreferred);
      assert.ok(fix, 'a preferred fix');
      await runAction(fix);
      const statement = JSON.parse(editor.document.getText()).Statement[0];
      assert.deepEqual(statement.Action, ['s3:GetObject', 's3:PutObject']);
      assert.equal(statement.Resource, 'arn:aws:s3:::reports-bucket/*');
      await noDiagnosticOf(editor.document.uri, 'iam/aws-wildcard-action', 3000);
      const note = (await keyhole()).recentLog().find((l) => l.startsWith('[info] Applied') && l.includes('src/uploader.py:'));
      assert.ok(note, 'the note gives the call sites');
    });

    it('replaces `Bash(*)` in Claude Code settings with the package.json scripts', async () => {
      created.push('package.json');
      await writeFile('package.json', JSON.stringify({ name: 'demo', scripts: { build: 'tsc -p .', lint: 'eslint .' } }, null, 2));
      const editor = await file('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(*)", "Read(./src/**)"]\n  }\n}\n');
      const d = await diagnosticOf(editor.document.uri, 'agent/claude-unrestricted-bash', 3000);
      const fix = (await quickFixes(editor.document.uri, d.range)).find((a) => a.isPreferred);
      assert.ok(fix, 'a preferred fix');
      await runAction(fix);
      const allow: string[] = JSON.parse(editor.document.getText()).permissions.allow;
      assert.ok(allow.includes('Bash(npm run build)') && allow.includes('Bash(npm run lint)'), allow.join(', '));
      assert.ok(!allow.includes('Bash(*)'));
      assert.ok(allow.includes('Read(./src/**)'), 'other rules stay');
      await noDiagnosticOf(editor.document.uri, 'agent/claude-unrestricted-bash', 3000);
    });
  });
});
