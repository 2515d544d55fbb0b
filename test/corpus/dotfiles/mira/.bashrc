# ~/.bashrc
[ -z "$PS1" ] && return

HISTSIZE=50000
HISTCONTROL=ignoredups:erasedups
shopt -s histappend

export EDITOR=vim
export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"
export GOPRIVATE=github.com/acme/*

# tokens
export GITHUB_TOKEN=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
#                     ^ secret
export OPENAI_API_KEY="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"
#                        ^ secret
export VAULT_ADDR=https://vault.acme.internal:8200
export VAULT_TOKEN=hvs.CAESICGq_8PqOBX1Ebd7mSvyCzFrQxkHTekMkMhHC7Ut7BnNzYHL5s33NPfuzdaRpkHZACI6flGAcY_bjl1_feLnG6v
#                    ^ secret
export DIGITALOCEAN_ACCESS_TOKEN=$(pass show acme/digitalocean)

alias k=kubectl
alias tf=terraform
source <(kubectl completion bash)
