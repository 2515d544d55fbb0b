// Lifecycle fixes that add to a Terraform resource: a rotation resource for a Secrets Manager secret,
// an expiry or rotation policy for Key Vault secrets and keys, `time_rotating`-driven rotation for
// Azure AD application passwords and Google service-account keys. Text edits only: the block is found
// at the remedy's span and checked to still be `resource "<type>" "<name>" {`.
import { LIFECYCLE_REMEDY, type TerraformResourceData } from '../../lifecycle/remedy';
import type { FileEdit, Finding, Fix, Span, TextEdit } from '../../types';
import { eolOf, folderOf, indentOf, insert, type FixDocument, type FixWorkspace } from '../draft';
import { lineEndAt, lineStartAt, textAt } from './lifecycleText';

const ROTATION_DAYS = 30;
const REVIEW = '# TODO(keyhole): review';

interface Block {
  span: Span;
  /** Indentation of the `resource` line, and of the block's body. */
  indent: string;
  inner: string;
  /** Where an attribute goes: after the last top-level attribute, else after the header line. */
  attributeAt: number;
  /** Column of `=` on the attribute line before `attributeAt` (terraform fmt aligns a run of attributes), or 0. */
  equalsColumn: number;
  eol: string;
}


/** The block at the remedy's span, when it is still the resource the detector saw (multi-line, no `count`/`for_each`). */
function resourceBlock(finding: Finding, doc: FixDocument, kind: string): { block: Block; data: TerraformResourceData } | undefined {
  const remedy = finding.remedy;
  const data = remedy?.data as Partial<TerraformResourceData> | undefined;
  const span = remedy?.spans?.block;
  const text = textAt(doc, span);
  if (remedy?.kind !== kind || !span || text === undefined || typeof data?.type !== 'string' || typeof data.name !== 'string') return undefined;
  const header = new RegExp(`^resource\\s+"${data.type}"\\s+"${data.name.replace(/[^\w-]/g, '')}"\\s*\\{[ \\t]*(?:#[^\\n]*)?\\r?\\n`).exec(text);
  if (!header || !text.endsWith('}') || /^[ \t]*(?:count|for_each)\s*=/m.test(text)) return undefined;
  const indent = indentOf(doc.text.slice(lineStartAt(doc.text, span.start), span.start));
  const body = text.slice(header[0].length).split(/\r?\n/).find((l) => l.trim() && !l.trim().startsWith('}'));
  const bodyIndent = body !== undefined ? indentOf(body) : '';
  const inner = bodyIndent.length > indent.length ? bodyIndent : `${indent}  `;
  const last = remedy.spans?.last;
  const attributeAt = last && last.start > span.start && last.end < span.end ? lineEndAt(doc.text, last.end) : span.start + header[0].replace(/\r?\n$/, '').length;
  const previous = /^[ \t]*([\w-]+)([ \t]*)=/.exec(doc.text.slice(lineStartAt(doc.text, attributeAt), attributeAt));
  const equalsColumn = previous && last ? previous[1].length + previous[2].length : 0;
  return { block: { span, indent, inner, attributeAt, equalsColumn, eol: eolOf(doc.text) }, data: data as TerraformResourceData };
}

/** Lines written with two spaces per level, re-indented with the block's own unit. */
function indented(lines: string[], base: string, unit: string, eol: string): string {
  return lines.map((l) => {
    if (!l) return '';
    const depth = /^ */.exec(l)![0].length / 2;
    return base + unit.repeat(depth) + l.trimStart();
  }).join(eol);
}

function unitOf(block: Block): string {
  return block.inner.slice(block.indent.length) || '  ';
}

/** Attributes after the last one; a one-line `key = value` is aligned with the attribute above it when it fits. */
function attributes(block: Block, lines: string[]): TextEdit {
  const aligned = lines.map((l) => {
    const m = /^([\w-]+) = (.*)$/.exec(l);
    return m && block.equalsColumn > m[1].length && !/[{[(]$/.test(m[2]) ? `${m[1].padEnd(block.equalsColumn)}= ${m[2]}` : l;
  });
  return insert(block.attributeAt, block.eol + indented(aligned, block.inner, unitOf(block), block.eol));
}

/** A nested block, before the resource's closing brace. */
function nestedBlock(doc: FixDocument, block: Block, lines: string[]): TextEdit | undefined {
  const close = block.span.end - 1;
  const at = lineStartAt(doc.text, close);
  if (doc.text.slice(at, close).trim()) return undefined;
  return insert(at, block.eol + indented(lines, block.inner, unitOf(block), block.eol) + block.eol);
}

/** A new resource (or variable) after the block. */
function after(block: Block, lines: string[]): TextEdit {
  return insert(block.span.end, block.eol + block.eol + indented(lines, block.indent, unitOf(block), block.eol));
}

function hasBlock(text: string, kind: string, type: string, name?: string): boolean {
  const label = (s: string) => s.replace(/[^\w-]/g, '');
  return new RegExp(`^[ \\t]*${kind}\\s+"${label(type)}"${name === undefined ? '' : `\\s+"${label(name)}"`}\\s*\\{`, 'm').test(text);
}

function fixOf(title: string, description: string, files: FileEdit[]): Fix {
  return { title, preferred: false, edits: files.filter((f) => f.edits.length), description };
}

export function terraformRotationFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  const found = resourceBlock(finding, doc, LIFECYCLE_REMEDY.terraformRotation);
  if (!found || found.data.type !== 'aws_secretsmanager_secret') return [];
  const { block, data } = found;
  if (hasBlock(doc.text, 'resource', 'aws_secretsmanager_secret_rotation', data.name)) return [];
  const variable = `${data.name}_rotation_lambda_arn`;
  const rotation = [
    `resource "aws_secretsmanager_secret_rotation" "${data.name}" {`,
    `  secret_id           = aws_secretsmanager_secret.${data.name}.id`,
    `  rotation_lambda_arn = var.${variable} ${REVIEW}: the Lambda function that rotates this secret`,
    '',
    '  rotation_rules {',
    `    automatically_after_days = ${ROTATION_DAYS}`,
    '  }',
    '}',
  ];
  const declaration = [
    `variable "${variable}" {`,
    `  description = "ARN of the Lambda function that rotates aws_secretsmanager_secret.${data.name}"`,
    '  type        = string',
    '}',
  ];
  const docEdits: TextEdit[] = [];
  const files: FileEdit[] = [];
  const variablesPath = `${folderOf(doc.path)}variables.tf`;
  const variables = variablesPath === doc.path ? undefined : workspace.read(variablesPath);
  const declared = hasBlock(doc.text, 'variable', variable) || (variables !== undefined && hasBlock(variables, 'variable', variable));
  if (declared || variables === undefined) docEdits.push(after(block, declared ? rotation : [...rotation, '', ...declaration]));
  else {
    docEdits.push(after(block, rotation));
    const eol = eolOf(variables);
    const separator = variables === '' ? '' : variables.endsWith('\n') ? eol : eol + eol;
    files.push({ path: variablesPath, edits: [insert(variables.length, `${separator}${indented(declaration, '', unitOf(block), eol)}${eol}`)] });
  }
  return [fixOf(`Rotate aws_secretsmanager_secret.${data.name} every ${ROTATION_DAYS} days (aws_secretsmanager_secret_rotation)`,
    `Adds \`aws_secretsmanager_secret_rotation.${data.name}\` with \`rotation_rules { automatically_after_days = ${ROTATION_DAYS} }\`. ` +
    `Set \`var.${variable}\` to a rotation Lambda function (AWS publishes templates for RDS, Redshift, DocumentDB and generic secrets; ` +
    'RDS can also manage its master password itself) and grant Secrets Manager permission to invoke it. ' +
    'Every consumer must read the secret when it needs it, not once at deploy time: the value changes on each rotation.',
  [{ path: doc.path, edits: docEdits }, ...files])];
}

/** `2027-02-26T00:00:00Z`: midnight UTC, `days` after `now`. */
export function expiryDate(now: number, days: number): string {
  return `${new Date(now + days * 86400e3).toISOString().slice(0, 10)}T00:00:00Z`;
}

export function terraformExpiryFixes(finding: Finding, doc: FixDocument, now: number): Fix[] {
  const found = resourceBlock(finding, doc, LIFECYCLE_REMEDY.terraformExpiry);
  if (!found) return [];
  const { block, data } = found;
  const days = typeof data.limitDays === 'number' && data.limitDays > 0 ? Math.round(data.limitDays) : 90;
  const address = `${data.type}.${data.name}`;
  const edit = (edits: (TextEdit | undefined)[]) => (edits.every((e) => e) ? [{ path: doc.path, edits: edits as TextEdit[] }] : []);
  const expiration = () => {
    const date = expiryDate(now, days);
    return fixOf(`Set expiration_date on ${address} (${date}, ${days} days from today)`,
      `The ${data.type === 'azurerm_key_vault_key' ? 'key' : 'secret'} expires on ${date}, ${days} days from today (\`lifecycle.maxKeyAgeDays\`). ` +
      'Rotate the value before that date and move the date forward with it: an expired secret or key stops working for its readers.',
    edit([attributes(block, [`expiration_date = "${date}"`])]));
  };
  switch (data.type) {
    case 'azurerm_key_vault_secret':
      return [expiration()];
    case 'azurerm_key_vault_key': {
      const policy = [
        'rotation_policy {',
        '  automatic {',
        '    time_before_expiry = "P30D"',
        '  }',
        '',
        `  expire_after         = "P${days}D"`,
        '  notify_before_expiry = "P29D"',
        '}',
      ];
      const rotate = fixOf(`Rotate ${address} automatically (rotation_policy, expires after ${days} days)`,
        `Key Vault creates a new key version 30 days before the current one expires (after ${days} days, \`lifecycle.maxKeyAgeDays\`) and notifies 29 days before. ` +
        'Readers that pin a key version must move to the latest version; the identity applying Terraform needs the `Rotate` and `GetRotationPolicy`/`SetRotationPolicy` key permissions.',
      edit([nestedBlock(doc, block, policy)]));
      return [rotate, expiration()].filter((f) => f.edits.length);
    }
    case 'azuread_application_password':
    case 'azuread_service_principal_password':
      return passwordFixes(doc, block, data, days);
    case 'google_service_account_key':
      return serviceAccountKeyFixes(doc, block, data, days);
    default:
      return [];
  }
}

/** `resource "time_rotating" "<name>"` after the block, unless the file has it already. */
function timeRotating(doc: FixDocument, block: Block, name: string, days: number): TextEdit | undefined {
  if (hasBlock(doc.text, 'resource', 'time_rotating', name)) return undefined;
  return after(block, [`resource "time_rotating" "${name}" {`, `  rotation_days = ${days}`, '}']);
}

function passwordFixes(doc: FixDocument, block: Block, data: TerraformResourceData, days: number): Fix[] {
  const address = `${data.type}.${data.name}`;
  const rotating = `${data.name}_rotation`;
  // Replaced a week before it expires: an apply in that week renews it before readers see it fail.
  const rotationDays = days > 14 ? days - 7 : days;
  const edits = [
    attributes(block, [
      `end_date = timeadd(time_rotating.${rotating}.rfc3339, "${days * 24}h")`,
      'rotate_when_changed = {',
      `  rotation = time_rotating.${rotating}.id`,
      '}',
    ]),
    timeRotating(doc, block, rotating, rotationDays),
  ].filter((e): e is TextEdit => !!e);
  const rotate = fixOf(`Expire ${address} after ${days} days and rotate it (time_rotating)`,
    `The password is valid for ${days} days (\`lifecycle.maxKeyAgeDays\`) and \`time_rotating.${rotating}\` replaces it after ${rotationDays} days, on the next \`terraform apply\` after that date ` +
    '(the hashicorp/time provider is added by `terraform init`). The first apply replaces the current password: whatever reads it (a Key Vault secret, a pipeline variable) must take the new value from Terraform. ' +
    'Better still, replace the password with a federated identity credential or a managed identity.',
  [{ path: doc.path, edits }]);
  const relative = fixOf(`Set end_date_relative = "${days * 24}h" on ${address} (azuread provider 2.x)`,
    `The password expires ${days} days after it is created. \`end_date_relative\` is deprecated in azuread 3.x (use the rotation fix there); nothing renews the password: rotate it before it expires.`,
  [{ path: doc.path, edits: [attributes(block, [`end_date_relative = "${days * 24}h"`])] }]);
  return [rotate, relative];
}

function serviceAccountKeyFixes(doc: FixDocument, block: Block, data: TerraformResourceData, days: number): Fix[] {
  const rotating = `${data.name}_rotation`;
  const edits = [
    attributes(block, ['keepers = {', `  rotation_time = time_rotating.${rotating}.rotation_rfc3339`, '}']),
    timeRotating(doc, block, rotating, days),
  ].filter((e): e is TextEdit => !!e);
  return [fixOf(`Rotate google_service_account_key.${data.name} every ${days} days (keepers + time_rotating)`,
    `\`time_rotating.${rotating}\` changes every ${days} days (\`lifecycle.maxKeyAgeDays\`) and the key's \`keepers\` make Terraform create a new key on the next apply after that ` +
    '(the hashicorp/time provider is added by `terraform init`). Adding `keepers` replaces the current key on the first apply: whatever reads it must take the new private key from Terraform. ' +
    'Better still, drop the key for Workload Identity Federation or an attached service account.',
  [{ path: doc.path, edits }])];
}
