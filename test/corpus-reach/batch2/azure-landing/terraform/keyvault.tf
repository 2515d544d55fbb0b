resource "azurerm_key_vault_secret" "db_password" {
  name            = "orders-db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.app.id
  content_type    = "password"
  expiration_date = "2027-03-31T00:00:00Z"
}

resource "azurerm_key_vault_secret" "smtp_password" {
#          ^ lifecycle
  name         = "smtp-relay-password"
  value        = var.smtp_password
  key_vault_id = azurerm_key_vault.app.id
  content_type = "password"
}

resource "azuread_application" "billing_sync" {
  display_name = "billing-sync"
}

resource "azuread_application_password" "billing_sync" {
  application_id = azuread_application.billing_sync.id
  display_name   = "billing-sync-client-secret"
  end_date       = "2099-12-31T23:59:59Z"
  #                ^ lifecycle
}

resource "azuread_application_password" "billing_sync_next" {
  application_id = azuread_application.billing_sync.id
  display_name   = "billing-sync-client-secret-next"
  end_date       = timeadd(time_rotating.billing_sync.rfc3339, "2160h")
}

resource "time_rotating" "billing_sync" {
  rotation_days = 60
}

resource "random_password" "db" {
  length = 32
}
