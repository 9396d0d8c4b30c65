#!/usr/bin/python3
"""A clerk's first session, through the accessibility tree (issue #5).

New catalog → the department with a wrong, then the right unified social
credit code → two systems → a resource whose data items are pasted from a
block copied out of a spreadsheet → quit → reopen → everything is there.
Screenshots of each step go to the artifacts folder.

usage: test-clerk-entry.py MULU-BINARY MULU-CLI ARTIFACTS-DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mulu_e2e import Mulu, log, session_env, states, text_of, wait_for, walk  # noqa: E402

binary, cli, artifacts = sys.argv[1:4]
os.makedirs(artifacts, exist_ok=True)
home = tempfile.mkdtemp(prefix="mulu-e2e-")
env = session_env(home)
catalog_path = os.path.join(home, "natural-resources.mulu")


DEPARTMENT = "厦门市自然资源和规划局"
WRONG_USCC = "11350200MB0343150A"   # one character off: the check character
RIGHT_USCC = "11350200MB0343150B"
SYSTEMS = ["不动产登记系统", "国土空间规划一张图"]
RESOURCE = "不动产登记簿信息"
ITEMS_TSV = "权利人名称\t字符型\t100\n不动产单元号\t字符型\t28\n登记日期\t日期型\t\n面积\t数值型\t12\n"

mulu = Mulu(binary, env, artifacts)


def field(root, label):
    """A field by its label; entries' names carry the required marker."""
    return mulu.wait_node("text", root=root, pred=lambda n: n.name in (label, label + " *"),
                          what="the field %r" % label)


def step(number):
    mulu.keys("alt+%d" % number)


try:
    # New catalog -----------------------------------------------------------
    mulu.start()
    mulu.keys("ctrl+n")
    wait_for("the file dialog's name field",
                          lambda: next((n for n in walk(mulu.app) if n.getRoleName() == "text"
                                        and n.name == "Name:" and "focused" in states(n)), None))
    mulu.keys("ctrl+a")
    mulu.type(catalog_path)
    mulu.keys("Return")
    wait_for("the new catalog in the title", lambda: mulu.frame.name.endswith(os.path.basename(catalog_path)))
    assert os.path.exists(catalog_path), catalog_path
    mulu.screenshot("new-catalog")

    # The department ----------------------------------------------------------
    # The new catalog puts the cursor in the department's name. Chinese text
    # arrives whole, as an input method commits it; codes are typed key by key.
    dept_page = mulu.page("MuluDepartmentPage", "text", "Full name *")
    name = field(dept_page, "Full name")
    mulu.set_text(name, DEPARTMENT)
    # Arrows walk the fields as Tab does.
    mulu.keys("Down")
    uscc = field(dept_page, "Unified social credit code")
    mulu.type(WRONG_USCC)
    wait_for("the USCC as typed", lambda: text_of(uscc) == WRONG_USCC)
    # The entry names the wrong character and what it should be.
    mulu.wait_label(dept_page, "is “A” but should be “B”")
    mulu.screenshot("wrong-uscc")
    mulu.keys("ctrl+a")
    mulu.type(RIGHT_USCC)
    wait_for("the right USCC accepted", lambda: mulu.find_label(dept_page, "should be") is None)
    mulu.keys("Down")
    mulu.type("350200")
    mulu.keys("Down")
    mulu.set_text(field(dept_page, "Contact person"), "林晓")
    mulu.keys("Down")
    mulu.type("0592-5307001")
    mulu.keys("Down")
    wait_for("the department step complete",
             lambda: mulu.find_in(mulu.frame, "list item", "Department",
                                  pred=lambda n: n.description.startswith("Complete")))
    mulu.screenshot("department")

    # Two systems ---------------------------------------------------------------
    step(2)
    systems_page = mulu.page("MuluRecordsPage", "tree table", "Information systems")
    for number, system in enumerate(SYSTEMS, start=1):
        mulu.keys("ctrl+shift+n")
        wait_for("system %d added" % number,
                 lambda: len(mulu.rows(systems_page, "Information systems")) == number)
        mulu.set_text(field(systems_page, "System name"), system)
        mulu.keys("Down")
        mulu.set_text(field(systems_page, "Function"), "办理%s业务" % system)
        wait_for("%s in the list" % system,
                 lambda: system in mulu.row_texts(systems_page, "Information systems"))
    mulu.screenshot("systems")

    # A resource and its data items -----------------------------------------
    step(3)
    resources_page = mulu.page("MuluRecordsPage", "tree table", "Information resources")
    mulu.keys("ctrl+shift+n")
    wait_for("the resource added", lambda: len(mulu.rows(resources_page, "Information resources")) == 1)
    mulu.set_text(field(resources_page, "Resource name"), RESOURCE)
    mulu.choose(mulu.wait_node("combo box", "Source system", root=resources_page), SYSTEMS[0])
    wait_for("the resource in the list", lambda: RESOURCE in mulu.row_texts(resources_page, "Information resources"))
    # A block copied out of a spreadsheet: name, type, length.
    mulu.set_clipboard(ITEMS_TSV)
    mulu.keys("ctrl+Next", "ctrl+v")
    confirm = wait_for("the rows pasted or a preview offered",
                       lambda: mulu.find_in(mulu.app, "push button", pred=lambda n: n.name.startswith("Paste 4"))
                       or (len(mulu.rows(resources_page, "Data items")) == 4 and "direct"))
    if confirm != "direct":
        mulu.screenshot("paste-preview")
        mulu.click(confirm)
    wait_for("four data items", lambda: len(mulu.rows(resources_page, "Data items")) == 4)
    mulu.screenshot("items-pasted")

    # Quit, reopen: everything is there --------------------------------------
    mulu.keys("ctrl+q")
    assert mulu.wait_exit() == 0, "Mulu did not quit cleanly"
    mulu.start()
    wait_for("the catalog reopened", lambda: mulu.frame.name == "%s — %s" % (DEPARTMENT, os.path.basename(catalog_path)))
    step(2)
    systems_page = mulu.page("MuluRecordsPage", "tree table", "Information systems")
    wait_for("both systems", lambda: all(s in mulu.row_texts(systems_page, "Information systems") for s in SYSTEMS))
    step(3)
    resources_page = mulu.page("MuluRecordsPage", "tree table", "Information resources")
    wait_for("the resource", lambda: RESOURCE in mulu.row_texts(resources_page, "Information resources"))
    mulu.screenshot("reopened")
    mulu.keys("ctrl+q")
    assert mulu.wait_exit() == 0, "Mulu did not quit cleanly"

    # And the file holds exactly what was typed.
    package = os.path.join(home, "check.jsonl")
    subprocess.run([cli, "export", catalog_path, "-o", package], check=True)
    records = [json.loads(line) for line in open(package, encoding="utf-8")]
    by_type = {}
    for record in records:
        by_type.setdefault(record.get("kind"), []).append(record)
    log("package types", {k: len(v) for k, v in by_type.items()})
    dept = by_type["department"][0]
    assert dept["name"] == DEPARTMENT, dept
    assert dept["uscc"] == RIGHT_USCC, dept
    assert sorted(s["name"] for s in by_type["system"]) == sorted(SYSTEMS)
    (resource,) = by_type["resource"]
    assert resource["name"] == RESOURCE, resource
    system_ids = {s["name"]: s["id"] for s in by_type["system"]}
    assert resource["system"] == system_ids[SYSTEMS[0]], resource
    items = [(i["name"], i.get("data_type"), i.get("length")) for i in by_type["item"]]
    log("items", items)
    assert [i[0] for i in items] == ["权利人名称", "不动产单元号", "登记日期", "面积"], items
    assert dept["contact_name"] == "林晓" and dept["contact_phone"] == "0592-5307001", dept
    assert dept["region_code"] == "350200", dept
    functions = sorted(s.get("function") for s in by_type["system"])
    assert functions == sorted("办理%s业务" % s for s in SYSTEMS), functions
    log("PASS: the clerk's entries survived quitting and reopening")
except Exception:
    try:
        mulu.screenshot("failure")
    finally:
        raise
finally:
    mulu.kill()
