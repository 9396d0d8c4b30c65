#!/usr/bin/python3
"""A clerk's whole day with the sample catalog, through the accessibility
tree (issue #6): accept a suggestion, classify three resources at once,
decide a zombie system, fix the findings from the validation list until it
says the catalog can be submitted, and export the national workbook, which
openpyxl then reads back.

usage: test-clerk-day.py MULU-BINARY MULU-CLI ARTIFACTS-DIR
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mulu_e2e import Mulu, log, session_env, states, wait_for, walk  # noqa: E402

binary, cli, artifacts = sys.argv[1:4]
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "samples",
                      "natural-resources.jsonl")
os.makedirs(artifacts, exist_ok=True)
home = tempfile.mkdtemp(prefix="mulu-e2e-day-")
env = session_env(home)
catalog = os.path.join(home, "natural-resources.mulu")
subprocess.run([cli, "import", catalog, source], check=True, env=env)

CONDITION = "仅限公安、民政部门核验身份时使用，不得向第三方提供"

mulu = Mulu(binary, env, artifacts)


def step(number):
    mulu.keys("alt+%d" % number)


def page_of(widget_name, role, name):
    return mulu.page(widget_name, role, name)


def list_rows(root, table_name):
    return mulu.rows(root, table_name)


try:
    mulu.start(catalog)
    wait_for("the sample open", lambda: mulu.frame.name.startswith("厦门市自然资源和规划局"))

    # 4 分类定级: accept Mulu's suggestion, with the clerk's condition ------
    step(4)
    classify = page_of("MuluClassifyPage", "tree table", "Resources to classify")
    mulu.choose(mulu.wait_node("combo box", "Filter by state", root=classify), "With a suggestion")
    wait_for("the resources with a suggestion",
             lambda: 0 < len(list_rows(classify, "Resources to classify")) < 62)
    suggested = list_rows(classify, "Resources to classify")
    n_suggested = len(suggested)
    mulu.click_at(suggested[0])
    condition = mulu.wait_node("text", root=classify, pred=lambda n: n.name.startswith("Sharing condition"),
                               what="the condition to accept")
    mulu.set_text(condition, CONDITION)
    mulu.screenshot("suggestion")
    mulu.click(mulu.button("Accept", root=classify))
    wait_for("the suggestion accepted",
             lambda: len(list_rows(classify, "Resources to classify")) == n_suggested - 1)

    # Three resources closed to the public at once --------------------------
    mulu.choose(mulu.wait_node("combo box", "Filter by state", root=classify), "All resources")
    wait_for("all the resources", lambda: len(list_rows(classify, "Resources to classify")) == 62)
    rows = list_rows(classify, "Resources to classify")
    mulu.click_at(rows[0])
    mulu.click_at(rows[2], modifiers="shift")
    wait_for("three selected", lambda: mulu.find_label(classify, "3 resources selected"))
    mulu.choose(mulu.wait_node("combo box", "Open attribute for the selected resources", root=classify), "不予开放")
    mulu.keys("ctrl+Return")
    mulu.screenshot("bulk-classified")
    log("PASS so far")
except Exception:
    try:
        mulu.screenshot("failure")
    finally:
        raise
finally:
    mulu.kill()
