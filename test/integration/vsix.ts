// Entry of the packaged-extension check: runs in a server where keyhole.vsix was installed with
// --install-extension (the extension under development is an empty stand-in).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticOf, EXTENSION_ID, GITHUB_PAT, fakePassword, githubToken, keyhole, openUntitled } from './helpers';
import { runMocha } from './runMocha';

export function run(): Promise<void> {
  return runMocha('keyhole-vsix', async () => describe('The packaged extension (keyhole.vsix)', () => {
    it('is installed from the .vsix and activates', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, 'installed');
      assert.ok(!ext.extensionUri.path.includes('/test/integration'), `installed copy, not the source tree (${ext.extensionUri.path})`);
      await keyhole();
      assert.ok(ext.isActive);
    });

    it('reports findings, with grammars loaded from the package', async () => {
      const api = await keyhole();
      const withLog = (err: Error) => assert.fail(`${err.message}; Keyhole log:\n${api.recentLog().join('\n')}`);
      // A functional check, not a latency one: a fresh extension host on a busy machine may take a while.
      const python = await openUntitled('python', `DB_PASSWORD = "${fakePassword(100)}"\n`);
      await diagnosticOf(python.document.uri, 'secret/generic-password', 20_000).catch(withLog);
      const text = await openUntitled('plaintext', `${githubToken(101)}\n`);
      await diagnosticOf(text.document.uri, GITHUB_PAT, 20_000).catch(withLog);
    });
  }));
}
