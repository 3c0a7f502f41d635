#!/bin/sh
# The whole test suite. Every temporary folder its tests and browsers make (about fifty sites,
# corpora and profiles a run) goes under one folder, removed when the run ends, pass or fail:
# left in the system's temporary folder, a few hundred runs filled a 250 GB disk.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kb-test-run-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
TMPDIR="$tmp" node --import tsx --test $(find tests -name "*.test.ts" | sort)
