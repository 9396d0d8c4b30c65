"""Drive the real Mulu window through the accessibility tree, as a clerk would.

Run under Xvfb and a private D-Bus session (see run-e2e.sh): AT-SPI finds
widgets by role and accessible name, xdotool types and presses keys as a
keyboard would, ImageMagick's import takes screenshots.
"""
import os
import subprocess
import sys
import time

import pyatspi

TIMEOUT = float(os.environ.get("MULU_E2E_TIMEOUT", "20"))


class Failure(Exception):
    pass


def session_env(home):
    """An environment of its own for Mulu under HOME: data, settings (kept
    in a file, so they outlive a quit) and a window as tall as the screen,
    so that what the test reaches by pointer is on screen."""
    settings_dir = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings_dir, exist_ok=True)
    with open(os.path.join(settings_dir, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write("[io/github/mulu/Mulu]\nwindow-width=1260\nwindow-height=1000\n")
    return dict(os.environ,
                XDG_DATA_HOME=os.path.join(home, "data"),
                XDG_CONFIG_HOME=os.path.join(home, "config"),
                XDG_CACHE_HOME=os.path.join(home, "cache"),
                GSETTINGS_BACKEND="keyfile",
                GTK_A11Y="atspi")


def log(*args):
    print("#", *args, flush=True)


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls predicate until it returns something true; fails naming what."""
    end = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us while we look
            last_error = error
        time.sleep(0.1)
    raise Failure("timed out waiting for %s%s" % (what, " (%s)" % last_error if last_error else ""))


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def states(node):
    return {pyatspi.stateToString(s) for s in node.getState().getStates()}


class Mulu:
    """One running instance of the app and the artifacts it leaves."""

    shots = 0   # shared, so two people's screenshots number in one sequence

    def __init__(self, binary, env, artifacts):
        self.binary = binary
        self.env = env
        self.artifacts = artifacts
        self.process = None

    def start(self, *args):
        log("starting", self.binary, *args)
        self.process = subprocess.Popen([self.binary, *args], env=self.env)
        self.launches = 1

        def find_app():
            # Now and then, right after other tests, Mulu's first connection
            # to the new X server fails ("cannot open display") although
            # the server answers; the cause is not found. A window that
            # never came up is launched again, twice at most.
            if self.process.poll() is not None and self.launches < 3:
                log("Mulu exited with status %d before its window appeared; starting it again"
                    % self.process.returncode)
                self.process = subprocess.Popen([self.binary, *args], env=self.env)
                self.launches += 1
            return self._find_app()
        self.app = wait_for("the Mulu window on the accessibility bus", find_app)
        self.frame = wait_for("the main window", lambda: self.find_in(self.app, "frame"))
        return self

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == "mulu" and app.childCount > 0:
                return app
        return None

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Failure("Mulu did not quit")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    # Finding widgets ---------------------------------------------------------

    def find_in(self, root, role, name=None, pred=None):
        for node in walk(root):
            if node.getRoleName() == role and (name is None or node.name == name) and (pred is None or pred(node)):
                return node
        return None

    def find_all(self, root, role, name=None):
        return [n for n in walk(root) if n.getRoleName() == role and (name is None or n.name == name)]

    def wait_node(self, role, name=None, root=None, pred=None, what=None):
        return wait_for(what or "%s %r" % (role, name),
                        lambda: self.find_in(root or self.frame, role, name, pred))

    def button(self, label, root=None):
        """A push button by its label. GTK 4.8 names a button whose label has
        a mnemonic "_Label", or "_Label Label"; the mnemonic marks are ignored."""
        def matches(n):
            name = n.name.replace("_", "")
            return name == label or name.endswith(" " + label)
        return self.wait_node("push button", root=root, pred=matches, what="the button %r" % label)

    def find_label(self, root, fragment):
        """A shown label containing fragment (hidden ones stay in the tree)."""
        for node in walk(root):
            if node.getRoleName() == "label" and fragment in node.name and "visible" in states(node):
                return node
        return None

    def wait_label(self, root, fragment):
        return wait_for("a message with %r" % fragment, lambda: self.find_label(root, fragment))

    def rows(self, root, table_name):
        """The data rows of a column view (the header row has no cells)."""
        table = self.find_in(root, "tree table", table_name) or self.find_in(root, "table", table_name)
        if table is None:
            return []
        listview = self.find_in(table, "list")
        if listview is None:
            return []
        return [listview.getChildAtIndex(i) for i in range(listview.childCount)]

    def row_texts(self, root, table_name):
        texts = []
        for row in self.rows(root, table_name):
            for node in walk(row):
                if node.getRoleName() in ("label", "text") and node.name:
                    texts.append(node.name)
                try:
                    texts.append(text_of(node))
                except NotImplementedError:
                    pass
        return texts

    def page(self, widget_name, marker_role, marker_name):
        """The page (a stack child) holding a given widget: GTK 4.8 exposes
        hidden stack pages too, so searches are scoped to the right page."""
        # GTK 4.8 appends a labelled widget's own text to the name it was
        # given: "Confirm “X” as a zombie Confirm as Zombie".
        def marker(n):
            return n.name == marker_name or n.name.startswith(marker_name + " ")

        def look():
            for node in walk(self.frame):
                if node.name == widget_name and self.find_in(node, marker_role, pred=marker):
                    return node
            return None
        return wait_for("the page with %s %r" % (marker_role, marker_name), look)

    def focused(self):
        found = None
        for node in walk(self.app):
            if "focused" in states(node):
                found = node  # the innermost focused widget comes last
        return found

    # Acting ------------------------------------------------------------------

    def click(self, node):
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press"):
                action.doAction(i)
                return
        raise Failure("%s %r cannot be clicked" % (node.getRoleName(), node.name))

    def set_text(self, node, text):
        node.queryEditableText().setTextContents(text)

    def click_at(self, node, modifiers=None):
        """A mouse click in the middle of a widget of the main window, with
        modifier keys held if given ("shift", "ctrl"). GTK reports positions
        in window coordinates; with no window manager under Xvfb the window
        sits at the screen's origin, so they agree."""
        x, y, width, height = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        command = ["xdotool", "mousemove", str(x + width // 2), str(y + height // 2)]
        if modifiers:
            command += ["keydown", modifiers, "click", "1", "keyup", modifiers]
        else:
            command += ["click", "1"]
        subprocess.run(command, check=True, env=self.env)
        time.sleep(0.3)

    def choose(self, combo, label):
        """Opens a dropdown with the mouse and picks the entry shown as label
        with the arrow keys. (What was chosen is checked in the saved file:
        GTK 4.8 keeps the closed list in the tree, so labels can't tell.)"""
        def entry():
            for listview in self.find_all(combo, "list"):
                for i in range(listview.childCount):
                    if self.find_in(listview.getChildAtIndex(i), "label", label):
                        return listview, i
            return None

        # A click while another popup is still closing can go unheard: the
        # list only fills once its popup shows, so click again if it stays empty.
        for attempt in range(3):
            self.click_at(combo)
            try:
                listview, index = wait_for("%r in the %r dropdown" % (label, combo.name), entry, timeout=4)
                break
            except Failure:
                if attempt == 2:
                    raise
                self.keys("Escape")
        # The open list has the keyboard, on the current choice.
        self.keys("Home", *(["Down"] * index), "Return")
        time.sleep(0.3)

    def set_clipboard(self, text):
        # xclip keeps serving the selection until another owner takes it.
        subprocess.Popen(["xclip", "-selection", "clipboard", "-i"], stdin=subprocess.PIPE,
                         env=self.env).communicate(text.encode("utf-8"))

    def keys(self, *combos):
        for combo in combos:
            subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=True, env=self.env)
            time.sleep(0.15)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True, env=self.env)
        time.sleep(0.2)

    def screenshot(self, name):
        Mulu.shots += 1
        path = os.path.join(self.artifacts, "%02d-%s.png" % (Mulu.shots, name))
        subprocess.run(["import", "-window", "root", path], check=True, env=self.env)
        log("screenshot", path)
        return path
