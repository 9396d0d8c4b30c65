#!/bin/sh
# run-bench.sh — build Mulu and run its benchmarks, printing their figures
#
#   tests/bench/run-bench.sh [-C BUILD_DIR] [-b NAME]… [OPTIONS…]
#
# BUILD_DIR defaults to ./build at the top of the source tree; for figures
# worth comparing use a release build:
#   meson setup build-release --buildtype=release -Dapp=disabled
#   tests/bench/run-bench.sh -C build-release
# -b NAME runs only that benchmark (bench-import, bench-validate,
# bench-export or bench-window; repeat -b for several); without -b all of
# them run. bench-window needs the window (a build without -Dapp=disabled)
# and Xvfb: it runs on an X server of its own through tests/with-xvfb.sh;
# without the window it is skipped unless asked for by name.
# The options after -C and -b go to every benchmark run, e.g.
# --resources 10000 for a quick run (--resources and --items-per-resource are
# common to all; the others, such as --runs, are a benchmark's own, so pass
# them with -b). The files go to a temporary folder (under $TMPDIR, else /tmp) that
# is removed afterwards; it needs about 4 GB at the default size.
#
# The benchmarks report; they do not judge. The exit status is 0 unless a
# benchmark could not run at all.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build"

only=""
while [ $# -gt 0 ]; do
  case $1 in
    -C)
      [ $# -ge 2 ] || { echo "run-bench.sh: -C needs a build directory" >&2; exit 2; }
      build=$2
      shift 2 ;;
    -b)
      [ $# -ge 2 ] || { echo "run-bench.sh: -b needs a benchmark name" >&2; exit 2; }
      case $2 in
        bench-import|bench-validate|bench-export|bench-window) only="$only $2" ;;
        *) echo "run-bench.sh: unknown benchmark $2; use bench-import, bench-validate, bench-export or bench-window" >&2; exit 2 ;;
      esac
      shift 2 ;;
    *) break ;;
  esac
done
# Every benchmark, in this order, unless -b chose; add new ones here.
chosen=$only
only=${only:-" bench-import bench-validate bench-export bench-window"}
case $build in
  /*) ;;
  *) build="$root/$build" ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  echo "run-bench.sh: $build is not a configured build directory; run" >&2
  echo "  meson setup $build --buildtype=release -Dapp=disabled" >&2
  exit 2
fi

ninja -C "$build"

work=$(mktemp -d "${TMPDIR:-/tmp}/mulu-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One benchmark after another, each in its own folder.
run() {
  name=$1
  shift
  exe="$build/tests/bench/$name"
  wrap=""
  if [ "$name" = bench-window ]; then
    if [ ! -x "$exe" ] && [ -z "$chosen" ]; then
      echo
      echo "=== $name: skipped, $build was configured without the window (-Dapp=disabled)"
      return 0
    fi
    # Real widgets, drawn the same way everywhere: an X server of its own,
    # the cairo renderer, settings in memory (the program sets those).
    wrap="$root/tests/with-xvfb.sh env GDK_BACKEND=x11 GSK_RENDERER=${GSK_RENDERER:-cairo}"
  fi
  if [ ! -x "$exe" ]; then
    echo "run-bench.sh: $exe was not built; is subdir('bench') in tests/meson.build?" >&2
    exit 2
  fi
  echo
  echo "=== $name"
  mkdir "$work/$name"
  $wrap "$exe" --workdir "$work/$name" "$@"
  rm -rf "${work:?}/$name"
}

echo "build: $build ($(meson introspect "$build" --buildoptions 2>/dev/null |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="buildtype"))' 2>/dev/null ||
  echo "buildtype unknown"))"
echo "machine: $(nproc 2>/dev/null || echo '?') cores, $(uname -sm)"

for name in $only; do
  run "$name" "$@"
done
