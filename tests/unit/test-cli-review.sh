#!/bin/sh
# The review as two people's scripts run it on one file: submit, return,
# reopen, resubmit, approve; and tampering found by verify.
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
ids_of () { # package kind
  grep "^{\"kind\":\"$2\"" "$1" | sed 's/^{"kind":"[a-z]*","id":"\([^"]*\)".*/\1/'
}

export MULU_TODAY=2026-11-22
unset MULU_USER
f="$dir/c.mulu"

"$cli" generate "$f" --departments 1 --systems 2 --resources 3 --items 2 --seed 3 --as 张三 >/dev/null; check "generate as the clerk" 0 $?
"$cli" import "$dir/s.mulu" "$src/data/samples/natural-resources.jsonl" >/dev/null
"$cli" submit "$dir/s.mulu" --as 张三 2>"$dir/err"; check "submit refused while errors remain" 1 $?
contains "submit names the errors" "$dir/err" "3 validation errors remain"

"$cli" submit "$f" --as 张三 >"$dir/out"; check "submit" 0 $?
contains "submit counts what awaits review" "$dir/out" "6 records await review"
"$cli" submit "$f" --as 张三 2>"$dir/err"; check "a second submit is refused" 1 $?
"$cli" import "$f" "$src/data/samples/natural-resources.jsonl" 2>"$dir/err"; check "a submitted catalog refuses an import" 1 $?
contains "the refusal says to reopen" "$dir/err" "reopen it before changing anything"

"$cli" export "$f" -o "$dir/c.jsonl" >/dev/null
r1=$(ids_of "$dir/c.jsonl" resource | head -n 1)
others=$(ids_of "$dir/c.jsonl" resource | tail -n +2; ids_of "$dir/c.jsonl" system; ids_of "$dir/c.jsonl" department)
item=$(ids_of "$dir/c.jsonl" item | head -n 1)

# The reviewer.
"$cli" review "$f" --as 李四 --return "$r1" 2>/dev/null; check "returning without a comment is a usage error" 2 $?
"$cli" review "$f" --as 李四 --return "$r1" --comment "摘要过于简单" >"$dir/out"; check "return with a comment" 0 $?
"$cli" review "$f" --as 李四 --approve $others >"$dir/out"; check "approve five at once" 0 $?
contains "approve counts them" "$dir/out" "Approved 5 records, as 李四"
"$cli" review "$f" --as 李四 --approve "$item" 2>"$dir/err"; check "a data item is not approved alone" 1 $?
"$cli" review "$f" --as 李四 --approve no-such-id 2>"$dir/err"; check "an unknown id is refused" 1 $?
contains "the unknown id is named" "$dir/err" "no-such-id"

# The clerk sees the comment, reopens, resubmits.
"$cli" review "$f" >"$dir/out"; check "review summary" 0 $?
contains "summary counts" "$dir/out" "0 not reviewed, 5 approved, 1 returned"
contains "summary shows the comment" "$dir/out" "李四: 摘要过于简单"
"$cli" review "$f" --json >"$dir/out.json"; check "review summary --json" 0 $?
contains "summary --json names the returned record" "$dir/out.json" "\"id\" : \"$r1\""
"$cli" reopen "$f" --as 张三 --note "补充摘要" >/dev/null; check "reopen" 0 $?
"$cli" reopen "$f" --as 张三 2>/dev/null; check "reopening an open catalog is refused" 1 $?
"$cli" submit "$f" --as 张三 >"$dir/out"; check "resubmit" 0 $?
contains "approved records stay approved" "$dir/out" "1 record awaits review, 5 already approved"
"$cli" review "$f" --as 李四 --approve "$r1" >/dev/null; check "the reviewer approves the last one" 0 $?

# History.
"$cli" history "$f" >"$dir/h.txt"; check "history" 0 $?
contains "history shows the submission" "$dir/h.txt" "张三  submitted the catalog for review"
contains "history shows the reopening note" "$dir/h.txt" "补充摘要"
"$cli" history "$f" --record "$r1" --json >"$dir/h.json"; check "history --record --json" 0 $?
contains "a record's history has its decisions" "$dir/h.json" '"comment" : "摘要过于简单"'
contains "entries carry their hash" "$dir/h.json" '"hash" : "'

# Verify, then tamper with the closed file.
"$cli" verify "$f" >"$dir/out"; check "verify an intact log" 0 $?
contains "verify counts the entries" "$dir/out" "intact: 12 entries"
if command -v sqlite3 >/dev/null 2>&1; then
  cp "$f" "$dir/altered.mulu"
  sqlite3 "$dir/altered.mulu" "UPDATE change_log SET who = '王五' WHERE id = 4"
  "$cli" verify "$dir/altered.mulu" >"$dir/out"; check "verify finds an altered entry" 1 $?
  contains "verify names the altered entry" "$dir/out" "Entry 4 of the change log was altered"
  cp "$f" "$dir/deleted.mulu"
  sqlite3 "$dir/deleted.mulu" "DELETE FROM change_log WHERE id = 5"
  "$cli" verify "$dir/deleted.mulu" --json >"$dir/out"; check "verify finds a deleted entry" 1 $?
  contains "verify --json names the deleted entry" "$dir/out" '"entry" : 5'
  cp "$f" "$dir/forged.mulu"
  sqlite3 "$dir/forged.mulu" "UPDATE reviews SET state = 'approved', comment = NULL WHERE state = 'returned'"
  sqlite3 "$dir/forged.mulu" "UPDATE meta SET value = 'draft' WHERE key = 'review.state'"
  "$cli" verify "$dir/forged.mulu" >"$dir/out"; check "verify finds data changed outside Mulu" 1 $?
else
  echo "# sqlite3 shell not installed: tampering checks skipped"
fi
"$cli" verify "$dir/missing.mulu" 2>/dev/null; check "verify a missing file cannot run" 2 $?

# History and review through a package.
"$cli" export "$f" -o "$dir/reviewed.jsonl" >/dev/null
"$cli" import "$dir/copy.mulu" "$dir/reviewed.jsonl" --as 王五 >/dev/null; check "import the reviewed package" 0 $?
"$cli" history "$dir/copy.mulu" --record "$r1" >"$dir/h2.txt"
contains "history survives the round trip" "$dir/h2.txt" "李四  review of"
"$cli" review "$dir/copy.mulu" >"$dir/out"
contains "the copy arrives submitted and approved" "$dir/out" "0 not reviewed, 6 approved, 0 returned"
"$cli" verify "$dir/copy.mulu" >/dev/null; check "the copy's log is intact" 0 $?

echo "1..$n"
[ $fails -eq 0 ]
