#!/bin/sh
# The CLI as a clerk's script uses it: exit codes and messages.
set -u
cli=${MULU_CLI:?}
src=${MULU_SOURCE_ROOT:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
fails=0
check () { # name expected-status actual-status
  n=$((n + 1))
  if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1 (exit $3, expected $2)"; fails=$((fails + 1)); fi
}
contains () { # name file needle
  n=$((n + 1))
  if grep -q -- "$3" "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1: no '$3' in:"; sed 's/^/# /' "$2"; fails=$((fails + 1)); fi
}

"$cli" >/dev/null 2>&1; check "no command is a usage error" 2 $?
"$cli" frobnicate >/dev/null 2>"$dir/err"; check "unknown command is a usage error" 2 $?
contains "unknown command named" "$dir/err" frobnicate
"$cli" --help >"$dir/out"; check "help succeeds" 0 $?
contains "help lists generate" "$dir/out" generate

"$cli" new "$dir/a.mulu" --department 测试局 --uscc 91350100M000100Y44 2>"$dir/err"; check "bad USCC refused" 1 $?
contains "bad USCC shows expected check character" "$dir/err" "“3”"
[ ! -e "$dir/a.mulu" ]; check "bad USCC creates no file" 0 $?
"$cli" new "$dir/a.mulu" --department 测试局 >/dev/null 2>&1; check "new without --uscc is a usage error" 2 $?
"$cli" new "$dir/a.mulu" --department 测试局 --uscc 91350100M000100Y43 >/dev/null; check "new with valid USCC" 0 $?
"$cli" new "$dir/a.mulu" --department 测试局 --uscc 91350100M000100Y43 2>"$dir/err"; check "new over an existing file refused" 1 $?
contains "existing file named" "$dir/err" "already exists"
"$cli" info "$dir/a.mulu" --json >"$dir/info.json"; check "info --json" 0 $?
contains "info counts the department" "$dir/info.json" '"departments" : 1'

"$cli" import "$dir/s.mulu" "$src/data/samples/natural-resources.jsonl" >"$dir/out"; check "import creates the catalog" 0 $?
contains "import reports counts" "$dir/out" "661"
"$cli" import "$dir/s.mulu" "$src/data/samples/natural-resources.jsonl" 2>"$dir/err"; check "importing the same ids twice refused" 1 $?
"$cli" import "$dir/s.mulu" "$dir/missing.jsonl" 2>/dev/null; check "missing package is an I/O error" 2 $?
"$cli" export "$dir/s.mulu" -o "$dir/s.jsonl" >/dev/null; check "export" 0 $?
"$cli" import "$dir/t.mulu" "$dir/s.jsonl" >/dev/null; check "re-import the export" 0 $?
"$cli" export "$dir/t.mulu" -o "$dir/t.jsonl" >/dev/null
# The records, not the history: each catalog logs its own creation and import.
tail -n +2 "$dir/s.jsonl" | grep -v '^{"kind":"change"' >"$dir/s.body"
tail -n +2 "$dir/t.jsonl" | grep -v '^{"kind":"change"' >"$dir/t.body"
cmp -s "$dir/s.body" "$dir/t.body"; check "export → import → export gives the same records" 0 $?
"$cli" export "$dir/s.mulu" -o "$dir/no/such/dir/x.jsonl" 2>"$dir/err"; check "export into a missing folder is an I/O error" 2 $?
"$cli" info "$dir/missing.mulu" 2>/dev/null; check "info on a missing file" 2 $?

"$cli" generate "$dir/g.mulu" --departments 2 --systems 3 --resources 10 --items 4 --seed 9 >/dev/null; check "generate" 0 $?
"$cli" info "$dir/g.mulu" --json >"$dir/g.json"
contains "generate counts items per resource" "$dir/g.json" '"items" : 80'
"$cli" generate "$dir/g.mulu" --departments 1 2>/dev/null; check "generate over an existing file refused" 1 $?
"$cli" generate "$dir/h.mulu" --departments 0 2>/dev/null; check "generate with zero departments is a usage error" 2 $?

# validate and zombies on the sample (its mistakes are listed in data/samples/README.md)
export MULU_TODAY=2026-11-22
"$cli" validate "$dir/s.mulu" >"$dir/v.txt"; check "validate exits 1 while errors remain" 1 $?
contains "validate finds R2" "$dir/v.txt" "^R2 "
contains "validate summarises" "$dir/v.txt" "3 errors, 7 warnings"
"$cli" validate "$dir/s.mulu" --json --severity error >"$dir/v.json"; check "validate --json" 1 $?
contains "validate --json counts" "$dir/v.json" '"error" : 3'
contains "validate --json names package ids" "$dir/v.json" '"id" : "r36"'
"$cli" validate "$dir/s.mulu" --severity fatal 2>/dev/null; check "validate with a bad severity is a usage error" 2 $?
"$cli" validate "$dir/missing.mulu" 2>/dev/null; check "validate a missing file cannot run" 2 $?
"$cli" validate "$dir/g.mulu" --severity error >/dev/null; check "a generated catalog validates clean" 0 $?
"$cli" zombies "$dir/s.mulu" >"$dir/z.txt"; check "zombies" 0 $?
contains "zombies counts the three" "$dir/z.txt" "3 of 12 systems"
"$cli" zombies "$dir/s.mulu" --json >"$dir/z.json"; check "zombies --json" 0 $?
contains "zombies --json gives reasons" "$dir/z.json" "no one has logged in for 34 months"

echo "1..$n"
[ $fails -eq 0 ]
