import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionWasmSource } from '../../../src/extension/wasmSource';
import { EXTENSION_ID, keyhole } from '../helpers';

interface Manifest {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
  contributes: {
    commands: { command: string }[];
    jsonValidation: { fileMatch: string[]; url: string }[];
    grammars: { path: string; injectTo: string[] }[];
    viewsContainers: { activitybar: { icon: string }[] };
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

describe('Extension environment', () => {
  let ext: vscode.Extension<unknown>;
  let manifest: Manifest;
  before(async () => {
    await keyhole();
    ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    manifest = ext.packageJSON as Manifest;
  });

  async function exists(rel: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, rel));
      return true;
    } catch {
      return false;
    }
  }

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('activates on startup and on a workspace configuration file, and supports restricted and virtual workspaces', () => {
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:.keyhole.json'));
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['keyhole.envFile']);
    assert.equal(manifest.contributes.configuration.properties['keyhole.debounceMs'].default, 200);
  });

  it('ships what the manifest points at: both bundles, the schema, the grammar and the icon', async () => {
    for (const rel of [manifest.main, manifest.browser, manifest.contributes.jsonValidation[0].url, manifest.contributes.grammars[0].path, manifest.contributes.viewsContainers.activitybar[0].icon]) {
      assert.ok(await exists(rel.replace(/^\.\//, '')), `${rel} exists in the extension`);
    }
  });

  it('reads grammar bytes through vscode.workspace.fs, as the web extension does', async () => {
    const bytes = await extensionWasmSource(ext.extensionUri).read('tree-sitter-python.wasm');
    // A WebAssembly module starts with "\0asm".
    assert.deepEqual([...bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
  });

  it('opens its output channel', async () => {
    await vscode.commands.executeCommand('keyhole.showOutput');
    const api = await keyhole();
    assert.ok(api.recentLog().some((l) => l.includes('Keyhole activated')));
  });
});
