resource "aws_secretsmanager_secret" "db_master" {
  name        = "prod/payments/db-master"
  description = "Aurora master credentials"
  kms_key_id  = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "db_master" {
  secret_id           = aws_secretsmanager_secret.db_master.id
  rotation_lambda_arn = module.rotation_lambda.arn

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "stripe_webhook" {
#          ^ lifecycle
  name        = "prod/payments/stripe-webhook-signing"
  description = "Webhook signing secret pasted from the Stripe dashboard"
  kms_key_id  = aws_kms_key.secrets.arn
}

resource "aws_kms_key" "secrets" {
  description         = "Secrets Manager CMK"
  enable_key_rotation = true
}
