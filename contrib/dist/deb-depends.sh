#!/bin/sh
# Prints the Debian packages providing the shared libraries BINARY needs (its ELF NEEDED entries,
# located by `ldd`), sorted and comma-separated, for the package's `Depends:`: the build host's
# libcmark-gfm, its extensions, libyaml, zlib, libxml2 (Foundation's XMLParser), libcurl
# (Foundation's URLSession) and the C/C++ runtime.
# Libraries those load in turn are their packages' business. Fails if a library belongs to no
# package (e.g. a Swift runtime library that was not linked statically).
set -eu
binary=$1
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
resolved=$(ldd "$binary")
for soname in $needed; do
  library=$(echo "$resolved" | awk -v name="$soname" '
    $1 == name && $2 == "=>" { print $3; exit }
    index($1, "/") && $1 ~ ("/" name "$") { print $1; exit }')
  [ -n "$library" ] || { echo "deb-depends: $soname is not found" >&2; exit 1; }
  package=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null || dpkg -S "$library" 2>/dev/null) || {
    echo "deb-depends: no Debian package provides $library" >&2
    exit 1
  }
  echo "$package" | head -n 1 | cut -d: -f1
done | LC_ALL=C sort -u | paste -sd, - | sed 's/,/, /g'
