# Permission boundary for every developer role: deny outside approved regions,
# deny tampering with the audit trail, allow everything except IAM and Organizations.
data "aws_iam_policy_document" "developer_boundary" {
  statement {
    sid       = "DenyOutsideRegions"
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1", "eu-central-1"]
    }
  }

  statement {
    sid       = "DenyAuditTampering"
    effect    = "Deny"
    actions   = ["cloudtrail:*", "config:*"]
    resources = ["*"]
  }

  statement {
    sid           = "AllowAllButIdentity"
    effect        = "Allow"
    not_actions   = ["iam:*", "organizations:*", "account:*"]
    #               ^ iam
    resources     = ["*"]
  }
}

resource "aws_iam_policy" "developer_boundary" {
  name   = "developer-boundary"
  policy = data.aws_iam_policy_document.developer_boundary.json
}
