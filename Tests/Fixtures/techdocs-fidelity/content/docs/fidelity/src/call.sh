#!/bin/sh
set -eu
curl --fail --silent \
  --header "Authorization: Bearer $FIDELITY_TOKEN" \
  "https://fidelity.example.com/v2/health"
