use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

mod api;
mod config;

#[derive(Parser)]
#[command(name = "ticketctl", version)]
struct Cli {
    /// API token; falls back to TICKETCTL_TOKEN, then to the config file.
    #[arg(long, env = "TICKETCTL_TOKEN", hide_env_values = true)]
    token: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    List { #[arg(long, default_value = "open")] status: String },
    Show { id: u64 },
    Summarize { id: u64 },
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    let cfg = config::load().context("reading ~/.config/ticketctl/config.toml")?;
    let token = cli.token.or(cfg.token).context("no API token configured")?;
    let client = api::Client::new(&cfg.base_url, &token);
    match cli.command {
        Command::List { status } => {
            for t in client.list(&status).await? {
                println!("{:>6}  {}", t.id, t.subject);
            }
        }
        Command::Show { id } => println!("{:#?}", client.get(id).await?),
        Command::Summarize { id } => println!("{}", client.summarize(id).await?),
    }
    Ok(())
}
