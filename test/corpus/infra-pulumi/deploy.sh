#!/usr/bin/env bash
set -euo pipefail
# CI wrapper for `pulumi up`.
export PULUMI_ACCESS_TOKEN="${PULUMI_ACCESS_TOKEN:-pul-b0457f5a07790cb30ae3c3245c0c09ba1eb2c22c}"
#                                                    ^ secret
pulumi login
pulumi stack select acme/orders/prod
pulumi up --yes --skip-preview
