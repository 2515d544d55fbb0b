// The core's fixes, computed on demand for a document's findings (the core reads the files a fix
// touches synchronously, so they are fetched first: open documents by their editor text, others
// through vscode.workspace.fs).
import * as vscode from 'vscode';
import { computeFixes, filesFixesRead, type FixWorkspace } from '../core/fixes/index';
import { planAsFix, planFixes } from '../core/fixes/plan';
import type { AwsCallSite } from '../core/fixes/draft';
import { awsCallSites } from '../core/iam/aws/callSites';
import type { Finding, Fix } from '../core/types';
import type { Engines } from './engines';
import { corePath, uriFor } from './paths';

async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function workspaceFor(document: vscode.TextDocument, engines: Engines): Promise<FixWorkspace> {
  const { config } = await engines.forUri(document.uri);
  const path = corePath(document.uri);
  const files = new Map<string, string | undefined>([[path, document.getText()]]);
  for (const file of filesFixesRead(path, config.envFile)) {
    const uri = uriFor(file, document.uri);
    if (!files.has(file)) files.set(file, uri && (await textOf(uri)));
  }
  return { read: (p) => files.get(p), envFile: config.envFile, awsCalls: await awsCallsIn(vscode.workspace.getWorkspaceFolder(document.uri)) };
}

// AWS SDK calls of a folder's code, for narrowing AWS grants: bounded (files, size), cached per
// folder until a code file changes on disk.
const AWS_CODE = '**/*.{py,js,jsx,ts,tsx,mjs,cjs}';
const MAX_CODE_FILES = 2000;
const MAX_CODE_BYTES = 1_000_000;
const awsCallCache = new Map<string, Promise<AwsCallSite[]>>();
let awsCodeWatcher: vscode.FileSystemWatcher | undefined;

function awsCallsIn(folder: vscode.WorkspaceFolder | undefined): Promise<AwsCallSite[]> {
  if (!folder) return Promise.resolve([]);
  if (!awsCodeWatcher) {
    awsCodeWatcher = vscode.workspace.createFileSystemWatcher(AWS_CODE);
    const clear = () => awsCallCache.clear();
    awsCodeWatcher.onDidChange(clear);
    awsCodeWatcher.onDidCreate(clear);
    awsCodeWatcher.onDidDelete(clear);
  }
  const key = folder.uri.toString();
  let calls = awsCallCache.get(key);
  if (!calls) {
    calls = (async () => {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, AWS_CODE), '{**/node_modules/**,**/*.min.js}', MAX_CODE_FILES);
      const out: AwsCallSite[] = [];
      for (const uri of uris) {
        const text = await textOf(uri);
        if (text !== undefined && text.length <= MAX_CODE_BYTES) out.push(...awsCallSites(corePath(uri), text));
      }
      return out;
    })();
    awsCallCache.set(key, calls);
  }
  return calls;
}

function fixDocument(document: vscode.TextDocument) {
  return { path: corePath(document.uri), text: document.getText(), languageId: document.languageId };
}

/** The fixes of one finding (those the engine attached, else computed now), the safest first. */
export async function fixesFor(document: vscode.TextDocument, finding: Finding, engines: Engines): Promise<Fix[]> {
  if (finding.fixes) return finding.fixes;
  return computeFixes(finding, fixDocument(document), await workspaceFor(document, engines));
}

/** The preferred fixes of all the findings as one fix, planned so that `.env` names never clash. */
export async function fixAllFor(document: vscode.TextDocument, findings: Finding[], engines: Engines): Promise<{ fix?: Fix; count: number }> {
  const doc = fixDocument(document);
  const plan = planFixes(findings.map((finding) => ({ finding, doc })), await workspaceFor(document, engines));
  const count = plan.applied.length;
  return { fix: planAsFix(plan, `Fix ${count} Keyhole finding${count === 1 ? '' : 's'}`), count };
}
