variable "source_buckets" {
  type        = list(string)
  description = "Buckets the pipeline reads raw exports from"
}

variable "sink_queues" {
  type = map(string)
}

variable "debug_admin" {
  type    = bool
  default = false
}

data "aws_iam_policy_document" "pipeline" {
  dynamic "statement" {
    for_each = toset(var.source_buckets)
    content {
      sid       = "Read${replace(title(statement.value), "-", "")}"
      actions   = ["s3:GetObject", "s3:GetObjectVersion"]
      resources = ["arn:aws:s3:::${statement.value}/exports/*"]
    }
  }

  dynamic "statement" {
    for_each = var.sink_queues
    content {
      sid       = "Send${statement.key}"
      actions   = ["sqs:SendMessage", "sqs:GetQueueUrl"]
      resources = [statement.value]
    }
  }

  dynamic "statement" {
    for_each = var.debug_admin ? [1] : []
    content {
      sid       = "DebugEverything"
      actions   = ["*"]
      #            ^ iam
      resources = ["*"]
    }
  }

  statement {
    sid       = "Scratch"
    actions   = ["s3:*"]
    #            ^ iam
    resources = ["*"]
  }

  statement {
    sid       = "Telemetry"
    actions   = ["cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "pipeline" {
  name   = "data-pipeline"
  role   = aws_iam_role.pipeline.id
  policy = data.aws_iam_policy_document.pipeline.json
}
