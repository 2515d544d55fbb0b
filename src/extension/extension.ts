// Entry point of the extension (desktop, remote and web): wires the core to the VS Code API.
// Activation only registers things; grammars load on the first document that needs a syntax tree.
import * as vscode from 'vscode';
import type { FileScanResult } from '../core/types';
import { KeyholeCodeActions } from './codeActions';
import { Commands } from './commands';
import { Engines } from './engines';
import { FindingsTree, type TreeSnapshot } from './findingsTree';
import { LiveScanner } from './liveScanner';
import { createLog } from './log';
import type { OffThreadScanner } from './offThread';
import { Results } from './results';
import { StatusItem } from './statusItem';
import { extensionWasmSource } from './wasmSource';

/** What `vscode.extensions.getExtension('keyhole.keyhole').exports` offers (used by the integration tests). */
export interface KeyholeApi {
  /** Resolves once the document's current version has been scanned. */
  whenScanned(doc: vscode.TextDocument): Promise<FileScanResult | undefined>;
  treeSnapshot(): TreeSnapshot[];
  status(): { text: string; detail?: string };
  /** The last lines written to the Keyhole output channel. */
  recentLog(): string[];
}

export interface HostServices {
  /** Scans large documents off the extension host's thread (the Node host has one; the web host does not). */
  offThread?: OffThreadScanner;
}

/** The web extension's entry; the Node entry (node.ts) adds a worker thread. */
export function activate(context: vscode.ExtensionContext): KeyholeApi {
  return activateKeyhole(context, {});
}

export function activateKeyhole(context: vscode.ExtensionContext, services: HostServices): KeyholeApi {
  const { channel: log, recent } = createLog();
  const engines = new Engines(extensionWasmSource(context.extensionUri), log);
  const results = new Results();
  const live = new LiveScanner(engines, results, log, services.offThread);
  if (services.offThread) context.subscriptions.push({ dispose: () => services.offThread?.dispose() });
  const tree = new FindingsTree(results);
  const view = vscode.window.createTreeView('keyhole.findings', { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  const status = new StatusItem(results);
  const commands = new Commands({ engines, results, live, log });
  context.subscriptions.push(
    log, engines, results, live, tree, view, status,
    ...commands.register(),
    vscode.languages.registerCodeActionsProvider('*', new KeyholeCodeActions(results, engines), KeyholeCodeActions.metadata),
  );
  live.start();
  const where = typeof process === 'object' && process.versions?.node ? `Node ${process.versions.node}` : 'web worker';
  log.info(`Keyhole activated (${where} extension host, ${vscode.env.remoteName ? `remote: ${vscode.env.remoteName}` : 'local'}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  return {
    whenScanned: (doc) => live.whenScanned(doc),
    treeSnapshot: () => tree.snapshot(),
    status: () => ({ text: status.text, detail: status.detail }),
    recentLog: recent,
  };
}

export function deactivate(): void {}
