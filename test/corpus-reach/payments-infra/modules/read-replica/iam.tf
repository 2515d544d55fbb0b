resource "aws_iam_role_policy" "replica_monitor" {
  name = "replica-monitor"
  role = aws_iam_role.replica_monitor.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["rds:DescribeDBInstances", "rds:DescribeDBClusters", "cloudwatch:GetMetricData", "cloudwatch:PutMetricData"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = aws_secretsmanager_secret.replica_monitor.arn
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })
}

resource "aws_secretsmanager_secret" "replica_monitor" {
  name = "prod/payments/replica-monitor"
}

resource "aws_secretsmanager_secret_rotation" "replica_monitor" {
  secret_id           = aws_secretsmanager_secret.replica_monitor.id
  rotation_lambda_arn = var.rotation_lambda_arn
  rotation_rules {
    schedule_expression = "rate(30 days)"
  }
}
