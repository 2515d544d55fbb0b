resource "aws_iam_role" "bastion" {
  name               = "bastion-host"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": { "Service": "ec2.amazonaws.com" },
          "Action": "sts:AssumeRole"
        }
      ]
    }
  JSON
}

resource "aws_iam_role_policy_attachment" "bastion_ssm_core" {
  role       = aws_iam_role.bastion.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_policy" "bastion_operator" {
  name        = "bastion-operator"
  description = "Lets on-call engineers open sessions on the bastion and read runbook parameters"
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "StartSessionOnBastion",
      "Effect": "Allow",
      "Action": ["ssm:StartSession"],
      "Resource": [
        "arn:aws:ec2:eu-west-1:739204118563:instance/${aws_instance.bastion.id}",
        "arn:aws:ssm:eu-west-1::document/AWS-StartSSHSession"
      ]
    },
    {
      "Sid": "ResumeOwnSessions",
      "Effect": "Allow",
      "Action": ["ssm:ResumeSession", "ssm:TerminateSession"],
      "Resource": "arn:aws:ssm:*:*:session/$${aws:username}-*"
    },
    {
      "Sid": "Runbooks",
      "Effect": "Allow",
      "Action": "ssm:*",
      "Resource": "*"
    },
    {
      "Sid": "DescribeInstances",
      "Effect": "Allow",
      "Action": ["ec2:DescribeInstances", "ssm:DescribeInstanceInformation"],
      "Resource": "*"
    }
  ]
}
EOF
}
