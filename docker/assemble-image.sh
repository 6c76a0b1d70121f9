#!/bin/sh
# Lays out the runtime image from a built tree: the compiled server, its production
# node_modules, the example configurations and the pages the server serves (libs/*/web: tsc does
# not copy them, and the server refuses to start without them). The Dockerfile runs it in its
# build stage; test/docker-image.int-spec.ts runs it too, so the test starts what the image holds.
#   usage: sh docker/assemble-image.sh <built tree> <image root>
set -eu
built=$1
image=$2
mkdir -p "$image/libs"
cp -R "$built/dist" "$built/node_modules" "$built/config" "$built/package.json" "$image/"
for web in "$built"/libs/*/web; do
  lib=$(basename "$(dirname "$web")")
  mkdir -p "$image/libs/$lib"
  cp -R "$web" "$image/libs/$lib/"
done
