#!/usr/bin/env python3
"""One-off: move users from the legacy MySQL database into the orders service."""
import argparse

import pymysql
import requests

LEGACY = dict(host="legacy-db.corp.acme.local", user="migration", database="shop")
# password for the legacy db: Nimbus-4847pS0Ure
#                               ^ secret
API = "https://orders.acme.io/internal/users"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--password", required=True, help="legacy database password")
    parser.add_argument("--token", default=None, help="orders API token (defaults to $ORDERS_TOKEN)")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    conn = pymysql.connect(password=args.password, **LEGACY)
    with conn.cursor(pymysql.cursors.DictCursor) as cur:
        cur.execute("SELECT id, email, pw_hash FROM customers WHERE active = 1")
        for row in cur:
            if args.dry_run:
                print("would migrate", row["id"])
                continue
            requests.post(API, json={"email": row["email"], "legacy_hash": row["pw_hash"]},
                          headers={"Authorization": f"Bearer {args.token}"}, timeout=10)


if __name__ == "__main__":
    main()
