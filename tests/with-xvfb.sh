#!/bin/sh
# with-xvfb.sh COMMAND [ARGS…] — runs COMMAND on an X server of its own.
#
# Xvfb picks a free display itself (-displayfd), so tests running side by
# side never race for a display number as `xvfb-run -a` can; a server that
# announces itself but takes no connection is replaced.
set -eu

work=$(mktemp -d)
xvfb=""
# The server is waited for: one still shutting down removes its socket file
# after the next test's server, given the same display, has made its own.
stop_xvfb () {
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
  fi
}
trap 'stop_xvfb; rm -rf "$work"' EXIT INT TERM

start_xvfb () {
  rm -f "$work/display"
  mkfifo "$work/display"
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb=$!
  read -r display <"$work/display" || return 1
  export DISPLAY=":$display"
  if command -v xdotool >/dev/null; then
    xdotool getdisplaygeometry >/dev/null 2>&1
  fi
}

tries=0
until start_xvfb; do
  stop_xvfb
  tries=$((tries + 1))
  if [ "$tries" -ge 3 ]; then
    echo "with-xvfb.sh: no X server could be started:" >&2
    cat "$work/xvfb.log" >&2
    exit 1
  fi
done
unset WAYLAND_DISPLAY
status=0
"$@" || status=$?
exit "$status"
