resource "aws_iam_user" "ops_bot" {
  name = "ops-bot"
  path = "/automation/"
}

resource "aws_iam_access_key" "ops_bot" {
#          ^ lifecycle
  user = aws_iam_user.ops_bot.name
}

resource "aws_iam_user_policy_attachment" "ops_bot_admin" {
  user       = aws_iam_user.ops_bot.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
  #                                      ^ iam
}

resource "aws_iam_user_policy" "ops_bot_iam" {
  name = "ops-bot-iam"
  user = aws_iam_user.ops_bot.name

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["iam:*"],
      "Resource": "*"
    }
  ]
}
POLICY
}

output "ops_bot_access_key_id" {
  value = aws_iam_access_key.ops_bot.id
}
