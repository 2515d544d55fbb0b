resource "azurerm_key_vault_secret" "sql_admin" {
  name            = "sql-admin-password"
  value           = random_password.sql_admin.result
  key_vault_id    = azurerm_key_vault.main.id
  expiration_date = timeadd(time_static.deployed.rfc3339, "2160h")
  content_type    = "password"
}

resource "azurerm_key_vault_secret" "partner_api" {
#          ^ lifecycle
  name         = "partner-api-key"
  value        = var.partner_api_key
  key_vault_id = azurerm_key_vault.main.id
}

resource "time_static" "deployed" {}

resource "random_password" "sql_admin" {
  length  = 32
  special = true
}
