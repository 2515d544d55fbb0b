data "aws_caller_identity" "current" {}

resource "aws_kms_key" "exports" {
  description             = "Encrypts partner export files"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "exports-key"
    Statement = [
      {
        Sid       = "EnableIAMUserPermissions"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowExporterUse"
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.exporter.arn }
        Action    = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource  = "*"
      },
      {
        Sid       = "PartnersDecrypt"
        Effect    = "Allow"
        Principal = "*"
        #           ^ iam
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
}
