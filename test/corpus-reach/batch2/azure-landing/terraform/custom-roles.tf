resource "azurerm_role_definition" "access_manager" {
  name        = "access-manager"
  scope       = "/subscriptions/${var.subscription_id}"
  description = "Lets the platform bot manage role assignments"

  permissions {
    actions = [
      "Microsoft.Authorization/*",
      # ^ iam
      "Microsoft.Resources/subscriptions/resourceGroups/read",
    ]
    not_actions = []
  }

  assignable_scopes = ["/subscriptions/${var.subscription_id}"]
}

resource "azurerm_role_definition" "storage_auditor" {
  name        = "storage-auditor"
  scope       = "/subscriptions/${var.subscription_id}"
  description = "Reads storage configuration for compliance reports"

  permissions {
    actions = [
      "Microsoft.Storage/storageAccounts/read",
      "Microsoft.Storage/storageAccounts/blobServices/read",
      "Microsoft.Insights/diagnosticSettings/read",
    ]
    not_actions = []
  }

  assignable_scopes = ["/subscriptions/${var.subscription_id}"]
}
