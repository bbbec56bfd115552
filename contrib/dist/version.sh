#!/bin/sh
# Prints Waymark's version: a source tarball's VERSION file, else `git describe` of the newest v* tag
# (v1.2.0 -> 1.2.0, 1.2.0-3-gabc1234 three commits later), else the version the source declares with
# the commit (0.1.0-dev.241+gabc1234). `-dirty` or `.dirty` marks uncommitted changes.
set -eu
cd "$(dirname "$0")/../.."
if [ -f VERSION ]; then
  tr -d '[:space:]' < VERSION
  echo
elif described=$(git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null); then
  echo "${described#v}"
else
  base=$(sed -n 's/^ *public static let current = "\(.*\)"$/\1/p' Sources/WaymarkModel/Common/WaymarkVersion.swift)
  dirty=$(git diff --quiet HEAD -- 2>/dev/null || echo .dirty)
  echo "$base-dev.$(git rev-list --count HEAD)+g$(git rev-parse --short=7 HEAD)$dirty"
fi
