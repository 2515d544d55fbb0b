"""Embedding helpers. Tokens are read from the environment or the secret store."""
import hashlib
import os

import requests
from huggingface_hub import InferenceClient

HF_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
CACHE_NAMESPACE = "emb-v3"


def hf_client() -> InferenceClient:
    token = os.environ["HF_TOKEN"]
    return InferenceClient(model=HF_MODEL, token=token)


def cache_key(text: str) -> str:
    return f"{CACHE_NAMESPACE}:{hashlib.sha256(text.encode()).hexdigest()}"


def embed(texts: list[str]) -> list[list[float]]:
    client = hf_client()
    return [client.feature_extraction(t).tolist() for t in texts]


def fetch_secret(name: str) -> str:
    vault_addr = os.environ.get("VAULT_ADDR", "https://vault.internal:8200")
    vault_token = os.environ.get("VAULT_TOKEN")
    r = requests.get(f"{vault_addr}/v1/secret/data/{name}", headers={"X-Vault-Token": vault_token}, timeout=5)
    r.raise_for_status()
    return r.json()["data"]["data"]["value"]
