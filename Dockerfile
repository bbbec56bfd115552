# Waymark in a container: built with the Swift image, run on Debian slim with only the C libraries
# the binary links (the Swift runtime is linked in). No .dockerignore: only the build's inputs are copied.
#
#   docker build --build-arg WAYMARK_VERSION="$(contrib/dist/version.sh)" -t waymark .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/site" waymark build   # writes ./output
#   docker run --rm -v "$PWD:/site" waymark check                          # the pull-request gate
#
# The runtime packages are the Debian package's Depends (`make dist`; Tests/Dist/test_dist.py checks
# the two lists agree), so both images must be Debian 12 (bookworm).
ARG SWIFT_IMAGE=swift:6.2-bookworm

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev zlib1g-dev libcurl4-openssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# What Package.swift reads: the sources, the theme it embeds, and the test targets' folders (a
# manifest whose target folders are missing does not load).
COPY Package.swift ./
COPY Sources Sources
COPY layouts layouts
COPY Tests Tests
ARG WAYMARK_VERSION=
# With WAYMARK_VERSION, the same version stamp `make dist` writes; without it, the source's version.
RUN flags=""; \
    if [ -n "$WAYMARK_VERSION" ]; then \
      echo "extension WaymarkVersion { static let release = \"$WAYMARK_VERSION\" }" \
        > Sources/WaymarkModel/Common/WaymarkVersion+Release.swift; \
      flags="-Xswiftc -DWAYMARK_RELEASE_VERSION"; \
    fi; \
    swift build -c release --product waymark --static-swift-stdlib -Xlinker -lcurl $flags \
 && install -D -m 755 .build/release/waymark /out/waymark

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libc6 libcmark-gfm-extensions0.29.0.gfm.6 libcmark-gfm0.29.0.gfm.6 libcurl4 libgcc-s1 libstdc++6 libxml2 libyaml-0-2 zlib1g \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/waymark /usr/local/bin/waymark
WORKDIR /site
ENTRYPOINT ["waymark"]
CMD ["build"]
