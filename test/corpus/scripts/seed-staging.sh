#!/usr/bin/env bash
set -euo pipefail

export DATABASE_URL='mysql://crm_stg:Maple-4381YqBTok@crm-staging-db.acme.internal:3306/crm'
#                                      ^ secret
export MAILCHIMP_API_KEY=a23a1ddb443ced6d64eb0715a71fffa9-us10
#                          ^ secret
export TWILIO_API_KEY=SK5c01e8f35692c7fed4a35ee5e7ab6200
#                       ^ secret
export TWILIO_API_SECRET=fyuyslw2ugRkBEBuRl3sUFTNnqaxT3wJ
#                          ^ secret

php artisan migrate:fresh --seed --force
php artisan crm:import-contacts --source=mailchimp --list=staging-newsletter
