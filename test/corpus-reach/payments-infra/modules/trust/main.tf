resource "aws_iam_role" "partner_reporting" {
  name                 = "partner-reporting"
  max_session_duration = 43200
  #                      ^ lifecycle

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      #                   ^ iam
    }]
  })
}

resource "aws_iam_role" "scheduler" {
  name                 = "nightly-scheduler"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "scheduler.amazonaws.com" }
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
      }
    }]
  })
}
