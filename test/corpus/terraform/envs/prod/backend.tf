terraform {
  backend "s3" {
    bucket         = "acme-terraform-state-prod"
    key            = "orders/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
    kms_key_id     = "arn:aws:kms:eu-west-1:123456789012:key/7d474cd1-e846-439e-9a91-3fb4c69aadda"
  }
}
