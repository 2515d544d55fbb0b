#!/usr/bin/env bash
set -euo pipefail
# Runs the Orders API collection against staging and posts results to Postman.
newman run --environment staging.postman_environment.json \
  --reporters cli,junit --reporter-junit-export results.xml \
  "https://api.getpostman.com/collections/182bd42a-6f98-4865-a8ee-b45d0b95189b?apikey=PMAK-f8929a7014c495e2886598e9-3308a8791ccb0f8e7f47d6fae030944fc6"
#                                                                                       ^ secret
