use std::{env, fs, path::PathBuf};

use anyhow::Result;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Config {
    #[serde(default = "default_base")]
    pub base_url: String,
    pub token: Option<String>,
}

fn default_base() -> String {
    "https://tickets.acme.io/api/v1".into()
}

fn path() -> PathBuf {
    let home = env::var("HOME").unwrap_or_else(|_| ".".into());
    PathBuf::from(home).join(".config/ticketctl/config.toml")
}

pub fn load() -> Result<Config> {
    let p = path();
    if !p.exists() {
        return Ok(Config { base_url: default_base(), token: env::var("TICKETCTL_TOKEN").ok() });
    }
    let text = fs::read_to_string(p)?;
    let mut cfg: Config = toml::from_str(&text)?;
    if cfg.token.as_deref() == Some("") {
        cfg.token = None;
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_token() {
        let cfg: super::Config = toml::from_str("base_url = \"http://localhost\"\ntoken = \"dummy-token\"").unwrap();
        assert_eq!(cfg.token.as_deref(), Some("dummy-token"));
    }
}
