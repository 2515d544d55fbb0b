import Config

config :notify, NotifyWeb.Endpoint,
  url: [host: "notify.acme.io", port: 443, scheme: "https"],
  cache_static_manifest: "priv/static/cache_manifest.json",
  secret_key_base: "M7DHOI5qrTHf9amdL1dtLSphqQZWWfLQ8oyIjkZaV21tFDQiT9URoRJxpvIYYtAn"
  #                   ^ secret

config :notify, Notify.Repo,
  url: System.get_env("DATABASE_URL"),
  pool_size: 10

config :notify, Notify.Mailer,
  adapter: Swoosh.Adapters.Postmark,
  api_key: "d6af9d33-dfb0-4725-88ba-3bb8347525e6"
  #           ^ secret

config :logger, level: :info
