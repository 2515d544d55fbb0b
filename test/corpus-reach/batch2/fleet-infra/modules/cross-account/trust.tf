variable "org_id" {
  type = string
}

# Any principal inside our AWS Organization may read the shared AMI catalogue.
resource "aws_iam_role" "ami_catalogue_reader" {
  name = "ami-catalogue-reader"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = {
        StringEquals = { "aws:PrincipalOrgID" = var.org_id }
      }
    }]
  })
}

resource "aws_iam_role" "github_deploy" {
  name = "github-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::739204118563:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:northwind-labs/storefront:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role" "legacy_partner_sync" {
  name = "legacy-partner-sync"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::210987654321:role/partner-sync" }
        Condition = { StringEquals = { "sts:ExternalId" = "nw-partner-4c1e" } }
      },
      {
        Effect    = "Allow"
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Principal = { AWS = ["*"] }
        #                   ^ iam
      },
    ]
  })
}
