export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git kubectl terraform aws)
source $ZSH/oh-my-zsh.sh

export PATH="/opt/homebrew/bin:$HOME/.cargo/bin:$PATH"
export AWS_PROFILE=acme-dev
export GITHUB_TOKEN="$(gh auth token)"
export OPENAI_API_KEY="$(security find-generic-password -s openai -w)"
export NPM_TOKEN=${NPM_TOKEN:-}
export HISTFILE=~/.zsh_history

alias gs='git status'
alias token='op read "op://Private/GitHub/token"'
