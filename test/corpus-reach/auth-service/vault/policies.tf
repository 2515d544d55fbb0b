resource "vault_policy" "checkout_read" {
  name   = "checkout-read"
  policy = <<EOT
path "secret/data/checkout/*" {
  capabilities = ["read"]
}
EOT
}

resource "vault_jwt_auth_backend_role" "github_actions" {
  backend         = vault_jwt_auth_backend.github.path
  role_name       = "webshop-deploy"
  role_type       = "jwt"
  user_claim      = "repository"
  bound_audiences = ["https://github.com/acme-labs"]
  bound_claims = {
    repository = "acme-labs/webshop"
    ref        = "refs/heads/main"
  }
  token_policies = ["deploy"]
  token_ttl      = 900
  token_max_ttl  = 3600
}
