resource "vault_mount" "kv" {
  path                      = "secret"
  type                      = "kv-v2"
  default_lease_ttl_seconds = 3600
  max_lease_ttl_seconds     = 86400
}

resource "vault_mount" "db" {
  path                      = "database"
  type                      = "database"
  default_lease_ttl_seconds = 3600
  max_lease_ttl_seconds     = 315360000
  #                           ^ lifecycle
}

resource "vault_database_secret_backend_role" "orders_ro" {
  backend     = vault_mount.db.path
  name        = "orders-readonly"
  db_name     = "orders"
  default_ttl = 900
  max_ttl     = 3600
  creation_statements = [
    "CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";",
  ]
}

resource "vault_token" "backup_job" {
  policies  = ["backup"]
  renewable = false
  ttl       = "30m"
}

resource "vault_token" "legacy_cron" {
  policies        = ["legacy-cron"]
  no_parent       = true
  period          = "8760h"
  #                 ^ lifecycle
}
