# wbutil.py — shared by the workbook tests: drive mulu-cli, read packages,
# templates and code tables, and compute what every cell of a census
# workbook must hold (docs/template-format.md).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import openpyxl

SOURCE_ROOT = os.environ.get("MULU_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("MULU_CLI", "")
TODAY = "2026-11-22"
SAMPLE = os.path.join(SOURCE_ROOT, "data", "samples", "natural-resources.jsonl")
EXCEL_MAX_ROW = 1048576

SEVERITY_ZH = {"error": "错误", "warning": "警告", "hint": "提示"}
ENTITY_ZH = {"department": "部门", "system": "信息系统", "resource": "信息资源", "item": "信息项"}
DATE_FIELDS = {"approval_date", "go_live_date", "om_contract_end", "last_business_use", "last_login",
               "last_update", "publish_date"}
# What a 涉密 resource may show (domain.md §6, mulu-entity.h SECRET_SAFE).
SECRET_SAFE = {"resource": {"name", "code", "classification", "share_type", "share_basis_type", "share_basis",
                            "open_type", "secrecy", "secret_level", "department"},
               "department": {"name", "uscc"}}
RELATED = ("department", "system", "resource")


def cli_env(**extra):
    env = dict(os.environ)
    env["MULU_TODAY"] = TODAY
    env.setdefault("LC_ALL", "C.UTF-8")
    env.update(extra)
    return env


def run_cli(*args, ok=True, env=None, prefix=(), timeout=540):
    p = subprocess.run([*prefix, CLI, *[str(a) for a in args]], capture_output=True, text=True,
                       env=env or cli_env(), timeout=timeout)
    if ok and p.returncode != 0:
        raise AssertionError("mulu-cli %s exited %d:\n%s%s" % (" ".join(map(str, args)), p.returncode,
                                                                  p.stdout, p.stderr))
    return p


class WorkbookTest(unittest.TestCase):
    """Each test runs in its own temporary directory."""

    maxDiff = 4000

    @classmethod
    def setUpClass(cls):
        if not CLI or not os.access(CLI, os.X_OK):
            raise unittest.SkipTest("MULU_CLI is not set to the mulu-cli binary")

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="mulu-wb-")
        os.chmod(self.dir, 0o755)
        self.addCleanup(shutil.rmtree, self.dir, True)

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def import_package(self, package, name="cat.mulu"):
        cat = self.path(name)
        run_cli("import", cat, package)
        return cat

    def export_package(self, cat, name="truth.jsonl"):
        out = self.path(name)
        run_cli("export", cat, "-o", out)
        return Package(out)

    def export_book(self, cat, name="book.xlsx", template="national", draft=True, extra=(), env=None):
        out = self.path(name)
        args = ["export", cat, "-o", out, "--template", template, *extra]
        if draft:
            args.append("--draft")
        run_cli(*args, env=env)
        return out

    def zombie_info(self, cat, env=None):
        data = json.loads(run_cli("zombies", cat, "--json", env=env).stdout)
        return {s["id"]: s for s in data["systems"]}

    def assertNoTempFiles(self, folder):
        left = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
        self.assertEqual(left, [], "temporary files left in %s" % folder)


# --- packages ---------------------------------------------------------------

class Package:
    """A package read into memory, records in file order (= catalog order)."""

    def __init__(self, path=None, lines=None):
        self.path = path
        if lines is None:
            with open(path, encoding="utf-8") as f:
                lines = [json.loads(line) for line in f if line.strip()]
        # The history ({"kind": "change"} lines) follows the records.
        self.header = lines[0]
        self.records = [r for r in lines[1:] if r["kind"] != "change"]
        self.changes = [r for r in lines[1:] if r["kind"] == "change"]
        self.by_id = {(r["kind"], r["id"]): r for r in self.records}
        self.departments = self.kind("department")
        self.systems = self.kind("system")
        self.resources = self.kind("resource")
        self.items = self.kind("item")
        self.items_of = {r["id"]: [] for r in self.resources}
        for i in self.items:
            self.items_of[i["resource"]].append(i)

    def kind(self, kind):
        return [r for r in self.records if r["kind"] == kind]

    def get(self, kind, rid):
        return self.by_id.get((kind, rid)) if rid is not None else None

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            for r in [self.header] + self.records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


def is_secret(resource):
    return resource is not None and resource.get("secrecy") == "涉密"


# --- templates and code tables ---------------------------------------------

def load_template(name):
    path = name if os.path.sep in name else os.path.join(SOURCE_ROOT, "data", "templates", name + ".json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def record_sheets(tpl):
    return [s for s in tpl["sheets"] if s["kind"] == "records"]


_labels = None


def code_label(table, value):
    """The label of a first-level value, as mulu_codes_lookup() finds it."""
    global _labels
    if _labels is None:
        _labels = {}
        for p in glob.glob(os.path.join(SOURCE_ROOT, "data", "codes", "*.json")):
            with open(p, encoding="utf-8") as f:
                d = json.load(f)
            if "values" in d:
                _labels[d["id"]] = {e["value"]: e.get("label") for e in d["values"]}
    return (_labels.get(table) or {}).get(value)


# --- expected cells ---------------------------------------------------------

def field_value(record, key):
    if record is None:
        return None
    m = re.fullmatch(r"(\w+)\[(\d+)\]", key)
    if m:
        lst = record.get(m[1])
        return lst[int(m[2])] if isinstance(lst, list) and int(m[2]) < len(lst) else None
    if "." in key:
        group, member = key.split(".", 1)
        return (record.get(group) or {}).get(member)
    return record.get(key)


def base_key(key):
    return re.split(r"[\[.]", key)[0]


def render(value, column, key):
    """The cell value the writer must produce, or None for an empty cell."""
    if value is None:
        return None
    how = column.get("render")
    if how is None:
        if isinstance(value, bool):
            how = "bool"
        elif isinstance(value, (int, float)):
            how = "number"
        elif isinstance(value, list):
            how = "list"
        elif base_key(key) in DATE_FIELDS:
            how = "date"
        else:
            how = "text"
    if how == "number" and isinstance(value, (int, float)):
        return float(value)
    if how == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return datetime.date.fromisoformat(value)
    if how == "bool":
        return "是" if value else "否"
    if how == "list" and isinstance(value, list):
        return "、".join(value) or None
    if how in ("label", "code-label") and column.get("codes"):
        label = code_label(column["codes"], value)
        if label and label != value:
            return label if how == "label" else "%s %s" % (value, label)
    return value if isinstance(value, str) else str(value)


CRITERIA_ZH = {
    "disconnected": "与业务脱节",
    "replaceable": "功能可替代",
    "idle": "资源闲置",
    "unmaintained": "运维停止",
    "narrow": "范围小、频度低",
}


def expected_cell(pkg, sheet, column, ctx, zombies):
    """ctx: the records of the row: own, department, system, resource, row."""
    src = column["source"]
    if src == "@row":
        return float(ctx["row"])
    if src.startswith("zombie."):
        z = zombies[ctx["own"]["id"]]
        part = src.split(".", 1)[1]
        review = ctx["own"].get("zombie_review") or {}
        if part == "criteria":
            # Named as 国办发〔2017〕39号 names them, whatever the locale.
            text = "；".join(CRITERIA_ZH[c["criterion"]] for c in z["criteria"])
        elif part == "reasons":
            text = "；".join(c["reason"] for c in z["criteria"])
        elif part == "decision":
            text = {"confirmed": "确认为僵尸系统", "rejected": "排除"}.get(review.get("decision"), "")
        else:
            text = review.get(part)
        if not text:
            return None
        return render(text, {"render": "date"} if part == "planned_date" else {}, part)

    prefix, _, rest = src.partition(".")
    if prefix in RELATED and prefix != sheet["entity"] and rest:
        entity, key, record = prefix, rest, ctx.get(prefix)
    else:
        entity, key, record = sheet["entity"], src, ctx["own"]
    if sheet["entity"] in ("resource", "item") and is_secret(ctx.get("resource")):
        if base_key(key) not in SECRET_SAFE.get(entity, ()):
            return None
    value = field_value(record, key)
    if key in RELATED + ("replaced_by", "parent") and isinstance(value, str):
        ref = pkg.get("system" if key == "replaced_by" else "department" if key == "parent" else key, value)
        value = ref.get("name") if ref else None
    return render(value, column, key)


def expected_rows(pkg, tpl, sheet, zombies=None):
    """Every data row of a records sheet, as lists of expected cell values."""
    cols = sheet["columns"]
    entity = sheet["entity"]
    omit = tpl.get("secret") == "omit"
    rows = []

    def add(ctx, resource_cells=True):
        row = []
        for c in cols:
            item_col = not c["source"].startswith(RELATED) and c["source"] != "@row"
            if not resource_cells and not item_col:
                row.append(None)
            else:
                row.append(expected_cell(pkg, sheet, c, ctx, zombies))
        rows.append(row)

    if entity == "department":
        for n, d in enumerate(pkg.departments, 1):
            add({"own": d, "row": n})
    elif entity == "system":
        systems = pkg.systems
        if sheet.get("filter") == "zombies":
            systems = [s for s in systems if (s.get("zombie_review") or {}).get("decision") == "confirmed"]
        for n, s in enumerate(systems, 1):
            add({"own": s, "department": pkg.get("department", s.get("department")), "row": n})
    elif entity == "resource":
        n = 0
        for r in pkg.resources:
            if omit and is_secret(r):
                continue
            n += 1
            add({"own": r, "resource": r, "department": pkg.get("department", r.get("department")),
                 "system": pkg.get("system", r.get("system")), "row": n})
    elif entity == "item":
        n = 0
        for r in pkg.resources:
            base = {"resource": r, "department": pkg.get("department", r.get("department")),
                    "system": pkg.get("system", r.get("system"))}
            items = [] if is_secret(r) else pkg.items_of[r["id"]]
            if sheet.get("layout") == "resource-items":
                if omit and is_secret(r):
                    continue
                n += 1
                for k, it in enumerate(items or [None]):
                    add(dict(base, own=it, row=n), resource_cells=(k == 0))
            else:
                for it in items:
                    n += 1
                    add(dict(base, own=it, row=n))
    return rows


# --- reading the workbook ---------------------------------------------------

def cell_matches(actual, expected):
    if expected is None:
        return actual is None or actual == ""
    if isinstance(expected, datetime.date):
        return isinstance(actual, datetime.datetime) and actual.date() == expected
    if isinstance(expected, float):
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and \
            abs(actual - expected) <= 1e-9 * max(1.0, abs(expected))
    return actual == expected


def title_lines(sheet, department, date, draft, part=1):
    lines = []
    for t, line in enumerate(sheet.get("title") or []):
        line = line.replace("{department}", department).replace("{date}", date)
        if t == 0 and draft:
            line = "【草稿】" + line
        if t == 0 and part > 1:
            line += "（续 %d）" % (part - 1)
        lines.append(line)
    return lines


def data_rows(ws, first_row, width):
    return [list(r[:width]) for r in ws.iter_rows(min_row=first_row, max_row=max(ws.max_row, first_row - 1),
                                                   values_only=True)]


def all_cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    yield ws.title, v


def dropdown_values(wb, dv):
    """The values a list validation accepts: inline, or a range of a sheet."""
    f = dv.formula1 or ""
    if f.startswith('"'):
        return f.strip('"').split(",")
    m = re.fullmatch(r"=?'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)", f)
    if not m:
        return None
    ws = wb[m[1]]
    return [c.value for row in ws[f"{m[2]}{m[3]}:{m[4]}{m[5]}"] for c in row if c.value is not None]


def validation_for(ws, row, col):
    """The data validation covering a cell, if any."""
    coord = "%s%d" % (openpyxl.utils.get_column_letter(col), row)
    for dv in ws.data_validations.dataValidation:
        if coord in dv.sqref:
            return dv
    return None


def peek(ws, row, col):
    """A cell's value without creating the cell (ws.cell() would)."""
    c = ws._cells.get((row, col))
    return c.value if c is not None else None


def peek_cell(ws, row, col):
    return ws._cells.get((row, col))


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def local_dates():
    return {TODAY, datetime.date.today().isoformat()}


def expected_secret_rows(pkg, tpl, sheet):
    """For each data row of a records sheet: does it belong to a 涉密 resource?"""
    if sheet["entity"] == "resource":
        return [is_secret(r) for r in pkg.resources if not (tpl.get("secret") == "omit" and is_secret(r))]
    if sheet["entity"] == "item" and sheet.get("layout") == "resource-items":
        return [is_secret(r) for r in pkg.resources if not (tpl.get("secret") == "omit" and is_secret(r))
                for _ in (pkg.items_of[r["id"]] if not is_secret(r) else None) or [None]]
    if sheet["entity"] == "item":
        return [False for r in pkg.resources if not is_secret(r) for _ in pkg.items_of[r["id"]]]
    return [False] * len(expected_rows(pkg, tpl, sheet, {s["id"]: {"criteria": []} for s in pkg.systems}))
