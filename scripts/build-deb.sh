#!/usr/bin/env bash
# Builds the Debian package rectifyd_VERSION_ARCH.deb (`make deb` runs this after `make`):
#  1. stages `make install DESTDIR=… PREFIX=/usr` (release binaries with the Swift runtime
#     linked in, the unit, sysusers.d and tmpfiles.d files, man pages, completions, docs and
#     /etc/rectifyd/rectifyd.yaml, which becomes a conffile);
#  2. strips the binaries, compresses the man pages and the changelog, adds the copyright
#     and the lintian overrides (packaging/debian/lintian-overrides says why each is there);
#  3. writes DEBIAN/ from packaging/debian: control (Depends= from dpkg-shlibdeps, so the
#     libc, libstdc++, libcurl and libsqlite3 versions are those the binaries need), the
#     maintainer scripts, conffiles and md5sums;
#  4. dpkg-deb --build with root as the owner of every file.
# The version is the one in packaging/debian/changelog. Needs dpkg-dev (dpkg-shlibdeps,
# dpkg-parsechangelog): scripts/install-deps.sh --package installs it.
#
# Usage: scripts/build-deb.sh            (SCRATCH=DIR: SwiftPM's build directory, default .build;
#                                         DEB_MAINTAINER="Name <address>" for the control file)
# Prints the path of the .deb on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=${SCRATCH:-.build}
maintainer=${DEB_MAINTAINER:-$(sed -n 's/^ -- \(.*>\)  .*/\1/p' packaging/debian/changelog | head -n 1)}
for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog; do
    command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (scripts/install-deps.sh --package)" >&2; exit 1; }
done
version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
arch=$(dpkg --print-architecture)
out=$scratch/deb
root=$out/rectifyd_${version}_$arch
rm -rf "$root"
mkdir -p "$root"
root=$(realpath "$root")

echo "build-deb: staging into $root" >&2
make --no-print-directory install DESTDIR="$root" PREFIX=/usr SCRATCH="$scratch" >/dev/null
# Created by rectifyd.tmpfiles in the postinst instead: a credentials directory shipped in
# the package would be removed with it on `apt remove` when empty, and its mode is root's
# business, not dpkg's.
rmdir "$root/etc/rectifyd/credentials" "$root/etc/rectifyd/plans"

# Debian's layout rules: stripped binaries, compressed manuals and changelog, a copyright file.
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$root/usr/bin/rectifyd" "$root/usr/bin/rectifyctl"
gzip -9n "$root"/usr/share/man/man*/*
# bash sources completion files: ArgumentParser's first line (#!/bin/bash) means nothing there.
sed -i '1{/^#!/d}' "$root"/usr/share/bash-completion/completions/*
install -D -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/rectifyd"
doc=$root/usr/share/doc/rectifyd
gzip -9nc packaging/debian/changelog > "$doc/changelog.Debian.gz"
install -m 0644 packaging/debian/copyright "$doc/copyright"
find "$root" -type d -exec chmod 0755 {} +

# Depends: the shared libraries the binaries load, as package names and minimum versions.
shlibs_dir=$(mktemp -d)
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir "$shlibs_dir/debian"
printf 'Source: rectifyd\n\nPackage: rectifyd\nArchitecture: any\n' > "$shlibs_dir/debian/control"
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O "-e$root/usr/bin/rectifyd" "-e$root/usr/bin/rectifyctl" 2>/dev/null |
    sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "build-deb: dpkg-shlibdeps found no libraries for the binaries" >&2; exit 1; }

mkdir -m 0755 "$root/DEBIAN"
installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@SHLIBS@|$shlibs|" \
    packaging/debian/control.in > "$root/DEBIAN/control"
install -m 0644 packaging/debian/conffiles "$root/DEBIAN/conffiles"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

deb=$out/rectifyd_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
listing=$(dpkg-deb -c "$deb")
for file in ./usr/bin/rectifyd ./usr/bin/rectifyctl ./usr/lib/systemd/system/rectifyd.service ./etc/rectifyd/rectifyd.yaml; do
    grep -q " $file\$" <<<"$listing" || { echo "build-deb: $deb lacks $file" >&2; exit 1; }
done
echo "build-deb: $(du -h "$deb" | cut -f1) — Depends: $(sed -n 's/^Depends: //p' "$root/DEBIAN/control")" >&2
echo "$deb"
