#!/usr/bin/env bash
# fork-trafilatura.sh: rebuild third_party/go-trafilatura from the upstream
# module and third_party/go-trafilatura.patch. Run it from the repository
# root after changing either; see third_party/README.md for why the fork
# exists.
set -euo pipefail
version=v1.12.2
module=github.com/markusmobius/go-trafilatura
dir=$(go mod download -json "$module@$version" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
[ -n "$dir" ] || { echo "fork-trafilatura: cannot download $module@$version" >&2; exit 1; }
dest=third_party/go-trafilatura
rm -rf "$dest"
mkdir -p "$dest"
# The library itself: no tests, test pages, commands or examples.
(cd "$dir" && find . -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum -o -name LICENSE -o -name README.md \) \
  ! -path './cmd/*' ! -path './examples/*' ! -path './scripts/*' ! -path './test-files/*' -print0) |
  (cd "$dir" && xargs -0 cp --parents -t "$OLDPWD/$dest")
chmod -R u+w "$dest"
patch -s -p1 -d "$dest" < third_party/go-trafilatura.patch
echo "fork-trafilatura: $dest is $module@$version with third_party/go-trafilatura.patch"
