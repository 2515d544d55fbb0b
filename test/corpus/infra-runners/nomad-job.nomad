job "ledger-worker" {
  datacenters = ["eu-west-1a", "eu-west-1b"]
  type        = "service"

  group "worker" {
    count = 3

    task "worker" {
      driver = "docker"
      config {
        image = "ghcr.io/acme/ledger-worker:2.4.0"
      }
      env {
        QUEUE          = "ledger-events"
        VAULT_TOKEN    = "hvs.U3NnKqZPAPMnPgNQfcmQHkZh"
        #                   ^ secret
        CONSUL_HTTP_TOKEN = "668622ee-83a1-4c33-a6d1-f2a5082808ad"
        #                      ^ secret
      }
      vault {
        policies = ["ledger-worker"]
      }
      template {
        data        = "DB_PASSWORD={{ with secret \"kv/data/ledger/db\" }}{{ .Data.data.password }}{{ end }}"
        destination = "secrets/db.env"
        env         = true
      }
    }
  }
}
