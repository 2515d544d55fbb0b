use anyhow::Result;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use serde::Deserialize;

// Summaries go straight to Anthropic until the gateway ships (see PLAT-2291).
const ANTHROPIC_KEY: &str = "sk-ant-api03-JcazBosNmFOukVN9KUNg0YNCzc6a7KIMrtINdvE4dXrLyG87YX0Xjxnu1e79gWfvHQ3GxTNdm1PLXeZ-1Wo8faoiwm8_QAA";
//                             ^ secret
const ANTHROPIC_URL: &str = "https://api.anthropic.com/v1/messages";

#[derive(Debug, Deserialize)]
pub struct Ticket {
    pub id: u64,
    pub subject: String,
    pub body: String,
}

pub struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    pub fn new(base: &str, token: &str) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {token}")).unwrap());
        let http = reqwest::Client::builder().default_headers(headers).build().unwrap();
        Self { http, base: base.trim_end_matches('/').to_string() }
    }

    pub async fn list(&self, status: &str) -> Result<Vec<Ticket>> {
        Ok(self.http.get(format!("{}/tickets?status={status}", self.base)).send().await?.json().await?)
    }

    pub async fn get(&self, id: u64) -> Result<Ticket> {
        Ok(self.http.get(format!("{}/tickets/{id}", self.base)).send().await?.json().await?)
    }

    pub async fn summarize(&self, id: u64) -> Result<String> {
        let t = self.get(id).await?;
        let body = serde_json::json!({
            "model": "claude-3-5-sonnet-20240620",
            "max_tokens": 300,
            "messages": [{"role": "user", "content": format!("Summarize this ticket:\n{}", t.body)}],
        });
        let resp: serde_json::Value = reqwest::Client::new()
            .post(ANTHROPIC_URL)
            .header("x-api-key", ANTHROPIC_KEY)
            .header("anthropic-version", "2023-06-01")
            .json(&body)
            .send()
            .await?
            .json()
            .await?;
        Ok(resp["content"][0]["text"].as_str().unwrap_or_default().to_string())
    }
}
