#!/bin/sh
# check-translations.sh — is the Simplified Chinese translation complete?
#
# Usage: po/check-translations.sh [SOURCE_ROOT]
#
# Regenerates the message template from po/POTFILES.in (the same xgettext
# command as the project uses), merges po/zh_CN.po against it in a temporary
# directory and checks that every message is translated, none is fuzzy and
# msgfmt --check accepts the result.  Output is TAP; exit status 0 on success,
# 1 on failure, 77 (skip) when the gettext tools are missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

LC_ALL=C
export LC_ALL

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
lang=zh_CN
po="$root/po/$lang.po"

for tool in xgettext msgmerge msgfmt msgattrib msgcmp; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool not found (install gettext)"
    exit 77
  fi
done

if [ ! -f "$root/po/POTFILES.in" ] || [ ! -f "$po" ]; then
  echo "Bail out! $root/po/POTFILES.in or $po not found"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mulu-po.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'rm -rf "$tmp"; exit 1' HUP INT PIPE TERM

failed=0
n=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  echo "not ok $n - $1"
  case $1 in
    *"# TODO"*) ;;
    *) failed=1 ;;
  esac
}

# Print each msgid of a PO file (header excluded) as a "#" diagnostic line.
list_msgids () {
  awk '
    function flush () { if (id != "") print "#   msgid \"" id "\""; id = ""; in_id = 0 }
    /^msgid /    { flush(); in_id = 1; s = $0; sub(/^msgid "/, "", s); sub(/"$/, "", s); id = s; next }
    /^"/ && in_id { s = $0; sub(/^"/, "", s); sub(/"$/, "", s); id = id s; next }
    { if (in_id) flush() }
    END { flush() }
  ' "$1"
}

echo "1..5"

# --- the template ----------------------------------------------------------
if ! (cd "$root" && xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ \
        --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
        --add-comments --force-po --files-from=po/POTFILES.in \
        -o "$tmp/mulu.pot") >"$tmp/xgettext.log" 2>&1; then
  sed 's/^/# /' "$tmp/xgettext.log"
  echo "Bail out! xgettext could not build the template from po/POTFILES.in"
  exit 1
fi

if ! msgmerge --quiet --previous "$po" "$tmp/mulu.pot" -o "$tmp/$lang.po" >"$tmp/msgmerge.log" 2>&1; then
  sed 's/^/# /' "$tmp/msgmerge.log"
  echo "Bail out! msgmerge could not merge po/$lang.po with the template"
  exit 1
fi

# --- 1: every message translated, none fuzzy -------------------------------
msgfmt --statistics -o /dev/null "$tmp/$lang.po" >"$tmp/stats" 2>&1
stats=$(tail -n 1 "$tmp/stats")
fuzzy=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p')
untranslated=$(echo "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p')
fuzzy=${fuzzy:-0}
untranslated=${untranslated:-0}
if [ "$fuzzy" -eq 0 ] && [ "$untranslated" -eq 0 ]; then
  ok "$lang complete"
  echo "# $stats"
else
  not_ok "$lang complete"
  echo "# $stats"
  if [ "$untranslated" -ne 0 ]; then
    echo "# untranslated:"
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" -o "$tmp/untranslated.po"
    list_msgids "$tmp/untranslated.po"
  fi
  if [ "$fuzzy" -ne 0 ]; then
    echo "# fuzzy (check the translation, then remove the fuzzy flag):"
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" -o "$tmp/fuzzy.po"
    list_msgids "$tmp/fuzzy.po"
  fi
  echo "# update with: msgmerge --update po/$lang.po <template>  (or ninja -C build mulu-update-po)"
fi

# --- 2: msgfmt --check ----------------------------------------------------
if msgfmt --check -o /dev/null "$po" >"$tmp/check.log" 2>&1 &&
   msgfmt --check -o /dev/null "$tmp/$lang.po" >>"$tmp/check.log" 2>&1; then
  ok "msgfmt --check po/$lang.po"
else
  not_ok "msgfmt --check po/$lang.po"
  sed 's/^/# /' "$tmp/check.log"
fi

# --- 3: the file itself carries every message ----------------------------
# (an entry revived from "#~" by the merge above is not yet in po/zh_CN.po,
#  and the build compiles po/zh_CN.po as it is)
if msgcmp "$po" "$tmp/mulu.pot" >"$tmp/msgcmp.log" 2>&1; then
  ok "po/$lang.po up to date with the template"
else
  not_ok "po/$lang.po up to date with the template"
  msgattrib --no-obsolete --no-wrap "$po" -o "$tmp/current.po"
  list_msgids "$tmp/current.po" | sort -u >"$tmp/defined"
  list_msgids "$tmp/mulu.pot" | sort -u >"$tmp/used"
  comm -23 "$tmp/used" "$tmp/defined" >"$tmp/absent"
  if [ -s "$tmp/absent" ]; then
    sed 's/^#   /# not in the file: /' "$tmp/absent"
  else
    sed 's/^/# /' "$tmp/msgcmp.log"
  fi
  echo "# run: msgmerge --update po/$lang.po <template>  (or ninja -C build mulu-update-po)"
fi

# --- 4: POTFILES.in lists every file with translatable strings ------------
grep -v '^[[:space:]]*#' "$root/po/POTFILES.in" | sed 's/[[:space:]]*$//' | grep -v '^$' \
  | sort >"$tmp/listed"
(
  cd "$root" || exit 1
  for dir in src ui; do
    [ -d "$dir" ] || continue
    find "$dir" -type f \( -name '*.c' -o -name '*.h' \) \
      -exec grep -l -E '(^|[^A-Za-z0-9_])(N|C|NC)?_ *\( *"|g_dngettext *\(' {} + 2>/dev/null
    find "$dir" -type f -name '*.ui' -exec grep -l 'translatable="yes"' {} + 2>/dev/null
  done
  if [ -d data ]; then
    find data -type f \( -name '*.desktop.in*' -o -name '*.metainfo.xml.in*' -o -name '*.appdata.xml.in*' \) -print
  fi
) | sed 's|^\./||' | sort -u >"$tmp/found"
comm -13 "$tmp/listed" "$tmp/found" >"$tmp/unlisted"
: >"$tmp/gone"
while IFS= read -r f; do
  [ -f "$root/$f" ] || echo "$f" >>"$tmp/gone"
done <"$tmp/listed"
if [ ! -s "$tmp/unlisted" ] && [ ! -s "$tmp/gone" ]; then
  ok "po/POTFILES.in lists every file with translatable strings"
else
  not_ok "po/POTFILES.in lists every file with translatable strings"
  sed 's/^/# not listed: /' "$tmp/unlisted"
  sed 's/^/# listed but missing: /' "$tmp/gone"
fi
grep -v '^[[:space:]]*#' "$root/po/POTFILES.in" | grep -v '^[[:space:]]*$' >"$tmp/order"
if ! sort -c "$tmp/order" 2>/dev/null; then
  echo "# note: po/POTFILES.in is not sorted (LC_ALL=C sort)"
fi

# --- 5: no msgid cut short -------------------------------------------------
# xgettext does not expand macros: in _("%" G_GUINT64_FORMAT " items") it sees
# only "%", so the message the program looks up is never in the catalog.
msgattrib --no-obsolete --no-wrap "$tmp/mulu.pot" -o "$tmp/nowrap.pot"
grep -E '^msgid ".*[^%]%"$|^msgid "%"$' "$tmp/nowrap.pot" >"$tmp/cut" || true
if [ ! -s "$tmp/cut" ]; then
  ok "no msgid cut short at a format macro"
else
  not_ok "no msgid cut short at a format macro # TODO src/ uses G_*_FORMAT macros inside _()"
  sed 's/^/#   /' "$tmp/cut"
  echo "#   write %lld / %llu / %zu (with casts) instead of the G_*_FORMAT macros"
fi

exit "$failed"
