#!/bin/sh
# Mulu's two commands. On a fresh Debian/Ubuntu machine:
#   build-aux/dev.sh run    install what is missing, build, open the sample catalog
#                           (without a display: build the sample catalog and report on it)
#   build-aux/dev.sh test   install what is missing, build, run the whole test suite,
#                           then again under AddressSanitizer and UBSan
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build_packages="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libxlsxwriter-dev gettext"
test_packages="xvfb xauth sqlite3 desktop-file-utils appstream-util python3-openpyxl locales
  dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0 xdotool xclip imagemagick
  libreoffice-calc-nogui"

say () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing () {
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  say "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

configure () { # dir [meson options…]
  dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
  ninja -C "$dir" >/dev/null
}

sample_catalog () {
  mkdir -p build/sample
  catalog=build/sample/natural-resources.mulu
  rm -f "$catalog" "$catalog-wal" "$catalog-shm"
  build/src/cli/mulu-cli import "$catalog" data/samples/natural-resources.jsonl >&2
  echo "$catalog"
}

case "${1:-}" in
  run)
    install_missing $build_packages
    say "Building"
    configure build
    catalog=$(sample_catalog)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      say "Opening $catalog"
      export MULU_LOCALEDIR="$top/build/po"
      # Mulu is run from the build tree, not installed: its settings schema
      # is compiled there.
      export GSETTINGS_SCHEMA_DIR="$top/build/data"
      exec build/src/app/mulu "$catalog"
    fi
    say "No display: the headless main job"
    build/src/cli/mulu-cli info "$catalog"
    say "Validating $catalog"
    # The sample keeps a few deliberate mistakes for the clerk to find, so
    # errors are expected here (exit status 1); only 2 means it could not run.
    status=0
    build/src/cli/mulu-cli validate "$catalog" || status=$?
    [ "$status" -le 1 ] || exit "$status"
    say "Zombie systems"
    build/src/cli/mulu-cli zombies "$catalog"
    # While the sample's deliberate errors remain, only a draft may be written.
    workbook=build/sample/natural-resources.xlsx
    say "Writing the census workbook (draft)"
    build/src/cli/mulu-cli export "$catalog" -o "$workbook" --draft >/dev/null
    say "Census workbook: $top/$workbook"
    ;;
  test)
    install_missing $build_packages $test_packages
    # Chinese-locale checks (translations, the workbook) need the locale.
    if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
      say "Generating the zh_CN.UTF-8 locale"
      if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
      $sudo sh -c "grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen; locale-gen >/dev/null"
    fi
    say "Building"
    configure build
    say "Running the test suite"
    meson test -C build --print-errorlogs --num-processes 2
    if [ "${MULU_SKIP_ASAN:-}" != 1 ]; then
      say "Running the test suite under AddressSanitizer and UBSan"
      configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        LSAN_OPTIONS=suppressions="$top/build-aux/lsan.supp" \
        meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3
    fi
    say "All tests passed"
    ;;
  *)
    echo "usage: build-aux/dev.sh run|test" >&2
    exit 2
    ;;
esac
