resource "aws_secretsmanager_secret" "orders_db" {
  name       = "staging/orders/db"
  kms_key_id = var.kms_key_arn
}

resource "aws_secretsmanager_secret_rotation" "orders_db" {
  secret_id           = aws_secretsmanager_secret.orders_db.id
  rotation_lambda_arn = var.rotation_lambda_arn

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "sendgrid_api_key" {
#          ^ lifecycle
  name                    = "staging/notifications/sendgrid"
  description             = "Pasted by hand from the SendGrid console"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "sendgrid_api_key" {
  secret_id     = aws_secretsmanager_secret.sendgrid_api_key.id
  secret_string = var.sendgrid_api_key
}
