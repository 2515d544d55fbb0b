terraform {
  required_version = ">= 1.7"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.54"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Environment = "prod"
      Owner       = "platform"
    }
  }
}

module "db" {
  source            = "../../modules/db"
  name              = "orders"
  instance_class    = "db.r6g.large"
  master_username   = "orders_admin"
  master_password   = var.db_master_password
  subnet_ids        = data.aws_subnets.private.ids
  kms_key_id        = aws_kms_key.data.arn
}

module "bastion" {
  source         = "../../modules/bastion"
  ssh_public_key = file("${path.module}/keys/bastion.pub")
  allowed_cidrs  = ["10.20.0.0/16"]
}

resource "aws_kms_key" "data" {
  description             = "orders data at rest"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_secretsmanager_secret" "stripe" {
  name       = "prod/orders/stripe"
  kms_key_id = aws_kms_key.data.arn
}

resource "aws_secretsmanager_secret_version" "stripe" {
  secret_id     = aws_secretsmanager_secret.stripe.id
  secret_string = jsonencode({ secret_key = var.stripe_secret_key })
}

data "aws_subnets" "private" {
  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}
