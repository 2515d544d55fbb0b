resource "azurerm_role_definition" "break_glass" {
  name  = "break-glass-operator"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions     = ["*"]
    #              ^ iam
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}

resource "azurerm_role_definition" "vm_operator" {
  name  = "vm-operator"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions = [
      "Microsoft.Compute/virtualMachines/start/action",
      "Microsoft.Compute/virtualMachines/restart/action",
      "Microsoft.Compute/virtualMachines/read",
    ]
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}
