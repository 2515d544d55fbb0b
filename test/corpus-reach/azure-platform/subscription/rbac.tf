data "azurerm_subscription" "current" {}

resource "azurerm_role_assignment" "platform_team_owner" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  #                       ^ iam
  principal_id         = var.platform_team_group_id
}

resource "azurerm_role_assignment" "auditors_reader" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Reader"
  principal_id         = var.auditors_group_id
}

resource "azurerm_role_assignment" "app_contributor_rg" {
  scope                = azurerm_resource_group.app.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

resource "azurerm_role_assignment" "pipeline_uaa" {
  scope                = "/providers/Microsoft.Management/managementGroups/${var.root_management_group}"
  role_definition_name = "User Access Administrator"
  #                       ^ iam
  principal_id         = var.pipeline_sp_object_id
}

resource "azurerm_role_assignment" "app_blob_reader" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}
