// One engine per workspace folder, built from that folder's `.keyhole.json` plus the `keyhole.*` settings.
// Grammars load lazily (on the first document that needs a tree) through a shared ParserHost.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, ConfigError, DEFAULT_CONFIG, isIgnoredPath, parseConfig, type ResolvedConfig } from '../core/config';
import { Engine } from '../core/engine';
import { builtinDetectors } from '../core/registry';
import { IncrementalTrees } from '../parsing/incrementalTrees';
import { ParserHost, type WasmSource } from '../parsing/parserHost';
import { folderFor } from './paths';
import { withSettings } from './settings';

export interface FolderEngine {
  engine: Engine;
  config: ResolvedConfig;
  trees: IncrementalTrees;
  folder?: vscode.WorkspaceFolder;
  /** The configuration file in use, if the folder has one. */
  configUri?: vscode.Uri;
  /** Its text when it was read, to notice changes the file watcher has not reported yet. */
  configText?: string;
}

export class Engines implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<FolderEngine>>();
  /** Parser hosts by their set of disabled grammars, so that folders with the same switches share grammars. */
  private readonly parsers = new Map<string, IncrementalTrees>();
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when configuration files or settings change; documents should be scanned again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly wasm: WasmSource, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.invalidate('configuration file created')),
      watcher.onDidChange(() => this.invalidate('configuration file changed')),
      watcher.onDidDelete(() => this.invalidate('configuration file deleted')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('keyhole')) this.invalidate('settings changed');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate('workspace folders changed')),
    );
  }

  invalidate(why: string): void {
    this.log.info(`Reloading configuration: ${why}`);
    this.byFolder.clear();
    this.reported.clear();
    this.changed.fire();
  }

  forUri(uri: vscode.Uri): Promise<FolderEngine> {
    const folder = folderFor(uri);
    const key = folder?.uri.toString() ?? '';
    let pending = this.byFolder.get(key);
    if (!pending) {
      pending = this.build(folder);
      this.byFolder.set(key, pending);
    }
    return pending;
  }

  /** Re-reads the configuration files (an audit must not run on a stale one) and reloads when one changed. */
  async refresh(): Promise<void> {
    for (const pending of this.byFolder.values()) {
      const current = await pending;
      const onDisk = await this.readConfigText(current.folder);
      if (onDisk?.text !== current.configText) {
        this.invalidate('configuration file changed on disk');
        return;
      }
    }
  }

  /** True when the path is excluded by the folder's ignore globs (configuration file and `keyhole.ignore`). */
  async isIgnored(uri: vscode.Uri, path: string): Promise<boolean> {
    return isIgnoredPath(path, (await this.forUri(uri)).config);
  }

  /** Every kept syntax tree and finding set of the document, in whichever parser host and engine holds it. */
  forgetDocument(key: string): void {
    for (const trees of this.parsers.values()) trees.forget(key);
    for (const pending of this.byFolder.values()) void pending.then((folder) => folder.engine.forgetDocument(key), () => undefined);
  }

  private async build(folder: vscode.WorkspaceFolder | undefined): Promise<FolderEngine> {
    const file = await this.readConfigText(folder);
    const config = withSettings(file ? this.parse(file.text, file.uri) : DEFAULT_CONFIG, folder, (message) => this.problem(message));
    const trees = this.treesFor(config.disabledLanguages);
    const engine = new Engine(builtinDetectors(config), trees, config);
    return { engine, config, trees, folder, configUri: file?.uri, configText: file?.text };
  }

  private treesFor(disabled: string[]): IncrementalTrees {
    const key = [...disabled].sort().join(',');
    let trees = this.parsers.get(key);
    if (!trees) {
      trees = new IncrementalTrees(new ParserHost(this.wasm, new Set(disabled)));
      this.parsers.set(key, trees);
    }
    return trees;
  }

  private async readConfigText(folder: vscode.WorkspaceFolder | undefined): Promise<{ uri: vscode.Uri; text: string } | undefined> {
    if (!folder) return undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      try {
        return { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
      } catch {
        // not there: try the next name
      }
    }
    return undefined;
  }

  private parse(text: string, uri: vscode.Uri): ResolvedConfig {
    try {
      return parseConfig(text, uri.path.slice(uri.path.lastIndexOf('/') + 1));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.problem(`${err.message} (using the defaults until it is fixed)`);
      return DEFAULT_CONFIG;
    }
  }

  /** Configuration problems go to the log, and once to a notification (they do not stop scanning). */
  private problem(message: string): void {
    this.log.warn(message);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void vscode.window.showWarningMessage(`Keyhole: ${message}`, 'Show Output').then((choice) => {
      if (choice) this.log.show(true);
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
