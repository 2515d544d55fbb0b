// What the AWS narrowing tests share: a file's reach findings, a one-file workspace with the SDK calls
// found elsewhere, the fixes of one finding, and the text after a fix's first file edit.
import assert from 'node:assert/strict';
import type { AwsCallSite, FixWorkspace } from '../../src/core/fixes/draft';
import { computeFixes } from '../../src/core/fixes/index';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';

export async function findings(path: string, text: string, rule?: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.category !== 'secret' && (!rule || f.ruleId === rule));
}

export function workspace(text: string, path: string, awsCalls: AwsCallSite[] = []): FixWorkspace {
  return { read: (p) => (p === path ? text : undefined), awsCalls };
}

export async function fixesOf(path: string, text: string, rule: string, awsCalls: AwsCallSite[] = []): Promise<Fix[]> {
  const [finding] = await findings(path, text, rule);
  assert.ok(finding, `a ${rule} finding in ${path}`);
  return computeFixes(finding, { path, text }, workspace(text, path, awsCalls));
}

export const applied = (text: string, fix: Fix) => applyTextEdits(text, fix.edits[0].edits);
