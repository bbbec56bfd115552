#!/bin/sh
# Maps a version from version.sh to a Debian one that sorts the same way: pre-releases (-dev, -rc…)
# sort before the release with `~`, `git describe`'s commits after a tag sort after it with `+`,
# and no `-` is left (dpkg would read it as a Debian revision).
echo "$1" | sed -e 's/-\(dev\|alpha\|beta\|rc\)/~\1/' -e 's/-/+/' -e 's/-/./g'
