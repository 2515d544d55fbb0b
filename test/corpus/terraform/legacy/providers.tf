# Legacy account, pending migration to SSO (INFRA-812).
provider "aws" {
  alias      = "legacy"
  region     = "us-east-1"
  access_key = "AKIAM3B5KSPCNHQ5KM6E"
  #               ^ secret
  secret_key = "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"
  #               ^ secret
}

provider "github" {
  owner = "acme"
  token = "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"
  #          ^ secret
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
}

provider "cloudflare" {
  api_token = "xvrDgafCPWVXHNiFLVvTsxmwOWcfALtjwPV_SaRU"
  #              ^ secret
}

resource "aws_iam_access_key" "ci" {
  provider = aws.legacy
  user     = "ci-deployer"
  pgp_key  = "keybase:acme_ops"
}
