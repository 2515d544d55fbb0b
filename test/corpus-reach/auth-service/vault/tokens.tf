resource "vault_token" "ci_pipeline" {
  policies  = ["ci-read"]
  renewable = true
  ttl       = "8760h"
  #           ^ lifecycle
}

resource "vault_token" "deploy" {
  policies  = ["deploy"]
  renewable = false
  ttl       = "1h"
}

resource "vault_approle_auth_backend_role" "app" {
  backend        = vault_auth_backend.approle.path
  role_name      = "checkout-app"
  token_policies = ["checkout-read"]
  token_ttl      = 3600
  token_max_ttl  = 14400
}
