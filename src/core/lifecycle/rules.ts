// Credential lifetime (OWASP NHI7, long-lived secrets): keys minted in IaC that never expire, secrets
// without rotation or expiry, and lifetimes above the workspace's limits (config `lifecycle`).
import { TAG } from '../rules/taxonomy';
import type { RuleInfo, Severity } from '../types';

function rule(id: string, title: string, severity: Severity, description: string, docsUrl: string, tags: string[] = [TAG.longLived]): RuleInfo {
  return { id: `lifecycle/${id}`, title, category: 'lifecycle', severity, description, docsUrl, tags };
}

export const LIFECYCLE_RULES = {
  awsAccessKey: rule('aws-iam-access-key', 'Long-lived AWS access key created in IaC', 'medium',
    'Terraform `aws_iam_access_key` or CloudFormation `AWS::IAM::AccessKey` mints an IAM user access key: it never expires, and its secret is written to the state (in plain text without `pgp_key`) or to template outputs. Prefer roles (OIDC federation, instance profiles); when a key is unavoidable, rotate it on a schedule.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', [TAG.longLived, TAG.staticCloudCredentials]),
  gcpServiceAccountKey: rule('gcp-service-account-key', 'Long-lived Google service-account key created in IaC', 'medium',
    '`google_service_account_key` creates a user-managed key that is valid until someone deletes it (ten years by default), and Terraform keeps its private key in the state. Prefer Workload Identity Federation or attached service accounts; when a key is unavoidable, rotate it with `keepers` tied to `time_rotating`.',
    'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys', [TAG.longLived, TAG.staticCloudCredentials]),
  azureAppPassword: rule('azure-app-password-expiry', 'Azure application password valid too long', 'medium',
    'An `azuread_application_password` or `azuread_service_principal_password` has no `end_date` (the provider then makes it valid for two years) or one beyond the configured key age. Prefer federated credentials or managed identities; otherwise set a short `end_date_relative` and rotate with `rotate_when_changed`.',
    'https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration#credential-configuration', [TAG.longLived, TAG.staticCloudCredentials]),
  awsSecretRotation: rule('aws-secret-no-rotation', 'AWS Secrets Manager secret without rotation', 'low',
    'An `aws_secretsmanager_secret` (or `AWS::SecretsManager::Secret`) has no rotation configured anywhere in its module or template: the value lives until someone changes it by hand. Add `aws_secretsmanager_secret_rotation` (or a `RotationSchedule`).',
    'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'),
  azureKeyVaultExpiry: rule('azure-key-vault-no-expiry', 'Azure Key Vault secret or key without expiry', 'low',
    'An `azurerm_key_vault_secret` or `azurerm_key_vault_key` has no `expiration_date` (and a key no rotation policy): nothing forces the value to be replaced. Set an expiration date and rotate before it.',
    'https://learn.microsoft.com/en-us/azure/key-vault/secrets/secrets-best-practices'),
  vaultTtl: rule('vault-long-ttl', 'Vault token or lease TTL above the limit', 'medium',
    'A Vault TTL (`ttl`, `max_ttl`, `token_ttl`, `token_max_ttl`, `period`, lease TTLs) is longer than the configured limit (default 24 hours): a leaked token or dynamic secret stays usable that long. Keep TTLs short and let clients renew.',
    'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-time-to-live-periodic-tokens-and-explicit-max-ttls'),
  sessionDuration: rule('long-session-duration', 'Role session longer than the limit', 'low',
    'An IAM role allows sessions longer than the configured limit (default one hour, AWS\'s default), in Terraform, CloudFormation, CDK or SDK calls (`create_role`, `assume_role` `DurationSeconds`): stolen session credentials stay valid that long. Keep `MaxSessionDuration` at 3600 unless a job cannot re-assume the role.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html#id_roles_update-session-duration'),
  signedTokenExpiry: rule('long-token-expiry', 'Signed token with a long lifetime', 'medium',
    'Code signs access tokens (JWT `expiresIn`, an `exp` claim, a token lifetime setting) that live longer than the configured limit (default 24 hours), or never expire: a stolen token cannot be revoked until it expires. Refresh tokens (the setting, the issuing function or the payload says `refresh`) have their own limit (default 30 days). Issue short-lived access tokens and renew them with refresh tokens.',
    'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html'),
} satisfies Record<string, RuleInfo>;
