#!/usr/bin/python3
"""A submit → return → fix → approve cycle between two people on one file,
through the accessibility tree (issue #7).

The clerk 张三 has submitted the sample (its deliberate errors fixed). The
reviewer 李四 returns one resource with a comment and approves the rest;
张三 reopens, sees the comment on the resource, fixes it and submits again;
李四 approves it. mulu-cli then checks that every record is approved and
that the hash-chained change log is intact.

usage: test-review-cycle.py MULU-BINARY MULU-CLI ARTIFACTS-DIR
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mulu_e2e import Mulu, log, session_env, wait_for  # noqa: E402

binary, cli, artifacts = sys.argv[1:4]
sample = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "samples",
                      "natural-resources.jsonl")
os.makedirs(artifacts, exist_ok=True)
work = tempfile.mkdtemp(prefix="mulu-e2e-review-")
catalog = os.path.join(work, "natural-resources.mulu")
COMMENT = "摘要过于简单，请写明数据内容、范围和用途"
SUMMARY = "全市人大代表建议和政协委员提案的交办、办理、答复和满意度评价信息，用于跟踪办理进度"


def person(name):
    home = os.path.join(work, name)
    env = session_env(home)
    with open(os.path.join(home, "config", "glib-2.0", "settings", "keyfile"), "a", encoding="utf-8") as keyfile:
        keyfile.write("user-name='%s'\n" % name)
    return env


def cli_json(*args):
    return json.loads(subprocess.run([cli, *args, "--json"], check=True, capture_output=True, text=True).stdout)


# The clerk's submitted sample: its three deliberate errors fixed first.
fixed = os.path.join(work, "fixed.jsonl")
with open(sample, encoding="utf-8") as src, open(fixed, "w", encoding="utf-8") as out:
    for line in src:
        record = json.loads(line)
        if record.get("id") == "r36":
            record["share_condition"] = "仅用于本市生态修复项目审批"
        elif record.get("id") == "r52":
            record["share_basis_type"] = "法律"
            record["share_basis"] = "《中华人民共和国保守国家秘密法》"
        elif record.get("id") == "r6":
            record["open_type"] = "不予开放"
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
subprocess.run([cli, "import", catalog, fixed, "--as", "张三"], check=True)
subprocess.run([cli, "submit", catalog, "--as", "张三"], check=True)

reviewer = Mulu(binary, person("李四"), artifacts)
clerk = Mulu(binary, person("张三"), artifacts)


def review_page(mulu):
    mulu.click_at(mulu.wait_node("list item", "Review"))
    return mulu.page("MuluReviewPage", "tree table", "Records and their review")


def show(mulu, page, entity, state):
    mulu.choose(mulu.wait_node("combo box", "Records to review", root=page), entity)
    mulu.choose(mulu.wait_node("combo box", "Filter by review state", root=page), state)


def row_count(mulu, page):
    return len(mulu.rows(page, "Records and their review"))


def approve_all_shown(mulu, page):
    rows = wait_for("records to approve", lambda: mulu.rows(page, "Records and their review"))
    mulu.click_at(rows[0])
    mulu.keys("ctrl+a")
    mulu.click(mulu.button("Approve", root=page))
    wait_for("the records approved", lambda: row_count(mulu, page) == 0)


def answer(mulu, button):
    """Clicks a response of the dialog in front."""
    mulu.click(mulu.button(button, root=mulu.app))


try:
    # The reviewer returns one resource and approves everything else ------
    reviewer.start(catalog)
    page = review_page(reviewer)
    reviewer.wait_label(page, "Submitted for review")
    show(reviewer, page, "Information resources", "Not reviewed")
    wait_for("the 62 resources to review", lambda: row_count(reviewer, page) == 62)
    rows = reviewer.rows(page, "Records and their review")
    reviewer.click_at(rows[2])
    reviewer.click(reviewer.button("Return with Comment…", root=page))
    comment = reviewer.wait_node("text", "Comment", root=reviewer.app)
    reviewer.set_text(comment, COMMENT)
    reviewer.screenshot("return-with-comment")
    answer(reviewer, "Return")
    wait_for("one resource returned", lambda: row_count(reviewer, page) == 61)
    approve_all_shown(reviewer, page)
    for entity in ("Information systems", "Department"):
        show(reviewer, page, entity, "Not reviewed")
        approve_all_shown(reviewer, page)
    reviewer.screenshot("reviewed")
    reviewer.keys("ctrl+q")
    assert reviewer.wait_exit() == 0

    summary = cli_json("review", catalog)
    assert summary["counts"]["returned"] == 1, summary
    assert summary["counts"]["approved"] == 74, summary
    (returned,) = summary["comments"]
    assert returned["comment"] == COMMENT, returned
    log("returned:", returned)

    # The clerk reopens, reads the comment on the resource, fixes, resubmits
    clerk.start(catalog)
    page = review_page(clerk)
    show(clerk, page, "Information resources", "Returned")
    wait_for("the returned resource", lambda: row_count(clerk, page) == 1)
    clerk.click(clerk.button("Reopen for Editing", root=page))
    answer(clerk, "Reopen")
    clerk.wait_label(page, "Returned for changes")
    clerk.click_at(clerk.rows(page, "Records and their review")[0])
    clerk.click(clerk.button("Open", root=page))
    resources = clerk.page("MuluRecordsPage", "tree table", "Information resources")
    clerk.wait_label(resources, COMMENT)
    clerk.screenshot("comment-on-the-record")
    summary_field = clerk.wait_node("text", root=resources, pred=lambda n: n.name in ("Summary", "Summary *"),
                                    what="the summary field")
    clerk.set_text(summary_field, SUMMARY)
    page = review_page(clerk)   # leaving the field commits it
    clerk.click(clerk.button("Submit for Review", root=page))
    answer(clerk, "Submit")
    clerk.wait_label(page, "Submitted for review")
    clerk.keys("ctrl+q")
    assert clerk.wait_exit() == 0

    # The reviewer approves the fix ------------------------------------------
    reviewer.start(catalog)
    page = review_page(reviewer)
    show(reviewer, page, "Information resources", "Not reviewed")
    wait_for("the fixed resource back for review", lambda: row_count(reviewer, page) == 1)
    approve_all_shown(reviewer, page)
    reviewer.keys("ctrl+q")
    assert reviewer.wait_exit() == 0

    summary = cli_json("review", catalog)
    assert summary["counts"]["approved"] == 75, summary
    assert summary["counts"]["returned"] == 0 and summary["counts"]["submitted"] == 0, summary
    subprocess.run([cli, "verify", catalog], check=True)
    history = cli_json("history", catalog, "--record", returned["id"])
    whos = [(e["who"], e["op"]) for e in history["entries"]]
    log("history of", returned["id"], whos)
    assert whos == [("李四", "review"), ("张三", "update"), ("李四", "review")], whos
    log("PASS: submitted, returned, fixed, resubmitted and approved; the log is intact")
except Exception:
    for mulu in (reviewer, clerk):
        try:
            if mulu.process and mulu.process.poll() is None:
                mulu.screenshot("failure")
        except Exception:
            pass
    raise
finally:
    reviewer.kill()
    clerk.kill()
