"""Ticket triage agent."""
from anthropic import Anthropic
from openai import OpenAI

# service account key scoped to the triage project
oai = OpenAI(api_key="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")
#                       ^ secret

# org admin key, used only to read usage reports
ADMIN = Anthropic(api_key="sk-ant-admin01-BLJDwamQ5xzz8ZXzgp8xsvAh9SF0QmB-xg2UuHAdCU9KyIFcOX3ZAaAwz6RMP78wtuQtMXnpF3hxcfga6A-bCpURgyB0WAA")
#                            ^ secret

SYSTEM = "You label support tickets as billing, bug, or other. Answer with one word."


def triage(text: str) -> str:
    r = oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": text}])
    return r.choices[0].message.content.strip().lower()
