#!/usr/bin/python3
"""A clerk's whole day with the sample catalog, through the accessibility
tree (issue #6): accept a suggestion, classify three resources at once,
decide a zombie system, fix the findings from the validation list until it
says the catalog can be submitted, and export the national workbook, which
openpyxl then reads back.

usage: test-clerk-day.py MULU-BINARY MULU-CLI ARTIFACTS-DIR
"""
import json
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
ZOMBIE = "土地市场动态监测与监管系统"          # s10 in the sample
ZOMBIE_NOTE = "业务已改在部级系统填报，两年无人登录"
R36 = "矿山地质环境恢复治理信息"             # R2: conditional sharing without a condition
R36_CONDITION = "仅用于本市矿山生态修复项目审批"
R52 = "土地出让价款缴纳信息"                 # R3: not shared without a basis
R52_BASIS = "《中华人民共和国保守国家秘密法》第九条"
workbook = os.path.join(home, "census.xlsx")

mulu = Mulu(binary, env, artifacts)

# Read back with openpyxl: every text the clerk gave is in the workbook, and
# it is not a draft.
CHECK = r"""
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
texts = set()
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        texts.update(str(v) for v in row if v is not None)
wanted = %r
missing = [w for w in wanted if not any(w in t for t in texts)]
assert not missing, "not in the workbook: %%s" %% missing
assert not any("草稿" in name for name in book.sheetnames), book.sheetnames
print("workbook sheets:", ", ".join(book.sheetnames))
""" % [R36_CONDITION, R52_BASIS, "关停下线", "2027-03-31", ZOMBIE_NOTE]


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

    # 5 僵尸系统识别: confirm a zombie, with disposition and date -----------
    step(5)
    zombies = page_of("MuluZombiesPage", "push button", "Confirm “%s” as a zombie" % ZOMBIE)
    note = mulu.wait_node("text", root=zombies, pred=lambda n: n.name.startswith("Note on “%s”" % ZOMBIE))
    mulu.click_at(note)
    mulu.set_text(note, ZOMBIE_NOTE)
    mulu.keys("Return")
    mulu.click(mulu.wait_node("push button", root=zombies, pred=lambda n: n.name.startswith("Confirm “%s” as a zombie" % ZOMBIE),
                              what="the confirm button"))
    mulu.choose(mulu.wait_node("combo box", root=zombies, pred=lambda n: n.name.startswith("Disposition of “%s”" % ZOMBIE),
                               what="the disposition"), "关停下线")
    date = mulu.wait_node("text", root=zombies, pred=lambda n: n.name.startswith("Planned completion date of “%s”" % ZOMBIE))
    mulu.click_at(date)
    mulu.keys("ctrl+a")
    mulu.type("2027/3/31")
    mulu.keys("Return")
    mulu.screenshot("zombie-confirmed")

    # 6 校验: fix what is left from the list, until it says 可以上报 ------
    def fix_from_list(rule, name):
        step(6)
        validation = page_of("MuluValidationPage", "push button", "Re-validate")
        group = wait_for("the %s group" % rule,
                         lambda: next((n for n in walk(validation) if n.name.startswith(rule + " ·")), None))
        mulu.click_at(group)
        mulu.keys("Return")
        finding = wait_for("the finding on %s" % name,
                           lambda: next((n for n in walk(validation) if n.name.startswith(name + ": ")), None))
        mulu.click_at(finding)
        mulu.keys("Return")
        return mulu.page("MuluRecordsPage", "tree table", "Information resources")

    resources = fix_from_list("R2", R36)
    mulu.set_text(mulu.wait_node("text", root=resources, pred=lambda n: n.name.startswith("Sharing condition"),
                                 what="the sharing condition"), R36_CONDITION)
    resources = fix_from_list("R3", R52)
    mulu.choose(mulu.wait_node("combo box", root=resources, pred=lambda n: n.name.startswith("Basis type for not sharing"),
                               what="the basis type"), "法律")
    mulu.set_text(mulu.wait_node("text", root=resources, pred=lambda n: n.name.startswith("Basis for not sharing"),
                                 what="the basis"), R52_BASIS)
    step(6)
    validation = page_of("MuluValidationPage", "push button", "Re-validate")
    mulu.wait_label(validation, "Ready to submit")
    mulu.screenshot("ready-to-submit")

    # 7 导出上报: the national workbook, for submission ---------------------
    step(7)
    export = page_of("MuluExportPage", "push button", "Export Workbook")
    mulu.click_at(wait_for("the submission choice",
                           lambda: next((n for n in walk(export) if n.name.startswith("For submission")
                                         and n.getRoleName() in ("check box", "radio button")), None)))
    # Export asks where to save the first time.
    mulu.click(mulu.wait_node("push button", root=export, pred=lambda n: n.name.startswith("Export Workbook"),
                              what="the export button"))
    wait_for("the save dialog", lambda: next((n for n in walk(mulu.app) if n.getRoleName() == "text"
                                              and n.name == "Name:" and "focused" in states(n)), None))
    mulu.keys("ctrl+a")
    mulu.type(workbook)
    mulu.keys("Return")
    wait_for("the workbook written", lambda: os.path.exists(workbook), timeout=60)
    mulu.screenshot("exported")
    mulu.keys("ctrl+q")
    assert mulu.wait_exit() == 0

    # The workbook holds the clerk's day ---------------------------------------
    check = subprocess.run(["/usr/bin/python3", "-c", CHECK, workbook], capture_output=True, text=True)
    log(check.stdout.strip())
    assert check.returncode == 0, check.stderr

    # And the catalog holds what the workbook cannot show.
    package = os.path.join(home, "after.jsonl")
    subprocess.run([cli, "export", catalog, "-o", package], check=True, env=env)
    records = {r.get("id"): r for r in map(json.loads, open(package, encoding="utf-8"))}
    # The suggestion, accepted on a resource already 不予共享: closed to the public.
    assert records["r6"]["open_type"] == "不予开放", records["r6"]
    for uid in ("r1", "r2", "r3"):
        assert records[uid]["open_type"] == "不予开放", records[uid]
    review = records["s10"]["zombie_review"]
    assert review["decision"] == "confirmed" and review["disposition"] == "关停下线", review
    assert review["planned_date"] == "2027-03-31" and review["note"] == ZOMBIE_NOTE, review
    log("PASS: from the sample to a submitted workbook in the window")
except Exception:
    try:
        mulu.screenshot("failure")
    finally:
        raise
finally:
    mulu.kill()
