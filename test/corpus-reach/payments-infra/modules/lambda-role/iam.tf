data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "settlement_reader" {
  statement {
    sid       = "ReadSettlementFiles"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.settlement_bucket}/incoming/*"]
  }

  statement {
    sid       = "ListSettlementPrefix"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.settlement_bucket}"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["incoming/*"]
    }
  }

  statement {
    sid = "Logs"
    actions = [
      "logs:CreateLogGroup",
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:/aws/lambda/${var.function_name}:*"]
  }

  statement {
    sid       = "Metrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
  }

  statement {
    sid       = "WhoAmI"
    actions   = ["sts:GetCallerIdentity"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "settlement_reader" {
  name               = "${var.function_name}-role"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

resource "aws_iam_role_policy" "settlement_reader" {
  name   = "settlement-reader"
  role   = aws_iam_role.settlement_reader.id
  policy = data.aws_iam_policy_document.settlement_reader.json
}
