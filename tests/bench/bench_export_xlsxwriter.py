#!/usr/bin/python3
# bench_export_xlsxwriter.py — the XlsxWriter side of bench-export
#
#   bench_export_xlsxwriter.py CATALOG OUTPUT.xlsx [TMPDIR]
#
# Writes the same cells as bench-export's bare libxlsxwriter loop (the
# queries below are the same as bare_sheets[] in bench-export.c; keep the
# two alike), from the same catalog, with Python's XlsxWriter in
# constant_memory mode, continuing on a new sheet past Excel's 1,048,576 rows.
# Prints "result KEY=VALUE" lines for bench-export: seconds (the whole write,
# closing included), close_seconds, rows, cells, file_bytes, hwm_kib.
# Exits 3 when the xlsxwriter module is missing (Debian: python3-xlsxwriter).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time

try:
    import xlsxwriter
except ImportError:
    print("bench_export_xlsxwriter.py: no xlsxwriter module (apt-get install python3-xlsxwriter)", file=sys.stderr)
    sys.exit(3)

EXCEL_MAX_ROWS = 1048576

SHEETS = [
    ("部门信息",
     "SELECT name, uscc, region_code, contact_name, contact_phone FROM departments ORDER BY id"),
    ("政务信息系统",
     "SELECT s.name, s.function, s.usage_scope, s.usage_frequency, s.approval_department, s.approval_date,"
     " s.funding_source, s.builder, s.contractor, s.maintainer, s.go_live_date, s.om_contract_end,"
     " s.construction_cost, s.annual_om_cost, s.construction_mode, s.om_mode, s.layer, s.status, s.network,"
     " s.hosting, s.protection_level, s.secrecy, s.user_count, s.user_group,"
     " CASE s.sharing_platform_connected WHEN 1 THEN '是' WHEN 0 THEN '否' END,"
     " CASE s.supports_current_duties WHEN 1 THEN '是' WHEN 0 THEN '否' END,"
     " s.last_business_use, s.last_login, s.utilization_percent, s.last_update, s.remarks"
     " FROM systems s ORDER BY s.id"),
    ("政务信息资源目录",
     "SELECT r.class_1, r.class_2, r.class_3, r.name, r.code, d.name, d.uscc, s.name, r.summary,"
     " r.format_category, r.format_type, r.format_note, r.share_type, r.share_condition, r.share_basis_type,"
     " r.share_basis, r.share_method_category, r.share_method_type, r.share_method_reason, r.open_type,"
     " r.open_condition, r.update_cycle, r.publish_date,"
     " (SELECT group_concat(j.value, '、') FROM json_each(r.related_codes) j),"
     " r.secrecy, r.secret_level, r.volume_records, r.volume_storage_gb, r.volume_structured_gb,"
     " r.volume_unstructured_gb, r.volume_shared_records, r.volume_opened_records"
     " FROM resources r LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN systems s ON s.id = r.system_id"
     " ORDER BY r.id"),
    ("信息项",
     "SELECT r.code, r.name, i.name,"
     " CASE WHEN c.label IS NULL OR c.label = i.data_type THEN i.data_type ELSE i.data_type || ' ' || c.label END,"
     " i.length, i.share_type, i.open_type, i.remarks"
     " FROM resources r JOIN items i ON i.resource_id = r.id"
     " LEFT JOIN codes c ON c.table_id = 'data_type' AND c.path = i.data_type"
     " ORDER BY r.id, i.id"),
    ("校验问题",
     "SELECT f.rule, CASE f.severity WHEN 0 THEN '错误' WHEN 1 THEN '警告' ELSE '提示' END,"
     " CASE f.entity WHEN 'department' THEN '部门' WHEN 'system' THEN '信息系统' WHEN 'resource' THEN '信息资源' ELSE '信息项' END,"
     " CASE f.entity WHEN 'department' THEN (SELECT uid FROM departments WHERE id = f.record_id)"
     "  WHEN 'system' THEN (SELECT uid FROM systems WHERE id = f.record_id)"
     "  WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = f.record_id)"
     "  ELSE (SELECT uid FROM items WHERE id = f.record_id) END,"
     " CASE f.entity WHEN 'department' THEN (SELECT name FROM departments WHERE id = f.record_id)"
     "  WHEN 'system' THEN (SELECT name FROM systems WHERE id = f.record_id)"
     "  WHEN 'resource' THEN (SELECT name FROM resources WHERE id = f.record_id)"
     "  ELSE (SELECT name FROM items WHERE id = f.record_id) END,"
     " f.field, f.message"
     " FROM findings f ORDER BY f.severity, f.rule, f.entity, f.record_id, f.id"),
]


def peak_rss_kib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def add_sheet(wb, name, part, columns):
    ws = wb.add_worksheet(name if part == 1 else "%s (%d)" % (name, part))
    ws.write_string(0, 0, "序号")
    for c, title in enumerate(columns):
        ws.write_string(0, c + 1, title)
    return ws


def check(ret, sheet):
    # XlsxWriter returns -1 (row/column out of range) or -2 (string too long).
    if ret:
        raise RuntimeError("sheet %s: write returned %d" % (sheet, ret))


def main():
    if len(sys.argv) < 3:
        print("usage: bench_export_xlsxwriter.py CATALOG OUTPUT.xlsx [TMPDIR]", file=sys.stderr)
        return 2
    catalog, output = sys.argv[1], sys.argv[2]
    tmpdir = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(os.path.abspath(output))
    if os.path.exists(output):
        os.unlink(output)

    db = sqlite3.connect("file:%s?mode=ro" % catalog, uri=True)
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -32768")

    start = time.monotonic()
    wb = xlsxwriter.Workbook(output, {"constant_memory": True, "tmpdir": tmpdir,
                                      "use_zip64": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    rows = cells = 0
    for name, sql in SHEETS:
        cur = db.execute(sql)
        columns = [d[0] for d in cur.description]
        part = 1
        ws = add_sheet(wb, name, part, columns)
        write_string, write_number = ws.write_string, ws.write_number
        row = 1
        number = 0
        for values in cur:
            if row >= EXCEL_MAX_ROWS:
                part += 1
                ws = add_sheet(wb, name, part, columns)
                write_string, write_number = ws.write_string, ws.write_number
                row = 1
            number += 1
            check(write_number(row, 0, number), name)
            cells += 1
            col = 1
            for v in values:
                if v is not None:
                    if isinstance(v, str):
                        check(write_string(row, col, v), name)
                    else:
                        check(write_number(row, col, v), name)
                    cells += 1
                col += 1
            row += 1
            rows += 1
    close_start = time.monotonic()
    wb.close()
    end = time.monotonic()
    db.close()

    print("result seconds=%.6f" % (end - start))
    print("result close_seconds=%.6f" % (end - close_start))
    print("result rows=%d" % rows)
    print("result cells=%d" % cells)
    print("result file_bytes=%d" % os.path.getsize(output))
    print("result hwm_kib=%d" % peak_rss_kib())
    return 0


if __name__ == "__main__":
    sys.exit(main())
