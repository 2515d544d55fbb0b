// Exposure x reach: the judgement only the whole workspace allows. Given every file's results (with the
// facts detectors noted), ties a credential to what it can reach, raises the severity of both findings,
// links them as related locations and states both halves in their messages. Also drops findings that
// another file answers (a Secrets Manager secret whose rotation is configured elsewhere in its module).
// Pure: hosts call it once all files are scanned (CLI; the extension's audit).
import { SEVERITIES, type Fact, type FileScanResult, type Finding, type RelatedLocation, type Severity } from '../types';
import { FACT, folderOf } from './facts';

interface PlacedFact extends Fact {
  path: string;
}

interface Link {
  /** Where the credential is exposed, and what the message should add there. */
  exposure: PlacedFact;
  exposureNote: string;
  /** What it reaches, and what the message should add there. */
  reach: PlacedFact;
  reachNote: string;
  /** The least severity the exposure finding gets (an administrator's key is critical whatever it was). */
  floor?: Severity;
}

/** Results with correlated findings updated (new objects); results nothing touched are returned as they were. */
export function correlate(results: FileScanResult[]): FileScanResult[] {
  const facts = results.flatMap((r) => (r.facts ?? []).map((f) => ({ ...f, path: r.path })));
  if (facts.length === 0) return results;
  const byKey = (key: string) => facts.filter((f) => f.key === key);
  const links = [...adminKeyLinks(byKey), ...mcpLinks(byKey), ...ciLinks(byKey)];
  const drops = rotatedElsewhere(byKey);
  const mcpCredentials = byKey(FACT.mcpCredential);
  if (links.length === 0 && drops.length === 0 && mcpCredentials.length === 0) return results;

  const byPath = new Map(results.map((r) => [r.path, r]));
  const updated = new Map<string, FileScanResult>();
  const editable = (path: string): FileScanResult | undefined => {
    let r = updated.get(path);
    if (!r) {
      const original = byPath.get(path);
      if (!original) return undefined;
      r = { ...original, findings: original.findings.map((f) => ({ ...f })) };
      updated.set(path, r);
    }
    return r;
  };
  // The secret rules report MCP credentials without knowing where they sit; say it.
  for (const fact of mcpCredentials) {
    const [, server] = split(fact.value);
    if (!findingsAt(byPath.get(fact.path), fact).some((f) => f.category === 'secret')) continue;
    for (const f of findingsAt(editable(fact.path), fact)) {
      if (f.category !== 'secret' || f.evidence.some((e) => e.startsWith('MCP server'))) continue;
      f.message = `${f.message} It is the credential of MCP server \`${server}\`: the agent, and every tool it runs, can read this file.`;
      f.evidence = [...f.evidence, `MCP server: ${server}`];
    }
  }
  for (const link of links) {
    const exposed = findingsAt(editable(link.exposure.path), link.exposure);
    const reached = findingsAt(editable(link.reach.path), link.reach);
    if (exposed.length === 0) continue;
    for (const f of exposed) join(f, link.exposureNote, link.reach, link.floor);
    for (const f of reached) join(f, link.reachNote, link.exposure);
  }
  for (const { fact, reason } of drops) {
    const r = editable(fact.path);
    if (!r) continue;
    const dropped = findingsAt(r, fact).filter((f) => f.ruleId === 'lifecycle/aws-secret-no-rotation');
    if (dropped.length === 0) continue;
    r.findings = r.findings.filter((f) => !dropped.includes(f));
    r.dropped = [...(r.dropped ?? []), ...dropped.map((f) => ({ ruleId: f.ruleId, line: f.range.start.line + 1, reason }))];
  }
  return results.map((r) => updated.get(r.path) ?? r);
}

/** Findings whose span overlaps the fact's (a secret value inside a noted MCP argument, a resource's header). */
function findingsAt(result: FileScanResult | undefined, fact: Fact): Finding[] {
  if (!result) return [];
  return result.findings.filter((f) => f.span.start < fact.span.end && fact.span.start < f.span.end);
}

const CORRELATED = 'correlated with';
const RAISED: Record<Severity, Severity> = { info: 'high', low: 'high', medium: 'high', high: 'critical', critical: 'critical' };

/** Links a finding to the other half; the severity rises once however many links a finding gets. */
function join(finding: Finding, note: string, other: PlacedFact, floor: Severity = 'info'): void {
  if (finding.related?.some((r) => r.path === other.path && r.range.start.line === other.range.start.line)) return;
  const related: RelatedLocation = { path: other.path, range: other.range, message: note };
  if (!finding.evidence.some((e) => e.startsWith(CORRELATED))) finding.severity = RAISED[finding.severity];
  if (SEVERITIES.indexOf(floor) < SEVERITIES.indexOf(finding.severity)) finding.severity = floor;
  finding.related = [...(finding.related ?? []), related];
  finding.message = `${finding.message} ${note}`;
  finding.evidence = [...finding.evidence, `${CORRELATED} ${where(other)}`];
}

function where(f: PlacedFact): string {
  return `${f.path}:${f.range.start.line + 1}`;
}

function split(value: string): [string, string] {
  const tab = value.indexOf('\t');
  return tab === -1 ? [value, ''] : [value.slice(0, tab), value.slice(tab + 1)];
}

/**
 * User keys are `aws_iam_user.<label>` (a Terraform address, meaningful within one module folder) or
 * `name:<IAM name>` (global). An address whose user block names it literally is known by that name.
 */
function adminKeyLinks(byKey: (key: string) => PlacedFact[]): Link[] {
  const names = new Map<string, string>();
  for (const f of byKey(FACT.awsUserName)) {
    const [address, name] = split(f.value);
    names.set(`${folderOf(f.path)}|${address}`, `name:${name}`);
  }
  const canonical = (path: string, key: string) => (key.startsWith('name:') ? key : names.get(`${folderOf(path)}|${key}`) ?? `${folderOf(path)}|${key}`);
  const admins = new Map<string, { fact: PlacedFact; reason: string }[]>();
  for (const f of byKey(FACT.awsAdminUser)) {
    const [key, reason] = split(f.value);
    const id = canonical(f.path, key);
    const list = admins.get(id) ?? [];
    if (!list.some((a) => a.fact.path === f.path && a.fact.span.start === f.span.start)) list.push({ fact: f, reason });
    admins.set(id, list);
  }
  return byKey(FACT.awsAccessKeyUser).flatMap((key) => {
    const id = canonical(key.path, key.value);
    const user = id.startsWith('name:') ? id.slice(5) : key.value;
    return (admins.get(id) ?? []).map(({ fact, reason }) => ({
      exposure: key,
      exposureNote: `Reach: the key belongs to IAM user \`${user}\`, an administrator (${reason}, ${where(fact)}); whoever holds the key controls the account.`,
      reach: fact,
      reachNote: `Exposure: a long-lived access key of IAM user \`${user}\` is created or stored at ${where(key)}; this grant is what that key can do.`,
      floor: 'critical' as const,
    }));
  });
}

/** A literal MCP server credential in a project whose agent may use that server's tools (or every tool) without asking. */
function mcpLinks(byKey: (key: string) => PlacedFact[]): Link[] {
  const unrestricted = byKey(FACT.agentUnrestrictedTools);
  return byKey(FACT.mcpCredential).flatMap((credential) => {
    const [root, server] = split(credential.value);
    return unrestricted.filter((u) => {
      const [uRoot, what] = split(u.value);
      return uRoot === root && (what === '*' || what === server);
    }).map((u) => ({
      exposure: credential,
      exposureNote: `Reach: the agent may use ${split(u.value)[1] === '*' ? 'every tool' : `every tool of \`${server}\``} without asking (${where(u)}), so whatever can steer it (a prompt injection in a web page, an issue or a file) acts with this credential.`,
      reach: u,
      reachNote: `Exposure: MCP server \`${server}\` runs with a literal credential written in ${where(credential)}; this permission lets the agent act with it unchecked.`,
    }));
  });
}

/** A CI job handed long-lived cloud keys while its GITHUB_TOKEN has write-all. */
function ciLinks(byKey: (key: string) => PlacedFact[]): Link[] {
  const writeAll = byKey(FACT.ciWriteAll);
  return byKey(FACT.ciStaticCloudKeys).flatMap((keys) =>
    writeAll.filter((w) => w.path === keys.path && (w.value === '*' || w.value === keys.value)).map((w) => ({
      exposure: keys,
      exposureNote: `Reach: the job's GITHUB_TOKEN also has \`write-all\` (${where(w)}): any step that leaks these keys can also push code and publish releases.`,
      reach: w,
      reachNote: `Exposure: job \`${keys.value}\` also receives long-lived cloud keys (${where(keys)}); a compromised step gets both.`,
    })));
}

/** Secrets without rotation in their own file whose rotation another file of the same module configures. */
function rotatedElsewhere(byKey: (key: string) => PlacedFact[]): { fact: PlacedFact; reason: string }[] {
  const rotations = byKey(FACT.awsSecretRotation);
  return byKey(FACT.awsSecretWithoutRotation).flatMap((fact) => {
    const rotation = rotations.find((r) => r.value === fact.value && folderOf(r.path) === folderOf(fact.path));
    return rotation ? [{ fact, reason: `rotation configured in ${where(rotation)}` }] : [];
  });
}
