variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "db_master_password" {
  type        = string
  sensitive   = true
  description = "Master password for the orders database. Set TF_VAR_db_master_password in CI."
}

variable "stripe_secret_key" {
  type      = string
  sensitive = true
}

variable "datadog_api_key" {
  type      = string
  sensitive = true
  default   = ""
}

variable "github_token" {
  description = "Token for the GitHub provider. Example: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  type        = string
  sensitive   = true
}
