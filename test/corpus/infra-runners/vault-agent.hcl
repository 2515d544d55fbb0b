pid_file = "/var/run/vault-agent.pid"

vault {
  address = "https://vault.acme.internal:8200"
  retry {
    num_retries = 5
  }
}

auto_auth {
  method "kubernetes" {
    mount_path = "auth/kubernetes"
    config = {
      role = "orders-api"
    }
  }
  sink "file" {
    config = {
      path = "/home/vault/.vault-token"
    }
  }
}

template {
  destination = "/etc/secrets/db.env"
  contents    = <<EOT
{{ with secret "database/creds/orders-app" }}
DB_USER={{ .Data.username }}
DB_PASSWORD={{ .Data.password }}
{{ end }}
EOT
}
