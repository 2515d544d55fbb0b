#!/bin/sh
# Sets up a developer laptop. Safe to run more than once.
set -eu

brew bundle --file=Brewfile
npm config set @acme:registry https://npm.pkg.github.com

if [ -z "${GITHUB_TOKEN:-}" ]; then
  echo "Run 'gh auth login' first, then: export GITHUB_TOKEN=\$(gh auth token)" >&2
  exit 1
fi
npm config set //npm.pkg.github.com/:_authToken "$GITHUB_TOKEN"

read -r -s -p "Vault password: " VAULT_PASSWORD
vault login -method=userpass username="$USER" password="$VAULT_PASSWORD"
unset VAULT_PASSWORD

API_KEY_PLACEHOLDER="your-api-key-here"
sed -i.bak "s/^API_KEY=.*/API_KEY=${API_KEY_PLACEHOLDER}/" .env
echo "Done. Edit .env and replace $API_KEY_PLACEHOLDER."
