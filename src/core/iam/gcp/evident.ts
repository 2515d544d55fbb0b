// A narrower predefined role for a basic-role grant, only when the file makes the need evident: the
// one member is a service account named for deploying (`ci-deployer`, `deploy-bot`) and the file holds
// resources of exactly one deployable kind. Anything less evident gets no suggestion (the fix falls
// back to roles/viewer, marked for review).
import { addressOf, attribute, textOf, type TerraformFile } from '../cloud/terraform';

const DEPLOY_TARGETS: { type: RegExp; role: string; what: string }[] = [
  { type: /^google_cloud_run_(?:v2_)?service$/, role: 'roles/run.developer', what: 'Cloud Run services' },
  { type: /^google_cloudfunctions2?_function$/, role: 'roles/cloudfunctions.developer', what: 'Cloud Functions' },
  { type: /^google_container_(?:cluster|node_pool)$/, role: 'roles/container.developer', what: 'GKE clusters' },
  { type: /^google_app_engine_(?:standard|flexible)_app_version$/, role: 'roles/appengine.deployer', what: 'App Engine versions' },
];

export function evidentRole(file: TerraformFile, members: string[]): { role: string; why: string } | undefined {
  if (members.length !== 1 || !members[0].startsWith('serviceAccount:')) return undefined;
  const account = accountId(file, members[0].slice('serviceAccount:'.length));
  if (!account || !/deploy/i.test(account)) return undefined;
  const targets = DEPLOY_TARGETS.filter((t) => file.root.blocks.some((b) => b.type === 'resource' && t.type.test(b.labels[0] ?? '')));
  if (targets.length !== 1) return undefined;
  const [target] = targets;
  return { role: target.role, why: `the member is the service account \`${account}\`, named for deploying, and the only deployable resources in this file are ${target.what}` };
}

/** `${google_service_account.x.email}` → the account's `account_id` (or its resource name); `name@project.iam...` → `name`. */
function accountId(file: TerraformFile, email: string): string | undefined {
  const ref = /^\$\{(google_service_account\.[\w-]+)\.email\}$/.exec(email.trim())?.[1];
  if (ref) {
    const block = file.root.blocks.find((b) => b.type === 'resource' && b.labels.length >= 2 && addressOf(b) === ref);
    return block ? textOf(file, attribute(block, 'account_id')) ?? block.labels[1] : undefined;
  }
  return /^([\w-]+)@/.exec(email)?.[1];
}
