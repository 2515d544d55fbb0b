# Role assumed by the legacy Jenkins deployer. TODO(platform): scope down after the EKS migration.
resource "aws_iam_role" "ci_deployer" {
  name               = "${var.prefix}-ci-deployer"
  assume_role_policy = data.aws_iam_policy_document.jenkins_trust.json
  tags               = var.tags
}

resource "aws_iam_policy" "ci_deployer" {
  name        = "${var.prefix}-ci-deployer"
  description = "Deploy permissions for the Jenkins pipeline"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DescribeForPlanning"
        Effect   = "Allow"
        Action   = ["ec2:Describe*", "elasticloadbalancing:Describe*", "autoscaling:Describe*"]
        Resource = "*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*"
        #           ^ iam
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "ci_deployer" {
  role       = aws_iam_role.ci_deployer.name
  policy_arn = aws_iam_policy.ci_deployer.arn
}
