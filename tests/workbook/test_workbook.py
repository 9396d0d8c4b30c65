#!/usr/bin/python3
# test_workbook.py — what the census workbook holds, cell by cell
#
# Every data cell is compared with the catalog (its own package export) through
# the template's source and render rules; the sheet structure, dropdowns,
# panes, filters, draft marking and the refusal to submit a catalog with errors
# are checked on the sample catalog. Robustness (LibreOffice, continuation
# sheets, secrecy, failures) is in test_workbook_robust.py.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sys
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wbutil import (ENTITY_ZH, EXCEL_MAX_ROW, SAMPLE, SEVERITY_ZH, Package, WorkbookTest, all_cells,  # noqa: E402
                    cell_matches, cli_env, data_rows, dropdown_values, expected_rows, expected_secret_rows,
                    load_template, local_dates, peek, peek_cell, read_bytes, record_sheets, run_cli, title_lines,
                    validation_for)


def fixed_sample(dst, confirm_zombies=True):
    """The sample with its three errors fixed (data/samples/README.md) and,
    optionally, two suspected zombies confirmed by the clerk."""
    pkg = Package(SAMPLE)
    r36, r52, r6 = (pkg.get("resource", i) for i in ("r36", "r52", "r6"))
    r36["share_condition"] = "仅限本市自然资源执法和生态修复监管使用，不得向第三方提供"
    r52["share_basis_type"] = "行政法规"
    r52["share_basis"] = "《中华人民共和国政府信息公开条例》第十五条"
    r6["open_type"] = "不予开放"
    r6.pop("open_condition", None)
    # Lists are joined with 、: give one resource two related codes.
    r7 = pkg.get("resource", "r7")
    r7["related_codes"] = [pkg.get("resource", "r1")["code"], pkg.get("resource", "r2")["code"]]
    if confirm_zombies:
        pkg.get("system", "s10")["zombie_review"] = {"decision": "confirmed", "disposition": "关停下线",
                                                     "planned_date": "2027-03-31", "note": "历史数据迁入部级系统后下线"}
        pkg.get("system", "s12")["zombie_review"] = {"decision": "confirmed", "disposition": "整合",
                                                     "planned_date": "2027-06-30", "note": None}
        pkg.get("system", "s11")["zombie_review"] = {"decision": "rejected", "disposition": None,
                                                     "planned_date": None, "note": "仍用于规划数据查询"}
    pkg.write(dst)
    return dst


class ContentMixin:
    """Checks a workbook against its catalog and template."""

    def check_workbook(self, book, cat, template, draft, zombies=None):
        tpl = load_template(template)
        truth = self.export_package(cat, "truth-%s.jsonl" % os.path.basename(book))
        zombies = zombies or self.zombie_info(cat)
        wb = openpyxl.load_workbook(book)
        department = truth.departments[0]["name"]

        # Sheets: the template's, in its order, plus at most a hidden dictionary at the end.
        names = [s["name"] for s in tpl["sheets"]]
        self.assertEqual(wb.sheetnames[:len(names)], names)
        extra = wb.worksheets[len(names):]
        self.assertLessEqual(len(extra), 1, wb.sheetnames)
        for ws in extra:
            self.assertEqual(ws.sheet_state, "hidden", ws.title)
        for ws in wb.worksheets[:len(names)]:
            self.assertEqual(ws.sheet_state, "visible", ws.title)

        self.assertEqual(wb.properties.title, tpl["title"])
        self.assertEqual(wb.properties.creator, department)

        for sheet in record_sheets(tpl):
            with self.subTest(sheet=sheet["name"]):
                self.check_records_sheet(wb, wb[sheet["name"]], truth, tpl, sheet, department, draft, zombies)

        ws = wb[next(s["name"] for s in tpl["sheets"] if s["kind"] == "instructions")]
        rows = [r[0] for r in ws.iter_rows(values_only=True)]
        self.assertEqual(rows[0], ("【草稿】" if draft else "") + tpl["title"])
        self.assertEqual(rows[1], department)
        self.assertEqual([r for r in rows[2:] if r], tpl["instructions"])
        return wb, truth

    def check_records_sheet(self, wb, ws, truth, tpl, sheet, department, draft, zombies):
        cols = sheet["columns"]
        titles = title_lines(sheet, department, "{date}", draft)
        header_row = len(titles) + 1
        for r, line in enumerate(titles, 1):
            got = peek(ws, r, 1)
            self.assertTrue(any(got == line.replace("{date}", d) for d in local_dates()),
                            "title row %d: %r, expected %r" % (r, got, line))
        self.assertEqual([peek(ws, header_row, k) for k in range(1, len(cols) + 1)],
                         [c["header"] for c in cols])
        self.assertLessEqual(ws.max_column, len(cols))

        expected = expected_rows(truth, tpl, sheet, zombies)
        secret_rows = expected_secret_rows(truth, tpl, sheet)
        actual = data_rows(ws, header_row + 1, len(cols))
        self.assertEqual(len(actual), len(expected), "data rows of %s" % ws.title)
        for n, (got, want) in enumerate(zip(actual, expected)):
            for k, c in enumerate(cols):
                if not cell_matches(got[k], want[k]):
                    self.fail("%s!%s%d (%s): %r, expected %r" % (ws.title, openpyxl.utils.get_column_letter(k + 1),
                                                                header_row + 1 + n, c["header"], got[k], want[k]))
        for k, c in enumerate(cols, 1):
            for r in range(header_row + 1, header_row + 1 + len(expected)):
                cell = peek_cell(ws, r, k)
                if cell is None:
                    continue
                if c.get("render") == "date" and cell.value is not None:
                    self.assertEqual(cell.number_format, "yyyy-mm-dd", c["header"])
                # A cell blanked for a 涉密 resource is not highlighted as missing.
                if secret_rows[r - header_row - 1] and cell.value is None:
                    self.assertIn(cell.fill.fgColor.rgb if cell.fill.patternType else None, (None, "00000000"),
                                  "%s!%s (%s) highlighted" % (ws.title, cell.coordinate, c["header"]))

        # A dropdown on every enumerated (and 是/否) column, from below the header to the last row.
        for k, c in enumerate(cols, 1):
            if c.get("codes") or c.get("render") == "bool":
                letter = openpyxl.utils.get_column_letter(k)
                dv = validation_for(ws, header_row + 1, k)
                self.assertIsNotNone(dv, "no dropdown on %s (%s)" % (c["header"], ws.title))
                self.assertEqual(dv.type, "list")
                self.assertIn("%s%d" % (letter, EXCEL_MAX_ROW), dv.sqref, c["header"])
                self.assertNotIn("%s%d" % (letter, header_row), dv.sqref, c["header"])
                self.assertTrue(dropdown_values(wb, dv), c["header"])
                if c.get("render") == "bool":
                    self.assertEqual(sorted(dropdown_values(wb, dv)), ["否", "是"])
        self.assertEqual(ws.freeze_panes, "A%d" % (header_row + 1))
        last = header_row + max(len(expected), 0)
        self.assertEqual(ws.auto_filter.ref, "A%d:%s%d" % (header_row, openpyxl.utils.get_column_letter(len(cols)), last))


class TestSampleNational(WorkbookTest, ContentMixin):
    def test_every_cell_of_the_national_draft_equals_the_catalog(self):
        cat = self.import_package(SAMPLE)
        book = self.export_book(cat, draft=True)
        wb, truth = self.check_workbook(book, cat, "national", draft=True)
        self.assertEqual(len(wb["信息项"]["A"]) - 3, 661)
        # No confirmed zombie in the sample: the clean-up sheet has no rows.
        self.assertEqual(wb["僵尸系统清理"].max_row, 3)
        # Both 涉密 resources are listed with their allowed columns only (checked cell by cell above).
        names = [r[4] for r in wb["政务信息资源目录"].iter_rows(min_row=4, values_only=True)]
        self.assertIn("城市平面控制网测量成果（涉密）", names)
        self.assertIn("大比例尺地形图测绘成果（涉密）", names)

    def test_issues_sheet_lists_every_finding(self):
        cat = self.import_package(SAMPLE)
        wb = openpyxl.load_workbook(self.export_book(cat))
        found = json.loads(run_cli("validate", cat, "--json", ok=False).stdout)["issues"]
        want = sorted((f["rule"], SEVERITY_ZH[f["severity"]], ENTITY_ZH[f["entity"]], f["id"], f.get("name") or "",
                       f["message"]) for f in found)
        ws = wb["校验问题"]
        rows = list(ws.iter_rows(min_row=3, values_only=True))
        self.assertEqual([r[0] for r in rows], list(range(1, len(rows) + 1)))
        self.assertEqual(sorted((r[1], r[2], r[3], r[4], r[5] or "", r[7]) for r in rows), want)
        self.assertEqual(sum(1 for r in rows if r[2] == "错误"), 3)

    def test_summary_counts_the_catalog(self):
        cat = self.import_package(SAMPLE)
        wb = openpyxl.load_workbook(self.export_book(cat))
        counts = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=3, max_row=6, values_only=True)}
        self.assertEqual(counts, {"部门数": 1, "信息系统数": 12, "信息资源数": 62, "信息项数": 661})


class TestSampleFlat(WorkbookTest, ContentMixin):
    def test_every_cell_of_the_flat_draft_equals_the_catalog(self):
        # The sample plus a resource without data items, which still gets its row.
        pkg = Package(SAMPLE)
        extra = dict(pkg.get("resource", "r61"), id="r63", name="自然资源政策文件汇编信息", code="202001/00063",
                     format_category="电子文件", format_type="pdf")
        pkg.records.append(extra)
        pkg.write(self.path("plus.jsonl"))
        cat = self.import_package(self.path("plus.jsonl"))
        book = self.export_book(cat, template="flat")
        wb, truth = self.check_workbook(book, cat, "flat", draft=True)
        ws = wb["政务信息资源目录"]
        headers = [c["header"] for c in load_template("flat")["sheets"][1]["columns"]]
        first_item_col = headers.index("信息项名称")
        name = headers.index("信息资源名称")
        rows = list(ws.iter_rows(min_row=4, values_only=True))
        # One row per item, plus one for each resource without items (two 涉密, r63).
        self.assertEqual(len(rows), 661 + 3)
        by_name = {r[name]: r for r in rows if r[name]}
        self.assertEqual(len(by_name), 63)
        no_items = (None,) * (len(headers) - first_item_col)
        self.assertEqual(by_name["自然资源政策文件汇编信息"][first_item_col:], no_items)
        for secret in ("城市平面控制网测量成果（涉密）", "大比例尺地形图测绘成果（涉密）"):
            row = dict(zip(headers, by_name[secret]))
            self.assertEqual(row["涉密属性"], "涉密")
            for h in ("信息资源摘要", "格式分类", "格式类型", "共享条件", "共享方式", "更新周期"):
                self.assertIsNone(row[h], "%s of a 涉密 resource" % h)
            self.assertEqual(by_name[secret][first_item_col:], no_items, "item cells of a 涉密 resource")
        # Resource cells only on each resource's first row.
        for r in rows:
            if r[name] is None:
                self.assertEqual(r[:first_item_col], (None,) * first_item_col)
                self.assertIsNotNone(r[first_item_col])


class TestDraftAndSubmission(WorkbookTest, ContentMixin):
    def test_draft_is_marked_on_every_sheet(self):
        cat = self.import_package(SAMPLE)
        for template in ("national", "flat"):
            wb = openpyxl.load_workbook(self.export_book(cat, "%s.xlsx" % template, template=template))
            self.assertEqual(wb.properties.subject, "草稿")
            for ws in wb.worksheets:
                if ws.sheet_state != "visible":
                    continue
                with self.subTest(template=template, sheet=ws.title):
                    header = (ws.oddHeader.left.text or "") + (ws.oddHeader.center.text or "")
                    self.assertIn("草稿", header)
                    self.assertIn("草稿", str(ws.cell(1, 1).value))

    def test_clean_catalog_exports_a_submission_without_draft_marks(self):
        cat = self.import_package(fixed_sample(self.path("fixed.jsonl")))
        errors = json.loads(run_cli("validate", cat, "--json", ok=False).stdout)["counts"]["error"]
        self.assertEqual(errors, 0)
        for template in ("national", "flat"):
            out = self.path("%s.xlsx" % template)
            p = run_cli("export", cat, "-o", out, "--template", template, ok=False)
            self.assertEqual(p.returncode, 0, p.stderr)
            wb = openpyxl.load_workbook(out)
            self.assertNotEqual(wb.properties.subject, "草稿")
            allowed = set(load_template(template)["instructions"])
            for ws in wb.worksheets:
                for part in (ws.oddHeader, ws.evenHeader, ws.firstHeader, ws.oddFooter):
                    for side in (part.left, part.center, part.right):
                        self.assertNotIn("草稿", side.text or "", ws.title)
            for sheet, value in all_cells(wb):
                if isinstance(value, str) and "草稿" in value:
                    self.assertIn(value, allowed, "草稿 in %s: %r" % (sheet, value))
        # The submission is complete: every cell, the confirmed zombies included.
        wb, _ = self.check_workbook(self.path("national.xlsx"), cat, "national", draft=False)
        self.assertEqual(wb.properties.subject, "报送")
        self.assertEqual([r[1] for r in wb["僵尸系统清理"].iter_rows(min_row=4, values_only=True)],
                         ["土地市场动态监测与监管系统", "国土资源执法监察管理系统"])

    def test_catalog_with_errors_is_refused_for_submission(self):
        cat = self.import_package(SAMPLE)
        out = self.path("book.xlsx")
        p = run_cli("export", cat, "-o", out, ok=False)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertRegex(p.stderr, r"3 errors")
        self.assertRegex(p.stderr, r"draft")
        self.assertFalse(os.path.exists(out))
        self.assertNoTempFiles(self.dir)

        with open(out, "wb") as f:
            f.write(b"the previous submission\n")
        before = read_bytes(out)
        for template in ("national", "flat"):
            p = run_cli("export", cat, "-o", out, "--template", template, ok=False)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertEqual(read_bytes(out), before)
        self.assertNoTempFiles(self.dir)


class TestReviewSheet(WorkbookTest):
    def test_a_template_asking_for_the_review_gets_its_decisions_and_comments(self):
        pkg = Package(fixed_sample(self.path("again.jsonl")))
        # r20 is made 涉密: its comment may not leave the catalog.
        # Only what a 涉密 resource may hold here, and no data items.
        r20 = pkg.get("resource", "r20")
        kept = {k: r20[k] for k in ("kind", "id", "department", "name", "code", "classification")}
        kept.update(secrecy="涉密", secret_level="秘密", share_type="不予共享", share_basis_type="法律",
                    share_basis="《中华人民共和国保守国家秘密法》", open_type="不予开放")
        r20.clear()
        r20.update(kept)
        pkg.records = [r for r in pkg.records if not (r["kind"] == "item" and r["resource"] == "r20")]
        pkg.write(self.path("again.jsonl"))
        cat = self.import_package(self.path("again.jsonl"), name="again.mulu")
        run_cli("submit", cat, "--as", "张三")
        run_cli("review", cat, "--as", "李四", "--return", "r3", "--comment", "摘要过于简单，请写明数据内容")
        run_cli("review", cat, "--as", "李四", "--return", "r20", "--comment", "涉密资源的密级依据需补充")
        run_cli("review", cat, "--as", "李四", "--approve", "r1", "r2", "s1")
        tpl = load_template("national")
        tpl["sheets"].append({"name": "审核意见", "kind": "review"})
        with open(self.path("with-review.json"), "w", encoding="utf-8") as f:
            json.dump(tpl, f, ensure_ascii=False)
        out = self.export_book(cat, template=self.path("with-review.json"))
        wb = openpyxl.load_workbook(out)
        ws = wb["审核意见"]
        self.assertEqual([c.value for c in ws[2]],
                         ["序号", "对象类型", "编号", "名称", "审核结论", "审核人", "审核时间", "审核意见", "提交后有改动"])
        rows = {r[2]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[2]}
        self.assertEqual(len(rows), 1 + 12 + 62)
        self.assertEqual(rows["r3"][4:6], ("已退回", "李四"))
        self.assertEqual(rows["r3"][7], "摘要过于简单，请写明数据内容")
        self.assertEqual(rows["r1"][4], "已通过")
        self.assertEqual(rows["s1"][1:5], ("信息系统", "s1", pkg.get("system", "s1")["name"], "已通过"))
        self.assertEqual(rows["r5"][4], "未审核")
        # The 涉密 resource keeps its name, not the comment about it.
        self.assertEqual(rows["r20"][3], pkg.get("resource", "r20")["name"])
        self.assertNotIn("密级依据", " ".join(str(v) for _, v in all_cells(wb)))
        status = [r[1] for r in ws.iter_rows(min_row=3, values_only=True) if r[1] and str(r[1]).startswith("提交人")]
        self.assertEqual(len(status), 1)
        self.assertIn("张三", status[0])
        self.assertIn("已退回 2 条", status[0])


class TestDropdownsAndLanguage(WorkbookTest):
    def test_dropdowns_accept_the_values_written_in_their_columns(self):
        """A cell the writer filled must be a value its own dropdown offers,
        or Excel flags it (and 圈释无效数据 circles the whole column)."""
        cat = self.import_package(SAMPLE)
        for template in ("national", "flat"):
            book = self.export_book(cat, "%s.xlsx" % template, template=template)
            wb = openpyxl.load_workbook(book)
            tpl = load_template(template)
            bad = []
            for sheet in record_sheets(tpl):
                ws = wb[sheet["name"]]
                header_row = len(sheet.get("title") or []) + 1
                for k, c in enumerate(sheet["columns"], 1):
                    if not c.get("codes"):
                        continue
                    allowed = set(dropdown_values(wb, validation_for(ws, header_row + 1, k)) or ())
                    for row in ws.iter_rows(min_row=header_row + 1, min_col=k, max_col=k, values_only=True):
                        if row[0] not in (None, "") and row[0] not in allowed:
                            bad.append("%s/%s/%s: %r not in %s" % (template, ws.title, c["header"], row[0],
                                                                   sorted(allowed)[:6]))
                            break
            self.assertEqual(bad, [])

    def test_zombie_criteria_are_named_in_chinese_whatever_the_locale(self):
        """识别依据 uses the census's own names for the criteria even when the
        clerk's locale is not Chinese; the evidence (具体情况) and the issue
        messages follow the clerk's locale, which is Chinese on the desktops
        Mulu serves — checked here under zh_CN when that locale exists."""
        cat = self.import_package(fixed_sample(self.path("fixed.jsonl")))
        wb = openpyxl.load_workbook(self.export_book(cat, draft=False))
        row = next(r for r in wb["僵尸系统清理"].iter_rows(min_row=4, values_only=True) if r[1] == "土地市场动态监测与监管系统")
        self.assertEqual(row[2], "与业务脱节；资源闲置")

        localedir = os.environ.get("MULU_LOCALEDIR")
        if not localedir or not os.path.isdir(localedir):
            self.skipTest("MULU_LOCALEDIR (the built translations) is not set")
        zh_env = cli_env(LC_ALL="zh_CN.UTF-8", LANGUAGE="zh_CN")
        zh = self.zombie_info(cat, env=zh_env)
        if not re.search(r"[\u4e00-\u9fff]", zh["s10"]["criteria"][0]["reason"]):
            self.skipTest("no zh_CN locale or translation here")
        wb = openpyxl.load_workbook(self.export_book(cat, draft=False, env=zh_env))
        row = next(r for r in wb["僵尸系统清理"].iter_rows(min_row=4, values_only=True) if r[1] == "土地市场动态监测与监管系统")
        self.assertNotRegex(row[3] or "", r"[A-Za-z]{4}", "具体情况 in English under zh_CN")
        for r in wb["校验问题"].iter_rows(min_row=3, values_only=True):
            if r[7]:
                self.assertNotRegex(r[7], r"[A-Za-z]{6}", "问题说明 in English under zh_CN")


if __name__ == "__main__":
    unittest.main(verbosity=2)
