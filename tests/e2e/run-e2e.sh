#!/bin/sh
# run-e2e.sh TEST [ARGS…] — runs an end-to-end test on an X server and a
# D-Bus session of its own, with the accessibility bus the test reads the
# window through. The window is read in English: accessible names are the
# msgids (the Chinese strings are checked by the translation test).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export LANGUAGE=en LC_ALL=C.UTF-8 GTK_A11Y=atspi
unset NO_AT_BRIDGE
exec "$here/../with-xvfb.sh" dbus-run-session -- /usr/bin/python3 "$@"
