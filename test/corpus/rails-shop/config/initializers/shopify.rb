# frozen_string_literal: true

ShopifyAPI::Context.setup(
  api_key: ENV.fetch("SHOPIFY_API_KEY"),
  api_secret_key: "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",
  #                  ^ secret
  host: "https://shop-sync.acme.io",
  scope: "read_orders,read_products",
  is_embedded: false,
  api_version: "2024-04",
  is_private: true,
)

# Private app token for the flagship store (admin API)
FLAGSHIP_ADMIN_TOKEN = "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"
#                         ^ secret
