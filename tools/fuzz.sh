#!/usr/bin/env bash
# fuzz.sh: fuzz every target of every package for FUZZTIME each.
#
# Go 1.26's fuzz coordinator can report a bare "context deadline exceeded"
# as the -fuzztime window closes on a loaded machine (golang/go#75804, fixed
# in Go 1.27): no input failed and none is written. Such a run is retried
# once; any failure that wrote an input, panicked or failed a check is not.
set -uo pipefail
fuzztime="${1:?usage: fuzz.sh FUZZTIME [packages...]}"
shift
go="${GO:-go}"
pkgs=("${@:-./...}")

run() { # pkg target
  "$go" test -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -fuzzminimizetime 10x "$1" 2>&1
}

# deadline_only says whether a failed run's output is the coordinator's race
# and nothing else.
deadline_only() {
  grep -q 'context deadline exceeded' <<<"$1" &&
    ! grep -qE 'Failing input written|panic:|_test\.go:[0-9]+:' <<<"$1"
}

for pkg in $("$go" list "${pkgs[@]}"); do
  for target in $("$go" test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz'); do
    echo "fuzz $pkg $target ($fuzztime)"
    for try in 1 2; do
      out=$(run "$pkg" "$target"); status=$?
      printf '%s\n' "$out"
      [ $status -eq 0 ] && break
      if [ $try -eq 1 ] && deadline_only "$out"; then
        echo "fuzz: $target: the fuzz coordinator's deadline race (golang/go#75804), no failing input; trying once more"
        continue
      fi
      exit 1
    done
  done
done
