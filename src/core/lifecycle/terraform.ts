// Credential lifetime in Terraform (and Vault's own HCL configuration): keys minted by IaC, secrets
// without rotation or expiry, and TTLs or session durations above the configured limits.
import type { LifecycleLimits } from '../config';
import { awsUserKey, FACT, resourceReference } from '../correlate/facts';
import type { Detector, ScanContext } from '../detector';
import { get, hclFile, stringValue, type DataEntry, type DataNode, type HclBlock } from '../structured';
import type { RawFinding, Remedy, Span } from '../types';
import { formatSeconds, goDurationSeconds } from './durations';
import { durationRemedy, LIFECYCLE_REMEDY, type TerraformResourceData } from './remedy';
import { LIFECYCLE_RULES } from './rules';

const KEYWORDS = [
  'aws_iam_access_key', 'google_service_account_key', 'azuread_application_password', 'azuread_service_principal_password',
  'aws_secretsmanager_secret', 'azurerm_key_vault_secret', 'azurerm_key_vault_key', 'vault_', 'lease_ttl', 'max_session_duration',
];
/** Vault attributes that bound how long a token, lease or dynamic secret lives (certificate TTLs of PKI/SSH roles excluded). */
const VAULT_TTLS = new Set([
  'ttl', 'max_ttl', 'default_ttl', 'explicit_max_ttl', 'period', 'token_ttl', 'token_max_ttl', 'token_explicit_max_ttl', 'token_period',
  'default_lease_ttl_seconds', 'max_lease_ttl_seconds', 'default_sts_ttl', 'max_sts_ttl', 'default_lease_ttl', 'max_lease_ttl',
]);
const TWO_YEARS = 2 * 365 * 86400;

export function terraformLifecycleDetector(limits: LifecycleLimits): Detector {
  return {
    id: 'lifecycle-terraform',
    rules: [LIFECYCLE_RULES.awsAccessKey, LIFECYCLE_RULES.gcpServiceAccountKey, LIFECYCLE_RULES.azureAppPassword, LIFECYCLE_RULES.awsSecretRotation,
      LIFECYCLE_RULES.azureKeyVaultExpiry, LIFECYCLE_RULES.vaultTtl, LIFECYCLE_RULES.sessionDuration],
    wantsTree: (ctx) => ctx.language === 'hcl' && KEYWORDS.some((k) => ctx.lower.includes(k)),
    detect(ctx: ScanContext): RawFinding[] {
      if (!ctx.tree || ctx.language !== 'hcl' || !KEYWORDS.some((k) => ctx.lower.includes(k))) return [];
      return new TerraformLifecycle(ctx, limits, hclFile(ctx.tree.rootNode)).findings();
    },
  };
}

class TerraformLifecycle {
  private readonly out: RawFinding[] = [];

  constructor(private readonly ctx: ScanContext, private readonly limits: LifecycleLimits, private readonly file: HclBlock) {}

  findings(): RawFinding[] {
    const resources = this.file.blocks.filter((b) => b.type === 'resource' && b.labels.length >= 2);
    const rotated = new Set<string>();
    for (const r of resources.filter((b) => b.labels[0] === 'aws_secretsmanager_secret_rotation')) {
      const secret = get(r.attributes, 'secret_id');
      const ref = secret && resourceReference(this.source(secret), 'aws_secretsmanager_secret');
      if (!ref || !secret) continue;
      rotated.add(ref);
      this.ctx.note?.(FACT.awsSecretRotation, ref, secret.span);
    }
    for (const block of resources) {
      const [type, name] = block.labels;
      if (type === 'aws_iam_access_key') this.awsAccessKey(block, name);
      else if (type === 'google_service_account_key') this.gcpKey(block, name);
      else if (type === 'azuread_application_password' || type === 'azuread_service_principal_password') this.azurePassword(block, type, name);
      else if (type === 'aws_secretsmanager_secret') this.secretRotation(block, name, rotated);
      else if (type === 'azurerm_key_vault_secret' || type === 'azurerm_key_vault_key') this.keyVaultExpiry(block, type, name);
      else if (type === 'aws_iam_role') this.sessionDuration(block, name);
      if (type.startsWith('vault_') && !/pki|ssh/.test(type)) {
        // Auth backends carry their lease TTLs in a nested `tune` block.
        for (const part of [block, ...block.blocks]) this.vaultTtls(part.attributes.entries, `\`${type}.${name}\``);
      }
    }
    // Vault's server configuration: `default_lease_ttl` and `max_lease_ttl` at the top level.
    this.vaultTtls(this.file.attributes.entries.filter((e) => e.key.endsWith('lease_ttl')), 'the Vault server configuration');
    return this.out;
  }

  private source(node: DataNode): string {
    return this.ctx.text.slice(node.span.start, node.span.end);
  }

  /** The `resource "type" "name" {` line: where a finding about the whole resource points. */
  private header(block: HclBlock): Span {
    return { start: block.span.start, end: this.ctx.lines.lineEnd(this.ctx.lines.lineOf(block.span.start)) };
  }

  private push(ruleId: string, span: Span, message: string, evidence: string[], remedy?: Remedy): void {
    this.out.push({ ruleId, span, confidence: 'validated', message, evidence, ...(remedy ? { remedy } : {}) });
  }

  /** A resource a fix adds to (an attribute, a nested block, a companion resource). */
  private resourceRemedy(kind: string, block: HclBlock, data: TerraformResourceData): Remedy {
    const entries = block.attributes.entries;
    const last = entries.length ? entries[entries.length - 1].value.span : undefined;
    return { kind, spans: { block: { ...block.span }, ...(last ? { last: { ...last } } : {}) }, data: { ...data } };
  }

  /** A scalar's text inside its quotes, and whether a fix writes it as a number of seconds or a duration. */
  private durationAt(value: DataNode, limit: number, what: string): Remedy | undefined {
    if (value.kind !== 'scalar') return undefined;
    return durationRemedy(this.ctx.text, value.valueSpan, typeof value.value === 'number' ? 'seconds' : 'go', limit, what);
  }

  private awsAccessKey(block: HclBlock, name: string): void {
    if (stringValue(get(block.attributes, 'status')) === 'Inactive') return;
    const user = get(block.attributes, 'user');
    const userSource = user ? this.source(user) : '';
    const key = awsUserKey(userSource);
    const span = this.header(block);
    if (key) this.ctx.note?.(FACT.awsAccessKeyUser, key, span);
    const plain = !get(block.attributes, 'pgp_key');
    this.push(LIFECYCLE_RULES.awsAccessKey.id, span,
      `\`aws_iam_access_key.${name}\` mints a long-lived access key for IAM user ${describeUser(key, userSource)}: it never expires, and its secret is stored in the Terraform state${plain ? ' in plain text (no `pgp_key`)' : ''}. Prefer a role (OIDC, instance profile); if a key is unavoidable, rotate it on a schedule.`,
      [`resource: aws_iam_access_key.${name}`, ...(plain ? ['no pgp_key'] : [])]);
  }

  private gcpKey(block: HclBlock, name: string): void {
    const keepers = get(block.attributes, 'keepers');
    if (keepers && /time_rotating\./.test(this.source(keepers))) return;
    this.push(LIFECYCLE_RULES.gcpServiceAccountKey.id, this.header(block),
      `\`google_service_account_key.${name}\` creates a service-account key that stays valid until deleted, with its private key in the Terraform state. Prefer Workload Identity Federation; if a key is unavoidable, rotate it with \`keepers\` tied to \`time_rotating\`.`,
      [`resource: google_service_account_key.${name}`],
      keepers ? undefined : this.resourceRemedy(LIFECYCLE_REMEDY.terraformExpiry, block, { type: 'google_service_account_key', name, limitDays: this.limits.maxKeyAgeDays }));
  }

  private azurePassword(block: HclBlock, type: string, name: string): void {
    if (get(block.attributes, 'rotate_when_changed')) return;
    const limit = this.limits.maxKeyAgeDays * 86400;
    const relative = get(block.attributes, 'end_date_relative');
    const end = get(block.attributes, 'end_date');
    let lifetime: number | undefined;
    let at: Span = this.header(block);
    let remedy: Remedy | undefined;
    const what = 'password lifetime';
    if (relative) {
      lifetime = goDurationSeconds(stringValue(relative) ?? '');
      at = relative.span;
      remedy = this.durationAt(relative, limit, what);
    } else if (end) {
      const text = stringValue(end);
      const offset = /timeadd\([^,]{1,200},\s*"([^"]{1,40})"\)/.exec(this.source(end));
      lifetime = offset ? goDurationSeconds(offset[1]) : text && !Number.isNaN(Date.parse(text)) ? (Date.parse(text) - Date.now()) / 1000 : undefined;
      at = end.span;
      if (offset) {
        const start = end.span.start + offset.index + offset[0].lastIndexOf(offset[1]);
        remedy = durationRemedy(this.ctx.text, { start, end: start + offset[1].length }, 'go', limit, what);
      }
    } else {
      lifetime = TWO_YEARS;
      remedy = this.resourceRemedy(LIFECYCLE_REMEDY.terraformExpiry, block, { type, name, limitDays: this.limits.maxKeyAgeDays });
    }
    if (lifetime === undefined || lifetime <= limit) return;
    const how = relative || end ? `is valid for ${formatSeconds(lifetime)}` : 'has no `end_date`, so the provider makes it valid for two years';
    this.push(LIFECYCLE_RULES.azureAppPassword.id, at,
      `\`${type}.${name}\` ${how} (the limit is ${this.limits.maxKeyAgeDays} days): a leaked client secret works that long. Prefer federated credentials; otherwise set a short \`end_date_relative\` and rotate with \`rotate_when_changed\`.`,
      [`lifetime: ${formatSeconds(lifetime)}`, `limit: ${this.limits.maxKeyAgeDays} days`], remedy);
  }

  private secretRotation(block: HclBlock, name: string, rotated: Set<string>): void {
    const ref = `aws_secretsmanager_secret.${name}`;
    const inline = get(block.attributes, 'rotation_lambda_arn') || block.blocks.some((b) => b.type === 'rotation_rules');
    if (rotated.has(ref) || inline) return;
    const span = this.header(block);
    this.ctx.note?.(FACT.awsSecretWithoutRotation, ref, span);
    this.push(LIFECYCLE_RULES.awsSecretRotation.id, span,
      `\`${ref}\` has no \`aws_secretsmanager_secret_rotation\` in this module: its value lives until someone changes it by hand. Configure rotation (a rotation Lambda or a managed rotation).`,
      [`resource: ${ref}`, 'no rotation resource found'],
      this.resourceRemedy(LIFECYCLE_REMEDY.terraformRotation, block, { type: 'aws_secretsmanager_secret', name }));
  }

  private keyVaultExpiry(block: HclBlock, type: string, name: string): void {
    if (get(block.attributes, 'expiration_date')) return;
    if (type === 'azurerm_key_vault_key' && block.blocks.some((b) => b.type === 'rotation_policy')) return;
    this.push(LIFECYCLE_RULES.azureKeyVaultExpiry.id, this.header(block),
      `\`${type}.${name}\` has no \`expiration_date\`${type === 'azurerm_key_vault_key' ? ' nor a `rotation_policy`' : ''}: nothing forces the value to be replaced. Set an expiration date and rotate before it.`,
      [`resource: ${type}.${name}`], this.resourceRemedy(LIFECYCLE_REMEDY.terraformExpiry, block, { type, name, limitDays: this.limits.maxKeyAgeDays }));
  }

  private sessionDuration(block: HclBlock, name: string): void {
    const value = get(block.attributes, 'max_session_duration');
    const seconds = value?.kind === 'scalar' ? Number(value.value) : NaN;
    const limit = this.limits.maxSessionHours * 3600;
    if (!value || !(seconds > limit)) return;
    this.push(LIFECYCLE_RULES.sessionDuration.id, value.span,
      `\`aws_iam_role.${name}\` allows sessions of ${formatSeconds(seconds)} (\`max_session_duration = ${seconds}\`) (the limit is ${formatSeconds(limit)}): stolen session credentials stay valid that long.`,
      [`max_session_duration: ${seconds}`], this.durationAt(value, limit, 'session duration'));
  }

  private vaultTtls(entries: DataEntry[], where: string): void {
    const limit = this.limits.maxTokenTtlHours * 3600;
    for (const e of entries) {
      if (!VAULT_TTLS.has(e.key) || e.value.kind !== 'scalar' || e.value.value === null || typeof e.value.value === 'boolean') continue;
      const seconds = goDurationSeconds(e.value.value);
      if (seconds === undefined || seconds <= limit) continue;
      this.push(LIFECYCLE_RULES.vaultTtl.id, e.value.span,
        `\`${e.key}\` in ${where} is ${formatSeconds(seconds)} (the limit is ${formatSeconds(limit)}): a leaked token or lease stays usable that long. Keep it short and let clients renew.`,
        [`${e.key}: ${formatSeconds(seconds)}`], this.durationAt(e.value, limit, `Vault \`${e.key}\``));
    }
  }
}

function describeUser(key: string | undefined, source: string): string {
  if (key?.startsWith('name:')) return `\`${key.slice(5)}\``;
  if (key) return `\`${key}\``;
  return source ? `\`${source.trim().slice(0, 60)}\`` : '(unknown)';
}
