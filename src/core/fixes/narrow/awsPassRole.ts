// `iam:PassRole` on `*`: the roles the policy may pass. A role the same IaC file defines is named only
// when it is the one role there that is not the policy's own (the role the policy sits in or is
// attached to): passing its own role is rarely the intent, and guessing wrong would break a deploy.
import type { DefinedResource, PolicySyntax } from '../../iam/aws/remedy';
import { closingBracket } from '../brackets';
import type { CodeSyntax } from '../literals';

const TERRAFORM_ROLE = 'aws_iam_role';
const CLOUDFORMATION_ROLE = 'AWS::IAM::Role';
const HCL: CodeSyntax = { quotes: ['"'], lineComment: ['#', '//'] };
const JSON_TEXT: CodeSyntax = { quotes: ['"'], lineComment: [] };

/** The roles defined in the file that the policy could pass: every defined role but the policy's own. */
export function passableRoles(text: string, syntax: PolicySyntax, defined: DefinedResource[], documentAt: number): DefinedResource[] {
  if (syntax === 'hcl') return defined.filter((d) => d.type === TERRAFORM_ROLE && !ownTerraformRole(text, d.name, documentAt));
  if (syntax === 'yaml' || syntax === 'json') return defined.filter((d) => d.type === CLOUDFORMATION_ROLE && !ownCloudFormationRole(text, syntax, d.name, documentAt));
  return [];
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `resource "aws_iam_role" "x" { inline_policy { ... } }`, or `role = aws_iam_role.x.id` / `roles = [aws_iam_role.x.name]` anywhere in the file. */
function ownTerraformRole(text: string, address: string, documentAt: number): boolean {
  const name = address.slice(TERRAFORM_ROLE.length + 1);
  if (new RegExp(`\\broles?\\s*=\\s*\\[?\\s*${escaped(address)}\\.(?:id|name|arn)\\b`).test(text)) return true;
  const header = new RegExp(`resource\\s+"${TERRAFORM_ROLE}"\\s+"${escaped(name)}"\\s*\\{`).exec(text);
  return !!header && enclosed(text, header.index + header[0].length - 1, documentAt, HCL);
}

/** The document inside the role's definition (`Policies:` of the role), or a `Roles:` list that names the role. */
function ownCloudFormationRole(text: string, syntax: 'yaml' | 'json', id: string, documentAt: number): boolean {
  const reference = `(?:!Ref\\s+|["']?Ref["']?\\s*:\\s*)["']?${escaped(id)}\\b`;
  if (new RegExp(`\\bRoles["']?\\s*:[\\s\\S]{0,200}?${reference}`).test(text)) return true;
  if (syntax === 'json') {
    const key = new RegExp(`"${escaped(id)}"\\s*:\\s*\\{`).exec(text);
    return !!key && enclosed(text, key.index + key[0].length - 1, documentAt, JSON_TEXT);
  }
  const key = new RegExp(`^([ \\t]*)${escaped(id)}:[ \\t]*$`, 'm').exec(text);
  if (!key || documentAt < key.index) return false;
  const indent = key[1].length;
  const after = text.slice(key.index + key[0].length, documentAt);
  // Still inside while every non-blank line between the key and the document is indented deeper.
  return after.split('\n').every((line) => !line.trim() || /^[ \t]*/.exec(line)![0].length > indent);
}

function enclosed(text: string, open: number, offset: number, syntax: CodeSyntax): boolean {
  const close = closingBracket(text, open, syntax);
  return open < offset && (close === -1 || offset < close);
}
