// Keyhole: Audit Workspace. Lists the files of every folder, scans them one by one with progress and
// cancellation, and publishes the results (open documents keep their live, unsaved-text results).
import * as vscode from 'vscode';
import { isIgnoredPath } from '../core/config';
import { correlate } from '../core/correlate/correlate';
import { formatBytes, isProbablyBinary } from '../core/text';
import type { FileScanResult, SkippedFile } from '../core/types';
import type { Engines } from './engines';
import type { LiveScanner } from './liveScanner';
import type { Results } from './results';
import { listWorkspaceFiles, type WorkspaceFile } from './workspaceFiles';

export interface AuditSummary {
  files: number;
  findings: number;
  /** Results of the files with findings or suppressions (reports are made from these). */
  reported: FileScanResult[];
  skipped: SkippedFile[];
  cancelled: boolean;
  elapsedMs: number;
}

export interface AuditDeps {
  engines: Engines;
  results: Results;
  live: LiveScanner;
  log: vscode.LogOutputChannel;
}

export async function auditWorkspace(
  deps: AuditDeps,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<AuditSummary> {
  const started = Date.now();
  const summary: AuditSummary = { files: 0, findings: 0, reported: [], skipped: [], cancelled: false, elapsedMs: 0 };
  await deps.engines.refresh();
  deps.results.clearAudit();
  progress.report({ message: 'listing files…' });
  const folders = vscode.workspace.workspaceFolders ?? [];
  const work: { folder: vscode.WorkspaceFolder; files: WorkspaceFile[] }[] = [];
  for (const folder of folders) {
    const { config } = await deps.engines.forUri(folder.uri);
    const files = await listWorkspaceFiles(folder, (p) => isIgnoredPath(p, config), summary.skipped, token);
    work.push({ folder, files });
  }
  const total = work.reduce((n, w) => n + w.files.length, 0);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const scanned: { uri: vscode.Uri; result: FileScanResult }[] = [];
  let lastYield = Date.now();
  for (const { folder, files } of work) {
    const target = await deps.engines.forUri(folder.uri);
    for (const file of files) {
      if (token.isCancellationRequested) break;
      const doc = open.get(file.uri.toString());
      let result: FileScanResult | undefined;
      if (doc && !doc.isClosed) {
        result = await deps.live.scanNow(doc);
      } else {
        const text = await readForAudit(file, target.config.maxFileSize, summary.skipped);
        if (text !== undefined) {
          result = await deps.live.scanText(target, { path: file.path, text }, file.uri);
          deps.results.set(file.uri, result, 'audit');
        }
      }
      if (result) scanned.push({ uri: file.uri, result });
      if (result?.skipped) summary.skipped.push({ path: file.path, reason: result.skipped });
      if (result?.findings.length || result?.suppressions.length) summary.reported.push(result);
      summary.findings += result?.findings.length ?? 0;
      summary.files++;
      progress.report({ message: `${summary.files}/${total} files, ${summary.findings} findings`, increment: 100 / Math.max(total, 1) });
      if (Date.now() - lastYield > 50) {
        // Keeps the extension host responsive (cancellation, typing in other documents).
        await new Promise((r) => setTimeout(r, 0));
        lastYield = Date.now();
      }
    }
  }
  // Exposure x reach: a credential and the grant it unlocks, linked across files.
  const correlated = correlate(scanned.map((s) => s.result));
  correlated.forEach((result, i) => {
    const before = scanned[i].result;
    if (result === before) return;
    deps.results.set(scanned[i].uri, result, 'audit');
    const at = summary.reported.indexOf(before);
    if (at >= 0) summary.reported[at] = result;
    else if (result.findings.length) summary.reported.push(result);
    summary.findings += result.findings.length - before.findings.length;
  });
  summary.cancelled = token.isCancellationRequested;
  summary.elapsedMs = Date.now() - started;
  deps.log.info(`Audit ${summary.cancelled ? 'cancelled after' : 'finished:'} ${summary.files} files, ${summary.findings} findings, ${summary.skipped.length} skipped, ${summary.elapsedMs} ms`);
  for (const s of summary.skipped) deps.log.info(`  skipped ${s.path}: ${s.reason}`);
  return summary;
}

async function readForAudit(file: WorkspaceFile, maxFileSize: number, skipped: SkippedFile[]): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(file.uri);
    if (stat.size > maxFileSize) {
      skipped.push({ path: file.path, reason: `larger than the ${formatBytes(maxFileSize)} limit (${formatBytes(stat.size)}); raise keyhole.maxFileSize to scan it` });
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(file.uri);
    if (isProbablyBinary(bytes)) {
      skipped.push({ path: file.path, reason: 'binary file' });
      return undefined;
    }
    return new TextDecoder('utf-8').decode(bytes);
  } catch (err) {
    skipped.push({ path: file.path, reason: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
}
