#!/usr/bin/python3
# test_workbook_robust.py — the census workbook beyond the sample: LibreOffice
# reads it, long sheets continue without losing a row, 涉密 content never
# leaks, and every failure leaves the previous file as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import json
import os
import random
import re
import shutil
import stat
import subprocess
import sys
import unittest
import zipfile

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wbutil import (SAMPLE, Package, WorkbookTest, all_cells, cell_matches, data_rows,  # noqa: E402
                    expected_rows, is_secret, load_template, local_dates, peek, read_bytes, record_sheets, run_cli,
                    title_lines, validation_for)


def soffice_version(soffice):
    out = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=120).stdout
    m = re.search(r"(\d+)\.(\d+)", out)
    return (int(m[1]), int(m[2])) if m else (0, 0)


def shown(expected):
    """How LibreOffice shows an expected cell in a CSV (“as shown”)."""
    if expected is None:
        return ""
    if hasattr(expected, "isoformat"):
        return expected.isoformat()
    return expected


class TestLibreOffice(WorkbookTest):
    def convert(self, book, outdir, names):
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            self.skipTest("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
        profile = "-env:UserInstallation=file://" + self.path("lo-profile")
        os.makedirs(outdir, exist_ok=True)

        def run(to):
            p = subprocess.run([soffice, profile, "--headless", "--norestore", "--convert-to", to, "--outdir", outdir,
                                book], capture_output=True, text=True, timeout=300)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertNotRegex(p.stdout + p.stderr, r"(?i)\berror\b", "LibreOffice complained")

        stem = os.path.splitext(os.path.basename(book))[0]
        if soffice_version(soffice) < (7, 2):
            # No per-sheet CSV before 7.2: LibreOffice must still read every sheet.
            run("ods")
            with zipfile.ZipFile(os.path.join(outdir, stem + ".ods")) as z:
                content = z.read("content.xml").decode()
            self.assertEqual(re.findall(r'<table:table table:name="([^"]+)"', content), names)
            self.skipTest("LibreOffice < 7.2 cannot write one CSV per sheet; read as ODS only")
        # Token 12 = -1: every sheet to its own file, <stem>-<sheet>.csv; token 8: values as shown.
        run("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        return stem

    def read_csv(self, path):
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.reader(f))

    def test_libreoffice_converts_every_sheet_of_both_templates(self):
        cat = self.import_package(SAMPLE)
        truth = self.export_package(cat)
        zombies = self.zombie_info(cat)
        for template in ("national", "flat"):
            with self.subTest(template=template):
                tpl = load_template(template)
                book = self.export_book(cat, "%s.xlsx" % template, template=template)
                names = openpyxl.load_workbook(book, read_only=True).sheetnames
                outdir = self.path("csv-" + template)
                stem = self.convert(book, outdir, names)
                for name in names:
                    path = os.path.join(outdir, "%s-%s.csv" % (stem, name))
                    self.assertTrue(os.path.exists(path), "no CSV for sheet %s: %s" % (name, os.listdir(outdir)))
                    rows = self.read_csv(path)
                    self.assertTrue(rows, name)
                    self.assertIn("草稿", rows[0][0], name)
                for sheet in record_sheets(tpl):
                    rows = self.read_csv(os.path.join(outdir, "%s-%s.csv" % (stem, sheet["name"])))
                    head = len(sheet["title"])
                    cols = sheet["columns"]
                    self.assertEqual(rows[head][:len(cols)], [c["header"] for c in cols])
                    want = expected_rows(truth, tpl, sheet, zombies)
                    got = rows[head + 1:]
                    self.assertEqual(len(got), len(want), sheet["name"])
                    # The first, the last and a few rows between, every column.
                    picks = sorted({0, len(want) - 1, *random.Random(7).sample(range(len(want)), min(8, len(want)))}) \
                        if want else []
                    for n in picks:
                        for k, c in enumerate(cols):
                            e, g = shown(want[n][k]), got[n][k]
                            if isinstance(e, float):
                                self.assertAlmostEqual(float(g), e, 6, "%s row %d %s" % (sheet["name"], n, c["header"]))
                            else:
                                self.assertEqual(g, e, "%s row %d %s" % (sheet["name"], n, c["header"]))


class TestContinuation(WorkbookTest):
    def test_long_sheets_continue_without_losing_a_row(self):
        cat = self.path("big.mulu")
        run_cli("generate", cat, "--departments", 2, "--systems", 2, "--resources", 20, "--items", 30, "--seed", 5)
        truth = self.export_package(cat)
        self.assertEqual(len(truth.items), 1200)
        zombies = self.zombie_info(cat)
        for template, base in (("national", "信息项"), ("flat", "政务信息资源目录")):
            with self.subTest(template=template):
                tpl = load_template(template)
                sheet = next(s for s in record_sheets(tpl) if s["name"] == base)
                book = self.export_book(cat, "%s.xlsx" % template, template=template,
                                        extra=("--max-rows-per-sheet", "500"))
                wb = openpyxl.load_workbook(book)
                i = wb.sheetnames.index(base)
                want_names = [base] + ["%s (%d)" % (base, n) for n in range(2, 4)]
                self.assertEqual(wb.sheetnames[i:i + 3], want_names)
                self.assertFalse(any(n.startswith(base + " (4") for n in wb.sheetnames), wb.sheetnames)
                head = len(sheet["title"]) + 1
                cols = sheet["columns"]
                rows = []
                for part, name in enumerate(want_names, 1):
                    ws = wb[name]
                    self.assertLessEqual(ws.max_row, 500, name)
                    for r, line in enumerate(title_lines(sheet, truth.departments[0]["name"], "{date}", True, part), 1):
                        self.assertIn(peek(ws, r, 1), {line.replace("{date}", d) for d in local_dates()}, name)
                    self.assertEqual([peek(ws, head, k) for k in range(1, len(cols) + 1)], [c["header"] for c in cols])
                    self.assertEqual(ws.freeze_panes, "A%d" % (head + 1), name)
                    self.assertTrue(ws.auto_filter.ref and ws.auto_filter.ref.startswith("A%d:" % head), name)
                    for k, c in enumerate(cols, 1):
                        if c.get("codes"):
                            self.assertIsNotNone(validation_for(ws, head + 1, k), "%s %s" % (name, c["header"]))
                    rows += data_rows(ws, head + 1, len(cols))
                want = expected_rows(truth, tpl, sheet, zombies)
                self.assertEqual(len(rows), len(want))
                for n, (g, w) in enumerate(zip(rows, want)):
                    bad = [(c["header"], g[k], w[k]) for k, c in enumerate(cols) if not cell_matches(g[k], w[k])]
                    self.assertEqual(bad, [], "row %d of the continued sheet" % n)
                item_col = [c["source"] for c in cols].index("name")
                code_col = [c["source"] for c in cols].index("resource.code")
                seen = [r[item_col] for r in rows]
                self.assertEqual(len(seen), 1200)
                # Every item exactly once: by (resource, name), against the package.
                code_of = {r["id"]: r["code"] for r in truth.resources}
                expect = sorted((code_of[i["resource"]], i["name"]) for i in truth.items)
                if template == "national":
                    got = sorted((r[code_col], r[item_col]) for r in rows)
                    self.assertEqual(got, expect)
                if template == "national":
                    self.assertEqual([r[0] for r in rows], list(range(1, 1201)), "序号 runs on across sheets")


SECRET_FIELDS = ("summary", "share_condition", "format_note", "open_condition", "share_method_reason")


def plant_secrets(pkg, seed):
    """Give every 涉密 resource protected content carrying unique markers."""
    strings, numbers = set(), set()
    out = []
    n = 0
    for rec in pkg.records:
        out.append(rec)
        if rec["kind"] != "resource" or not is_secret(rec):
            continue
        n += 1
        for field in SECRET_FIELDS:
            rec[field] = "机密%s%d-%d" % (field, seed, n)
            strings.add(rec[field])
        system = next(s for s in pkg.systems if s["department"] == rec["department"])
        rec["system"] = system["id"]
        rec["format_category"], rec["format_type"] = "数据库", "达梦"
        if n == 1:
            # A finding whose ordinary message would quote protected fields (R13: format / method).
            rec["share_method_category"], rec["share_method_type"] = "共享平台方式", "文件"
        rec["volume"] = {"records": 987654321 + n, "shared_records": 987654000 + n, "opened_records": 987653000 + n,
                         "storage_gb": 987652000.5 + n}
        numbers.update(v for v in rec["volume"].values())
        for k in range(1, 4):
            item = {"kind": "item", "id": "secret-item-%d-%d-%d" % (seed, n, k), "resource": rec["id"],
                    "name": "机密信息项%d-%d-%d" % (seed, n, k), "data_type": "C", "length": 987600000 + n * 10 + k,
                    "remarks": "机密备注%d-%d-%d" % (seed, n, k)}
            strings.update((item["name"], item["remarks"], item["id"]))
            numbers.add(item["length"])
            out.append(item)
    return Package(lines=[pkg.header] + out), strings, numbers


class TestSecrecy(WorkbookTest):
    def check_no_leak(self, book, strings, numbers):
        wb = openpyxl.load_workbook(book)
        for sheet, value in all_cells(wb):
            if isinstance(value, str):
                hit = [m for m in strings if m in value] + [str(int(x)) for x in numbers if str(int(x)) in value]
                self.assertEqual(hit, [], "%s: %r" % (sheet, value))
            elif isinstance(value, (int, float)):
                self.assertNotIn(value, numbers, sheet)
        # The raw parts too: charts, properties, shared strings, hidden sheets.
        with zipfile.ZipFile(book) as z:
            for part in z.namelist():
                text = z.read(part).decode("utf-8", "replace")
                for m in list(strings) + [str(int(x)) for x in numbers]:
                    self.assertNotIn(m, text, part)
        return wb

    def test_secret_resources_show_nothing_beyond_the_allowed_columns(self):
        for seed in (3, 17, 29, 41, 58):
            with self.subTest(seed=seed):
                gen = self.path("gen-%d.mulu" % seed)
                run_cli("generate", gen, "--departments", 2, "--systems", 3, "--resources", 25, "--items", 4,
                        "--seed", seed, "--secret-share", "0.3")
                planted, strings, numbers = plant_secrets(self.export_package(gen, "gen-%d.jsonl" % seed), seed)
                secret = [r for r in planted.resources if is_secret(r)]
                self.assertGreater(len(secret), 3, "the generator made too few 涉密 resources")
                planted.write(self.path("planted-%d.jsonl" % seed))
                cat = self.import_package(self.path("planted-%d.jsonl" % seed), "planted-%d.mulu" % seed)

                # A package export leaves them out too.
                again = read_bytes(self.export_package(cat, "again-%d.jsonl" % seed).path).decode()
                self.assertEqual([m for m in strings if m in again], [])

                for template in ("national", "flat"):
                    book = self.export_book(cat, "%d-%s.xlsx" % (seed, template), template=template)
                    wb = self.check_no_leak(book, strings, numbers)
                    self.check_secret_rows(wb, planted, template)
                    self.check_issues(wb, planted)

    def check_secret_rows(self, wb, pkg, template):
        tpl = load_template(template)
        for sheet in record_sheets(tpl):
            if sheet["entity"] not in ("resource", "item"):
                continue
            ws = wb[sheet["name"]]
            cols = sheet["columns"]
            head = len(sheet["title"]) + 1
            rows = data_rows(ws, head + 1, len(cols))
            secret_codes = {r["code"] for r in pkg.resources if is_secret(r)}
            src = [c["source"] for c in cols]
            code_col = src.index("code" if sheet["entity"] == "resource" else "resource.code")
            listed = [r for r in rows if r[code_col] in secret_codes]
            if sheet["entity"] == "item" and sheet.get("layout") != "resource-items":
                self.assertEqual(listed, [], "a row of the item sheet belongs to a 涉密 resource")
                continue
            self.assertEqual(len(listed), len(secret_codes), "each 涉密 resource once on %s" % sheet["name"])
            allowed = {"@row", "name", "code", "share_type", "share_basis_type", "share_basis", "open_type",
                       "secrecy", "secret_level", "department.name", "department.uscc"}
            for row in listed:
                for k, s in enumerate(src):
                    s = s[len("resource."):] if s.startswith("resource.") else s
                    if row[k] is not None and not re.sub(r"\[\d\]$", "", s) in allowed | {"classification"}:
                        self.fail("%s: a 涉密 row shows %s = %r" % (sheet["name"], cols[k]["header"], row[k]))

    def check_issues(self, wb, pkg):
        ws = wb["校验问题"]
        secret = {r["id"]: r for r in pkg.resources if is_secret(r)}
        secret_items = {i["id"] for r in secret.values() for i in pkg.items_of[r["id"]]}
        systems = {s["name"] for s in pkg.systems}
        concerning = 0
        for row in ws.iter_rows(min_row=3, values_only=True):
            self.assertNotIn(row[4], secret_items, "a finding on an item of a 涉密 resource")
            if row[4] in secret:
                name = secret[row[4]]["name"]
                self.assertEqual(row[5], name)
                self.assertIn(name, row[7])
                rest = row[7].replace(name, "")
                self.assertFalse([s for s in systems if s in rest], "a 涉密 finding names a system: %r" % row[7])
                for field in ("format_category", "format_type", "share_method_category", "share_method_type"):
                    self.assertNotIn(secret[row[4]].get(field) or "\0", rest, "a 涉密 finding quotes %s" % field)
                concerning += 1
        self.assertGreater(concerning, 0, "no finding on a 涉密 resource to check")

    def test_summary_counts_only_what_the_sheets_show(self):
        """汇总 must not reveal what a 涉密 resource hides: its data items
        (信息项数) or its format."""
        gen = self.path("gen.mulu")
        run_cli("generate", gen, "--departments", 1, "--systems", 3, "--resources", 30, "--items", 4,
                "--seed", 8, "--secret-share", "0.3")
        planted, _, _ = plant_secrets(self.export_package(gen, "gen.jsonl"), 8)
        planted.write(self.path("planted.jsonl"))
        cat = self.import_package(self.path("planted.jsonl"), "planted.mulu")
        wb = openpyxl.load_workbook(self.export_book(cat))
        visible_items = wb["信息项"].max_row - 3
        counts = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=3, max_row=6, values_only=True)}
        problems = []
        if counts["信息项数"] != visible_items:
            problems.append("信息项数 %s counts the items of 涉密 resources (%d shown)" % (counts["信息项数"], visible_items))
        formats = {}
        rows = list(wb["汇总"].iter_rows(values_only=True))
        start = next(i for i, r in enumerate(rows) if r[0] == "信息资源按格式统计")
        for r in rows[start + 2:]:
            if r[0] == "合计":
                break
            formats[r[0]] = r[1]
        for label, count in formats.items():
            value = label.split(" ")[0]
            visible = sum(1 for r in planted.resources if not is_secret(r) and r.get("format_category") == value)
            if value != "（未填写）" and count != visible:
                problems.append("格式 %s: %s counted, %d shown" % (label, count, visible))
        self.assertEqual(problems, [])


    def test_omit_template_leaves_secret_resources_out_entirely(self):
        """secret: omit — a 涉密 resource is “not at all” in the workbook:
        no row, no finding, not counted."""
        tpl = load_template("national")
        tpl["id"], tpl["secret"] = "national-omit", "omit"
        with open(self.path("omit.json"), "w", encoding="utf-8") as f:
            json.dump(tpl, f, ensure_ascii=False)
        pkg = Package(SAMPLE)
        pkg.get("resource", "r47")["share_type"] = "有条件共享"  # a finding on a 涉密 resource
        pkg.write(self.path("sample.jsonl"))
        cat = self.import_package(self.path("sample.jsonl"))
        truth = self.export_package(cat)
        zombies = self.zombie_info(cat)
        wb = openpyxl.load_workbook(self.export_book(cat, template=self.path("omit.json")))
        for sheet in record_sheets(tpl):
            ws = wb[sheet["name"]]
            head = len(sheet["title"]) + 1
            rows = data_rows(ws, head + 1, len(sheet["columns"]))
            want = expected_rows(truth, tpl, sheet, zombies)
            self.assertEqual(len(rows), len(want), sheet["name"])
            for g, w in zip(rows, want):
                self.assertTrue(all(cell_matches(a, b) for a, b in zip(g, w)), "%s: %r != %r" % (sheet["name"], g, w))
        secret = [r for r in truth.resources if is_secret(r)]
        marks = [r["name"] for r in secret] + [r["code"] for r in secret]
        leaks = sorted({"%s: %s" % (sheet, v) for sheet, v in all_cells(wb)
                        if isinstance(v, str) and any(m in v for m in marks)})
        counts = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=3, max_row=6, values_only=True)}
        if counts["信息资源数"] != len(truth.resources) - len(secret):
            leaks.append("汇总 counts %s resources, %d listed" % (counts["信息资源数"], len(truth.resources) - len(secret)))
        self.assertEqual(leaks, [])


class TestFailures(WorkbookTest):
    def setUp(self):
        super().setUp()
        self.cat = self.import_package(SAMPLE)

    def export(self, target, prefix=(), cat=None, env=None):
        return run_cli("export", cat or self.cat, "-o", target, "--draft", ok=False, prefix=prefix, env=env)

    def assertRefused(self, p, target, cause, status=2):
        self.assertEqual(p.returncode, status, p.stdout + p.stderr)
        self.assertIn(os.path.basename(target), p.stderr)
        self.assertRegex(p.stderr, cause)

    def previous(self, target):
        with open(target, "wb") as f:
            f.write(b"PK previous submission \x00\x01\x02")
        return read_bytes(target)

    def test_missing_folder_is_refused(self):
        target = self.path("missing", "book.xlsx")
        p = self.export(target)
        self.assertRefused(p, target, r"does not exist")
        self.assertFalse(os.path.exists(self.path("missing")))
        self.assertNoTempFiles(self.dir)

    def test_read_only_folder_is_refused_and_the_previous_file_kept(self):
        ro = self.path("ro")
        os.mkdir(ro)
        target = os.path.join(ro, "book.xlsx")
        before = self.previous(target)
        prefix = ()
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                self.skipTest("root ignores folder modes and setpriv is not available")
            own = self.path("own")
            os.mkdir(own)
            shutil.copy(self.cat, own)
            for p in [own] + glob.glob(os.path.join(own, "*")):
                os.chown(p, 65534, 65534)
            cat = os.path.join(own, os.path.basename(self.cat))
            prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
        else:
            cat = self.cat
        os.chmod(ro, 0o555)
        self.addCleanup(os.chmod, ro, 0o755)
        p = self.export(target, prefix=prefix, cat=cat)
        self.assertRefused(p, target, r"(?i)permission|read-only")
        self.assertEqual(read_bytes(target), before)
        self.assertNoTempFiles(ro)

    def test_dev_full_is_refused_and_stays_a_device(self):
        p = self.export("/dev/full")
        self.assertEqual(p.returncode, 2, p.stderr)
        link = self.path("full.xlsx")
        os.symlink("/dev/full", link)
        p = self.export(link)
        self.assertRefused(p, link, r"not a regular file")
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/full").st_mode))
        self.assertTrue(os.path.islink(link))
        self.assertNoTempFiles(self.dir)
        self.assertNoTempFiles("/dev")

    def test_disk_full_fails_and_keeps_the_previous_file(self):
        big = self.path("big.mulu")
        run_cli("generate", big, "--departments", 1, "--systems", 5, "--resources", 200, "--items", 20, "--seed", 3)
        target = self.path("book.xlsx")
        run_cli("export", big, "-o", target, "--draft")
        with zipfile.ZipFile(target) as z:
            largest = max(i.file_size for i in z.infolist())
        self.assertGreater(largest, 4 * 200 * 1024, "the sheets must outgrow the limit")
        before = self.previous(target)
        # File size limit of 200 blocks (dash: 512 bytes); SIGXFSZ ignored so writes fail with EFBIG.
        wrapper = ("sh", "-c", 'trap "" XFSZ; ulimit -f 200 && exec "$0" "$@"')
        p = self.export(target, prefix=wrapper, cat=big)
        if p.returncode == 0:
            try:
                openpyxl.load_workbook(target)
                problem = "a readable workbook in spite of the limit"
            except Exception as e:  # noqa: BLE001
                problem = "a corrupt workbook (%s: %s)" % (type(e).__name__, str(e)[:80])
            self.fail("export exited 0 under a file size limit and replaced the previous file with %s" % problem)
        self.assertRefused(p, target, r"(?i)disk|space|full|room|writ")
        self.assertEqual(read_bytes(target), before)
        self.assertNoTempFiles(self.dir)

    def test_target_that_is_a_folder_is_refused(self):
        target = self.path("book.xlsx")
        os.mkdir(target)
        with open(os.path.join(target, "keep"), "w") as f:
            f.write("inside")
        p = self.export(target)
        self.assertRefused(p, target, r"not a regular file")
        self.assertTrue(os.path.isdir(target))
        self.assertEqual(os.listdir(target), ["keep"])
        self.assertNoTempFiles(self.dir)

    def test_failed_exports_keep_the_catalog_usable(self):
        """After a refused export the catalog still opens and exports."""
        self.export(self.path("missing", "x.xlsx"))
        self.export("/dev/full")
        run_cli("export", self.cat, "-o", self.path("ok.xlsx"), "--draft")
        self.assertTrue(zipfile.is_zipfile(self.path("ok.xlsx")))
        self.assertNoTempFiles(self.dir)


if __name__ == "__main__":
    unittest.main(verbosity=2)
