resource "aws_iam_role" "analyst" {
  name                 = "staging-analyst"
  max_session_duration = 28800
  #                      ^ lifecycle
  assume_role_policy   = data.aws_iam_policy_document.sso_trust.json
}

resource "aws_iam_role" "oncall" {
  name                 = "staging-oncall"
  max_session_duration = 3600
  assume_role_policy   = data.aws_iam_policy_document.sso_trust.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/AdministratorAccess",
    #                        ^ iam
  ]
}

resource "aws_iam_role" "ci_runner" {
  name               = "staging-ci-runner"
  assume_role_policy = data.aws_iam_policy_document.ci_trust.json
}

resource "aws_iam_role_policy_attachment" "ci_runner_ecr" {
  role       = aws_iam_role.ci_runner.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}
