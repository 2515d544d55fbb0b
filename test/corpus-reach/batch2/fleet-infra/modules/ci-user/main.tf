# Machine user for the on-prem Bamboo agents, which cannot use OIDC yet.
resource "aws_iam_user" "bamboo" {
  name = "bamboo-deployer"
  path = "/ci/"
}

resource "aws_iam_access_key" "bamboo" {
#          ^ lifecycle
  user = aws_iam_user.bamboo.name
}

resource "aws_iam_user_policy_attachment" "bamboo_power" {
  user       = aws_iam_user.bamboo.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
  #                                     ^ iam
}

resource "aws_iam_user_policy_attachment" "bamboo_view" {
  user       = aws_iam_user.bamboo.name
  policy_arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}

resource "aws_iam_group" "platform_admins" {
  name = "platform-admins"
}

resource "aws_iam_group_policy_attachment" "platform_admins_iam" {
  group      = aws_iam_group.platform_admins.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
  #                                     ^ iam
}

resource "aws_iam_group_policy_attachment" "platform_admins_support" {
  group      = aws_iam_group.platform_admins.name
  policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
}

output "bamboo_access_key_id" {
  value = aws_iam_access_key.bamboo.id
}

output "bamboo_secret_access_key" {
  value     = aws_iam_access_key.bamboo.secret
  sensitive = true
}
