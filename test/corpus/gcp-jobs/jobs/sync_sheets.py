"""Copies the pricing sheet into the catalogue. Uses workload identity; no key file."""
import google.auth
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/spreadsheets.readonly"]
SHEET_ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms"
RANGE = "Prices!A2:D"


def fetch_prices() -> list[list[str]]:
    creds, _ = google.auth.default(scopes=SCOPES)
    service = build("sheets", "v4", credentials=creds, cache_discovery=False)
    result = service.spreadsheets().values().get(spreadsheetId=SHEET_ID, range=RANGE).execute()
    return result.get("values", [])


if __name__ == "__main__":
    for sku, name, price, currency in fetch_prices():
        print(f"{sku:<10} {name:<30} {price:>8} {currency}")
