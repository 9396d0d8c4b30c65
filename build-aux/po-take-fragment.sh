#!/bin/sh
# po-take-fragment.sh FRAGMENT.po… — folds translations written apart (by a
# branch that could not touch po/zh_CN.po while others did) into po/zh_CN.po
# and removes the fragments. zh_CN.po's good translations and header win;
# a fragment fills what is untranslated or fuzzy there.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
po="$top/po/zh_CN.po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

header='msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
'
msgattrib --no-fuzzy --translated -o "$work/kept.po" "$po"
inputs="$work/kept.po"
n=0
for fragment in "$@"; do
  n=$((n + 1))
  # A fragment may come without a header; msgcat needs its charset.
  if grep -q '^msgid ""$' "$fragment"; then
    cp "$fragment" "$work/f$n.po"
  else
    { printf '%s\n' "$header"; cat "$fragment"; } >"$work/f$n.po"
  fi
  inputs="$inputs $work/f$n.po"
done
# The first file holding a msgid gives its translation.
# shellcheck disable=SC2086
msgcat --use-first --no-location -o "$work/all.po" $inputs "$po"
# Back into the template's order, with its source references.
msgmerge --quiet --no-fuzzy-matching -o "$po" "$work/all.po" "$top/po/mulu.pot"
rm -f "$@"
msgfmt -c --statistics -o /dev/null "$po"
