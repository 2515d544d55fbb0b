resource "azuread_application" "reporting" {
  display_name = "reporting-exporter"
}

resource "azuread_service_principal" "reporting" {
  client_id = azuread_application.reporting.client_id
}

resource "azuread_application_password" "reporting" {
#          ^ lifecycle
  application_id = azuread_application.reporting.id
  display_name   = "exporter"
}

resource "azuread_application_password" "reporting_rotating" {
  application_id = azuread_application.reporting.id
  display_name   = "exporter-rotating"
  end_date       = timeadd(time_rotating.reporting.rfc3339, "2160h")

  rotate_when_changed = {
    rotation = time_rotating.reporting.id
  }
}

resource "time_rotating" "reporting" {
  rotation_days = 60
}
