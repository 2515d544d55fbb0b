variable "name" { type = string }
variable "instance_class" { type = string }
variable "master_username" { type = string }
variable "master_password" {
  type      = string
  sensitive = true
}
variable "subnet_ids" { type = list(string) }
variable "kms_key_id" { type = string }

resource "random_password" "app" {
  length           = 32
  special          = true
  override_special = "!#%&*()-_=+[]{}<>:?"
}

resource "aws_db_instance" "this" {
  identifier            = var.name
  engine                = "postgres"
  engine_version        = "16.3"
  instance_class        = var.instance_class
  allocated_storage     = 100
  username              = var.master_username
  password              = var.master_password
  storage_encrypted     = true
  kms_key_id            = var.kms_key_id
  db_subnet_group_name  = aws_db_subnet_group.this.name
  skip_final_snapshot   = false
  deletion_protection   = true
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_ssm_parameter" "app_password" {
  name  = "/${var.name}/db/app-password"
  type  = "SecureString"
  value = random_password.app.result
}

output "app_password" {
  value     = random_password.app.result
  sensitive = true
}
