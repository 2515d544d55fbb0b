#!/usr/bin/env bash
# Nightly logical backup of the orders database to S3.
set -euo pipefail

: "${PGHOST:?}" "${PGUSER:?}" "${BACKUP_BUCKET:?}"
export PGPASSWORD="${PGPASSWORD:-$(aws ssm get-parameter --name /orders/db/backup-password --with-decryption --query Parameter.Value --output text)}"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
FILE="/tmp/orders-${STAMP}.dump"

pg_dump --format=custom --no-owner --file "$FILE" orders
sha256sum "$FILE" > "$FILE.sha256"
aws s3 cp "$FILE" "s3://${BACKUP_BUCKET}/orders/${STAMP}.dump" --sse aws:kms
aws s3 cp "$FILE.sha256" "s3://${BACKUP_BUCKET}/orders/${STAMP}.dump.sha256"
rm -f "$FILE" "$FILE.sha256"

# Known-good checksum of the restore script, verified before each run
EXPECTED_RESTORE_SHA=99f17520dc5af0476e0e0cfe254e2b5f624c26f6de41d594947e929c35b39915
echo "$EXPECTED_RESTORE_SHA  scripts/restore.sh" | sha256sum -c -
