#!/usr/bin/env bash
# fork-trafilatura.sh: rebuild third_party/go-trafilatura from the upstream
# module and third_party/go-trafilatura.patch. Run it from the repository
# root after changing either; see third_party/README.md for why the fork
# exists. "fork-trafilatura.sh diff" does the reverse: it rewrites the patch
# from the edited fork.
set -euo pipefail
version=v1.12.2
module=github.com/markusmobius/go-trafilatura
dir=$(go mod download -json "$module@$version" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
[ -n "$dir" ] || { echo "fork-trafilatura: cannot download $module@$version" >&2; exit 1; }
dest=third_party/go-trafilatura
# copy_upstream DIR: the library itself, no tests, test pages, commands or
# examples.
copy_upstream() {
  mkdir -p "$1"
  (cd "$dir" && find . -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum -o -name LICENSE -o -name README.md \) \
    ! -path './cmd/*' ! -path './examples/*' ! -path './scripts/*' ! -path './test-files/*' -print0) |
    (cd "$dir" && xargs -0 cp --parents -t "$1")
  chmod -R u+w "$1"
}
if [ "${1:-}" = diff ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  copy_upstream "$tmp/a"
  cp -r "$dest" "$tmp/b"
  # diff exits 1 when the trees differ, which they do.
  (cd "$tmp" && diff -ruN a b) > third_party/go-trafilatura.patch || [ $? -eq 1 ]
  echo "fork-trafilatura: third_party/go-trafilatura.patch rewritten from $dest"
  exit 0
fi
rm -rf "$dest"
copy_upstream "$PWD/$dest"
patch -s -p1 -d "$dest" < third_party/go-trafilatura.patch
echo "fork-trafilatura: $dest is $module@$version with third_party/go-trafilatura.patch"
