resource "aws_iam_role_policy" "batch_runner" {
  name = "batch-runner"
  role = aws_iam_role.batch_runner.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "LaunchJobs"
        Effect   = "Allow"
        Action   = ["batch:SubmitJob", "batch:DescribeJobs"]
        Resource = [aws_batch_job_queue.main.arn, "${aws_batch_job_definition.etl.arn_prefix}:*"]
      },
      {
        Sid      = "PassAnyRole"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        #          ^ iam
        Resource = "*"
      },
      {
        Sid      = "Identity"
        Effect   = "Allow"
        Action   = ["sts:GetCallerIdentity", "s3:ListAllMyBuckets"]
        Resource = "*"
      },
    ]
  })
}
