# frozen_string_literal: true

Rails.configuration.stripe = {
  publishable_key: ENV.fetch("STRIPE_PUBLISHABLE_KEY", "pk_live_51njNtt7uuKIEWQpvaRwc2G95WicZL29uFL8m4jLWyNu5gYSnGfbEYkH29ETfNMCbW6xDfwkL2nA8lcEMvE2hoQXBZFFiyuc19x"),
  secret_key: ENV.fetch("STRIPE_SECRET_KEY") { "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" },
  #                                               ^ secret
}

Stripe.api_key = Rails.configuration.stripe[:secret_key]
Stripe.max_network_retries = 2
