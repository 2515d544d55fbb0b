data "azurerm_client_config" "current" {}

resource "azurerm_role_assignment" "pipeline_contributor" {
  scope                = "/subscriptions/${var.subscription_id}"
  role_definition_name = "Contributor"
  #                       ^ iam
  principal_id         = azuread_service_principal.pipeline.object_id
}

resource "azurerm_role_assignment" "finops_reader" {
  scope                = "/subscriptions/${var.subscription_id}"
  role_definition_name = "Reader"
  principal_id         = var.finops_group_object_id
}

resource "azurerm_role_assignment" "break_glass_owner" {
  scope              = "/subscriptions/${var.subscription_id}"
  role_definition_id = "/subscriptions/${var.subscription_id}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
  #                                                                                                                ^ iam
  principal_id       = var.break_glass_group_object_id
}

resource "azurerm_role_assignment" "app_rg_contributor" {
  scope                = azurerm_resource_group.app.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.app_deployer.principal_id
}

resource "azurerm_role_assignment" "app_kv_secrets" {
  scope                = azurerm_key_vault.app.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}
