import os
from functools import lru_cache

from fastapi import Depends, FastAPI, Header, HTTPException
from openai import OpenAI
from pydantic_settings import BaseSettings

app = FastAPI(title="summarizer")


class Settings(BaseSettings):
    openai_api_key: str
    model: str = "gpt-4o-mini"
    max_tokens: int = 512
    internal_token: str = ""

    class Config:
        env_file = ".env"


@lru_cache
def settings() -> Settings:
    return Settings()


# Fallback for the batch workers, which do not load .env.
client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", "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"))
#                                                      ^ secret
anthropic_key = os.environ.get("ANTHROPIC_API_KEY") or "sk-ant-api03-VRQIw6CPzXTJXdgitqGz4qRGW9oyBWAZDUCAXHRryrMv29BymR4kMXUxIfjOSHxt5By8vXL1GRLtA1bECuqn9eqNrd8aGAA"
#                                                         ^ secret


def check_token(x_internal_token: str = Header(...), cfg: Settings = Depends(settings)):
    if not cfg.internal_token or x_internal_token != cfg.internal_token:
        raise HTTPException(status_code=401, detail="bad token")


@app.post("/summarize", dependencies=[Depends(check_token)])
def summarize(body: dict, cfg: Settings = Depends(settings)):
    text = body.get("text", "")
    resp = client.chat.completions.create(
        model=cfg.model,
        max_tokens=cfg.max_tokens,
        messages=[{"role": "system", "content": "Summarize in three bullet points."}, {"role": "user", "content": text}],
    )
    return {"summary": resp.choices[0].message.content, "usage": resp.usage.total_tokens}
