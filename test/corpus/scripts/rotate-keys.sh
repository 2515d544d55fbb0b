#!/usr/bin/env bash
# Rotates the service API keys. Reads current values from Vault, never from arguments.
set -euo pipefail

for svc in orders billing ledger; do
  old=$(vault kv get -field=api_key "secret/${svc}/api")
  new=$(openssl rand -base64 32)
  vault kv put "secret/${svc}/api" api_key="$new" previous_api_key="$old"
  kubectl -n "$svc" rollout restart "deploy/${svc}"
  echo "rotated ${svc} (old key ends in ${old: -4})"
done

token="$(vault print token)"
curl -sS -H "X-Vault-Token: ${token}" "$VAULT_ADDR/v1/auth/token/lookup-self" | jq .data.ttl
