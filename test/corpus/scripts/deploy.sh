#!/usr/bin/env bash
set -euo pipefail

ENVIRONMENT="${1:?usage: deploy.sh <environment>}"
IMAGE_TAG="${IMAGE_TAG:-$(git rev-parse --short HEAD)}"
REGISTRY=registry.acme.io

# The registry robot account (read/write on acme/*)
docker login "$REGISTRY" -u 'robot$acme+deployer' -p 'ert1xg5rbddVagNjXFTyB3sLumOPTqqp'
#                                                       ^ secret

helm upgrade --install orders ./helm/orders \
  --namespace orders \
  --values "helm/orders/values-${ENVIRONMENT}.yaml" \
  --set image.tag="$IMAGE_TAG" \
  --wait --timeout 10m

curl -fsS -u "deploy-bot:Falcon#8267YdAz23" -X POST "https://ci.acme.io/job/smoke-tests/buildWithParameters?ENV=${ENVIRONMENT}"
#                          ^ secret
curl -fsS -H "Authorization: Bearer dop_v1_170554aa6198b1514b9f4047d2f8a9b341d93e99a28b52b9957cb5c208e29282" "https://api.digitalocean.com/v2/cdn/endpoints/66f32b31-393a-4c89-8cef-5b56acc06a16/cache" -X DELETE -d '{"files":["*"]}'
#                                     ^ secret
echo "deployed $IMAGE_TAG to $ENVIRONMENT"
