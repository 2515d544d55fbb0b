import Config

if config_env() == :prod do
  database_url =
    System.get_env("DATABASE_URL") ||
      raise "environment variable DATABASE_URL is missing"

  secret_key_base =
    System.get_env("SECRET_KEY_BASE") ||
      raise "environment variable SECRET_KEY_BASE is missing; generate one with mix phx.gen.secret"

  config :notify, Notify.Repo, url: database_url, ssl: true
  config :notify, NotifyWeb.Endpoint, secret_key_base: secret_key_base
  config :notify, Notify.Mailer, api_key: System.fetch_env!("POSTMARK_API_KEY")
end
