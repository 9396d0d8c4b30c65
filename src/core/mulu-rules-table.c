/* mulu-rules-table.c — every rule of domain.md §3, as data
 *
 * Besides R1–R19 and S1–S7 there are a few rules the domain implies but does
 * not number: C1 (a value outside its code table), C2 (a required field left
 * empty), Z1 (a suspected zombie system awaiting the clerk's decision) and
 * SG1 (a classification suggestion from sensitive data items).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-rules-private.h"

#define E MULU_SEVERITY_ERROR
#define W MULU_SEVERITY_WARNING
#define H MULU_SEVERITY_HINT

#define NOT_SECRET "coalesce(r.secrecy, '') <> '涉密'"
#define IN_TABLE(expr, table) expr " IN (SELECT value FROM codes WHERE table_id = '" table "')"
/* Blank includes the ideographic space clerks type with a Chinese IME. A
 * blank text starts with a control character or a space (below '!') or
 * with U+3000 (from '　' up to '、', U+3001), so one comparison settles
 * most filled-in text (Chinese, above U+3001) before trim() is called, on
 * every row of a full run. */
#define WHITESPACE "char(32, 9, 10, 13, 12288)"
#define BLANK(expr) \
  "(" expr " IS NULL OR (" expr " < '、' AND (" expr " < '!' OR " expr " >= '　')" \
  " AND trim(" expr ", " WHITESPACE ") = ''))"

/* Resource rules share their candidate set. */
#define RESOURCE_RULE(id, sev, field, msg, where, detail) \
  { id, sev, MULU_ENTITY_RESOURCE, field, msg, "resources r", "r.id", "r.name", where, detail, NULL, NULL, NULL, NULL }
#define RESOURCE_RULE_PREFILTER(id, sev, field, msg, where, detail, prefilter) \
  { id, sev, MULU_ENTITY_RESOURCE, field, msg, "resources r", "r.id", "r.name", where, detail, NULL, NULL, NULL, NULL, prefilter }
#define SYSTEM_RULE(id, sev, field, msg, where, detail) \
  { id, sev, MULU_ENTITY_SYSTEM, field, msg, "systems s", "s.id", "s.name", where, detail, NULL, NULL, NULL, NULL }
#define DEPARTMENT_RULE(id, sev, field, msg, where, detail) \
  { id, sev, MULU_ENTITY_DEPARTMENT, field, msg, "departments d", "d.id", "d.name", where, detail, NULL, NULL, NULL, NULL }
#define ITEM_RULE(id, sev, field, msg, from, where) \
  { id, sev, MULU_ENTITY_ITEM, field, msg, from, "i.id", "i.name", where, \
    "(SELECT name FROM resources WHERE id = i.resource_id)", NULL, "i.resource_id", NULL, NULL }

/* Code-table membership of one column. */
#define RESOURCE_CODE(field, table) \
  RESOURCE_RULE ("C1", E, field, N_("Resource “%s”: “%s” is not one of the listed values; choose one from the list."), \
                 "r." field " IS NOT NULL AND NOT " IN_TABLE ("r." field, table), "r." field)
#define SYSTEM_CODE(field, table, sev) \
  SYSTEM_RULE ("C1", sev, field, N_("System “%s”: “%s” is not one of the listed values; choose one from the list."), \
               "s." field " IS NOT NULL AND NOT " IN_TABLE ("s." field, table), "s." field)
#define ITEM_CODE(field, table) \
  ITEM_RULE ("C1", E, field, N_("Data item “%s” of “%s”: its value is not one of the listed values; choose one from the list."), \
             "items i", "i." field " IS NOT NULL AND NOT " IN_TABLE ("i." field, table))

#define SYSTEM_CENSUS(field) \
  SYSTEM_RULE ("S1", E, field, N_("System “%s” lacks “%s”, which the census requires; fill it in."), BLANK ("s." field), ":label")
#define RESOURCE_REQUIRED(field) \
  RESOURCE_RULE ("C2", E, field, N_("Resource “%s” has no “%s”; fill it in."), NOT_SECRET " AND " BLANK ("r." field), ":label")
#define DEPARTMENT_REQUIRED(field) \
  DEPARTMENT_RULE ("C2", E, field, N_("Department “%s” has no “%s”; fill it in, the census asks for it."), BLANK ("d." field), ":label")

/* Columns a 涉密 resource may not hold (domain.md §6). */
#define SECRET_EXTRA \
  "r.system_id IS NOT NULL OR r.summary IS NOT NULL OR r.format_category IS NOT NULL OR r.format_type IS NOT NULL" \
  " OR r.format_note IS NOT NULL OR r.share_condition IS NOT NULL OR r.share_method_category IS NOT NULL" \
  " OR r.share_method_type IS NOT NULL OR r.share_method_reason IS NOT NULL OR r.open_condition IS NOT NULL" \
  " OR r.update_cycle IS NOT NULL OR r.publish_date IS NOT NULL OR r.related_codes IS NOT NULL" \
  " OR r.volume_records IS NOT NULL OR r.volume_storage_gb IS NOT NULL OR r.volume_structured_gb IS NOT NULL" \
  " OR r.volume_unstructured_gb IS NOT NULL OR r.volume_shared_records IS NOT NULL OR r.volume_opened_records IS NOT NULL" \
  " OR r.extra IS NOT NULL"

/* mulu_resource_code_is_well_formed(). */
#define CODE_WELL_FORMED "mulu_code_is_well_formed (r.code)"

const MuluRule mulu_rules[] = {
  /* — Sharing ———————————————————————————————————————————————— */
  RESOURCE_RULE ("R1", E, "share_type",
                 N_("Resource “%s” has no valid sharing type; choose 无条件共享, 有条件共享 or 不予共享."),
                 "r.share_type IS NULL OR NOT " IN_TABLE ("r.share_type", "share_type"), NULL),
  RESOURCE_RULE ("R2", E, "share_condition",
                 N_("Resource “%s” is shared with conditions but states none; write the condition and what the data may be used for."),
                 NOT_SECRET " AND r.share_type = '有条件共享' AND " BLANK ("r.share_condition"), NULL),
  RESOURCE_RULE ("R3", E, "share_basis",
                 N_("Resource “%s” is not shared but cites no basis; choose the kind of basis (law, administrative regulation or central policy) and cite it."),
                 NOT_SECRET " AND r.share_type = '不予共享' AND (" BLANK ("r.share_basis")
                 " OR r.share_basis_type IS NULL OR NOT " IN_TABLE ("r.share_basis_type", "share_basis_type") ")", NULL),
  RESOURCE_RULE ("R4", W, "share_condition",
                 N_("Resource “%s” is shared unconditionally but has a condition (“%s”); remove it, or share with conditions."),
                 "r.share_type = '无条件共享' AND trim(coalesce(r.share_condition, ''), " WHITESPACE ") NOT IN ('', '无条件')", "r.share_condition"),
  RESOURCE_RULE ("R5", W, "share_type",
                 N_("Resource “%s” is basic information (class 1), which is normally shared unconditionally; check its sharing type."),
                 NOT_SECRET " AND r.class_1 = '1' AND r.share_type IN ('有条件共享', '不予共享')", NULL),
  RESOURCE_RULE ("R6", W, "share_method_reason",
                 N_("Resource “%s” is shared by mail or media; the sharing platform is the norm, so give the reason."),
                 "r.share_method_category = '邮件或介质' AND " BLANK ("r.share_method_reason"), NULL),
  RESOURCE_RULE ("R7", E, "open_type",
                 N_("Resource “%s” is not shared, so it cannot be opened to the public; set it to 不予开放."),
                 "r.share_type = '不予共享' AND r.open_type IN ('无条件开放', '有条件开放')", NULL),
  RESOURCE_RULE ("R8", E, "open_condition",
                 N_("Resource “%s” is opened with conditions but states none; write the open condition."),
                 "r.open_type = '有条件开放' AND " BLANK ("r.open_condition"), NULL),
  RESOURCE_RULE ("R9", E, "open_type",
                 N_("Resource “%s” is opened unconditionally but not shared unconditionally; open it with conditions or share it unconditionally."),
                 "r.open_type = '无条件开放' AND coalesce(r.share_type, '') <> '无条件共享'", NULL),

  /* — Secrecy ——————————————————————————————————————————————— */
  RESOURCE_RULE ("R10", E, "share_type",
                 N_("Resource “%s” is classified (涉密); it must be 不予共享."),
                 "r.secrecy = '涉密' AND coalesce(r.share_type, '') <> '不予共享'", NULL),
  RESOURCE_RULE ("R10", E, "open_type",
                 N_("Resource “%s” is classified (涉密); it must never be opened to the public."),
                 "r.secrecy = '涉密' AND r.open_type IS NOT NULL AND r.open_type <> '不予开放'", NULL),
  RESOURCE_RULE ("R10", E, "secret_level",
                 N_("Resource “%s” is classified (涉密); choose its secret level."),
                 "r.secrecy = '涉密' AND (r.secret_level IS NULL OR NOT " IN_TABLE ("r.secret_level", "secret_level") ")", NULL),
  RESOURCE_RULE ("R10", E, NULL,
                 N_("Resource “%s” is classified (涉密) but holds more than its name, provider and classification; clear everything else, which belongs in the classified catalog."),
                 "r.secrecy = '涉密' AND (" SECRET_EXTRA ")", NULL),
  RESOURCE_RULE ("R10", E, NULL,
                 N_("Resource “%s” is classified (涉密) but lists data items; delete them here, they belong in the classified catalog."),
                 "r.secrecy = '涉密' AND EXISTS (SELECT 1 FROM items x WHERE x.resource_id = r.id)", NULL),

  /* — Format ————————————————————————————————————————————————— */
  RESOURCE_RULE ("R11", E, NULL,
                 N_("Resource “%s” is a database or spreadsheet but lists no data items; add its data items."),
                 NOT_SECRET " AND r.format_category IN ('数据库', '电子表格')"
                 " AND NOT EXISTS (SELECT 1 FROM items x WHERE x.resource_id = r.id)", NULL),
  /* The item's own test first: the resource is looked at only for the
   * few items that fail it. */
  ITEM_RULE ("R11", E, "data_type",
             N_("Data item “%s” of “%s” has no valid data type; choose one from the list (C 字符型, N 数值型, D 日期型 …)."),
             "items i",
             "(i.data_type IS NULL OR NOT " IN_TABLE ("i.data_type", "data_type") ")"
             " AND EXISTS (SELECT 1 FROM resources x WHERE x.id = i.resource_id"
             " AND x.format_category IN ('数据库', '电子表格') AND coalesce(x.secrecy, '') <> '涉密')"),
  RESOURCE_RULE ("R12", E, "format_note",
                 N_("Resource “%s” has the format 其他; describe the format."),
                 NOT_SECRET " AND (r.format_category = '其他' OR r.format_type = '其他') AND " BLANK ("r.format_note"), NULL),
  RESOURCE_RULE ("R13", W, "share_method_type",
                 N_("Resource “%s”: its format and sharing method do not match (%s); files are shared as 文件, databases by 数据库 or 接口."),
                 NOT_SECRET " AND r.share_method_type IS NOT NULL AND ("
                 "(r.format_category IN ('电子文件', '图形图像', '流媒体') AND r.share_method_type <> '文件')"
                 " OR (r.format_category = '数据库' AND r.share_method_type NOT IN ('数据库', '接口')))",
                 "r.format_category || ' / ' || r.share_method_type"),

  /* — Codes —————————————————————————————————————————————————— */
  RESOURCE_RULE ("R14", E, "code",
                 N_("Resource “%s” has no code; generate one from its classification."),
                 BLANK ("r.code"), NULL),
  RESOURCE_RULE ("R14", E, "code",
                 N_("Resource “%s” has the malformed code “%s”; a code is six or more digits (类, 项, 目 …), a slash and a sequence number, e.g. 301002/00001."),
                 "r.code IS NOT NULL AND NOT " CODE_WELL_FORMED, "r.code"),
  RESOURCE_RULE ("R14", E, "code",
                 N_("Resource “%s”: the code “%s” does not match its classification; regenerate the code or correct the classification."),
                 /* A mismatch is rare: test it before the form. */
                 "r.code IS NOT NULL AND r.class_1 IS NOT NULL AND ("
                 "substr(r.code, 1, 1) <> r.class_1 OR (r.class_2 IS NOT NULL AND substr(r.code, 2, 2) <> r.class_2)"
                 " OR (r.class_3 IS NOT NULL AND substr(r.code, 4, 3) <> r.class_3)) AND " CODE_WELL_FORMED, "r.code"),
  { "R14", E, MULU_ENTITY_RESOURCE, "code",
    N_("Resource “%s” has the code “%s”, which another resource also has; codes must be unique."),
    "resources r", "r.id", "r.name",
    "r.code IS NOT NULL AND EXISTS (SELECT 1 FROM resources o WHERE o.code = r.code AND o.id <> r.id)",
    "r.code", "r.code", NULL, NULL, NULL,
    /* The repeated codes, found once for the whole pass. */
    "r.code IN (SELECT code FROM resources WHERE code IS NOT NULL GROUP BY code HAVING COUNT(*) > 1)" },
  RESOURCE_RULE ("R15", W, "related_codes",
                 N_("Resource “%s” refers to related codes that no resource has (%s); correct or remove them."),
                 "r.related_codes IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(r.related_codes) j"
                 " WHERE j.value NOT IN (SELECT code FROM resources WHERE code IS NOT NULL))",
                 "(SELECT group_concat(j.value, '、') FROM json_each(r.related_codes) j"
                 " WHERE j.value NOT IN (SELECT code FROM resources WHERE code IS NOT NULL))"),
  { "R16", E, MULU_ENTITY_DEPARTMENT, "uscc", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, mulu_rule_uscc },

  /* — Names ————————————————————————————————————————————————— */
  { "R17", W, MULU_ENTITY_RESOURCE, "name",
    N_("Resource “%s” looks like a duplicate of “%s” (they differ only in spaces, punctuation, full-width characters or a trailing number); merge them or make the names distinct."),
    "resources r", "r.id", "r.name",
    "r.name_key IS NOT NULL AND EXISTS (SELECT 1 FROM resources o WHERE o.department_id = r.department_id AND o.name_key = r.name_key AND o.id <> r.id)",
    "(SELECT group_concat(o.name, '、') FROM resources o WHERE o.department_id = r.department_id AND o.name_key = r.name_key AND o.id <> r.id)",
    "r.department_id || ':' || r.name_key", NULL, NULL, NULL,
    /* A pair of columns: no string is built per row. */
    "(r.department_id, r.name_key) IN (SELECT department_id, name_key FROM resources"
    " WHERE name_key IS NOT NULL GROUP BY department_id, name_key HAVING COUNT(*) > 1)" },
#define SYSTEM_NAME_KEYS(s) \
  "mulu_name_key (" s ".name), mulu_name_key (" s ".name || '数据'), mulu_name_key (" s ".name || '信息'), mulu_name_key (" s ".name || '数据库')"
  { "R18", W, MULU_ENTITY_RESOURCE, "name",
    N_("Resource “%s” is named after its system; name the information it holds (e.g. 不动产登记簿信息), not the system."),
    "resources r", "r.id", "r.name",
    "r.system_id IS NOT NULL AND EXISTS (SELECT 1 FROM systems s WHERE s.id = r.system_id AND r.name_key IN (" SYSTEM_NAME_KEYS ("s") "))",
    NULL, NULL, NULL, "r.system_id", NULL,
    /* Every system's name keys, computed once for the whole pass; looked
     * up with the system's id first, which compares faster than text. */
    "(r.system_id, r.name_key) IN (SELECT id, mulu_name_key (name) FROM systems"
    " UNION ALL SELECT id, mulu_name_key (name || '数据') FROM systems"
    " UNION ALL SELECT id, mulu_name_key (name || '信息') FROM systems"
    " UNION ALL SELECT id, mulu_name_key (name || '数据库') FROM systems)" },

  /* — Numbers (R19: the store refuses text in numeric fields; these are the
   * numbers no catalog can hold) ———————————————————————————— */
  RESOURCE_RULE ("R19", E, NULL,
                 N_("Resource “%s” has a negative volume figure; volumes are counts and sizes, 0 when unknown."),
                 "r.volume_records < 0 OR r.volume_storage_gb < 0 OR r.volume_structured_gb < 0 OR r.volume_unstructured_gb < 0"
                 " OR r.volume_shared_records < 0 OR r.volume_opened_records < 0", NULL),
  SYSTEM_RULE ("R19", E, NULL,
               N_("System “%s” has a negative cost or user count; enter amounts in 万元 and counts as whole numbers, 0 when unknown."),
               "s.construction_cost < 0 OR s.annual_om_cost < 0 OR s.user_count < 0", NULL),
  SYSTEM_RULE ("R19", E, "utilization_percent",
               N_("System “%s” has a resource utilisation of %s %%; it must be between 0 and 100."),
               "s.utilization_percent < 0 OR s.utilization_percent > 100", "s.utilization_percent"),
  ITEM_RULE ("R19", E, "length",
             N_("Data item “%s” of “%s” has a length of zero or less; enter its length, or leave it empty."),
             "items i", "i.length <= 0"),

  /* — Values and required fields ————————————————————————————— */
  RESOURCE_CODE ("format_category", "format"),
  /* The prefilters of the three path rules look the paths up in a list
   * made once for the pass rather than in the code table, row by row. */
  RESOURCE_RULE_PREFILTER ("C1", E, "format_type",
                 N_("Resource “%s”: “%s” is not a type of its format category; choose one from the list."),
                 NOT_SECRET " AND r.format_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.table_id = 'format'"
                 " AND c.path = r.format_category || '/' || r.format_type)", "r.format_type",
                 "r.format_type IS NOT NULL AND (r.format_category IS NULL OR"
                 " r.format_category || '/' || r.format_type NOT IN (SELECT path FROM codes WHERE table_id = 'format'))"),
  RESOURCE_CODE ("share_method_category", "share_method"),
  RESOURCE_RULE_PREFILTER ("C1", E, "share_method_type",
                 N_("Resource “%s”: “%s” is not a type of its sharing method; choose one from the list."),
                 "r.share_method_type IS NOT NULL AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.table_id = 'share_method'"
                 " AND c.path = r.share_method_category || '/' || r.share_method_type)", "r.share_method_type",
                 "r.share_method_type IS NOT NULL AND (r.share_method_category IS NULL OR"
                 " r.share_method_category || '/' || r.share_method_type NOT IN (SELECT path FROM codes WHERE table_id = 'share_method'))"),
  RESOURCE_CODE ("open_type", "open_type"),
  RESOURCE_CODE ("update_cycle", "update_cycle"),
  RESOURCE_CODE ("secrecy", "secrecy"),
  RESOURCE_RULE_PREFILTER ("C1", E, "classification",
                 N_("Resource “%s”: the classification %s is not in the classification tree; choose 类, 项 and 目 from the list."),
                 "r.class_1 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM codes c WHERE c.table_id = 'classification' AND c.path ="
                 " r.class_1 || coalesce('/' || r.class_2, '') || coalesce('/' || r.class_3, ''))",
                 "r.class_1 || coalesce('/' || r.class_2, '') || coalesce('/' || r.class_3, '')",
                 "r.class_1 IS NOT NULL AND r.class_1 || coalesce('/' || r.class_2, '') || coalesce('/' || r.class_3, '')"
                 " NOT IN (SELECT path FROM codes WHERE table_id = 'classification')"),
  SYSTEM_CODE ("usage_scope", "usage_scope", E),
  SYSTEM_CODE ("usage_frequency", "usage_frequency", E),
  SYSTEM_CODE ("funding_source", "funding_source", W),
  SYSTEM_CODE ("construction_mode", "construction_mode", E),
  SYSTEM_CODE ("om_mode", "om_mode", E),
  SYSTEM_CODE ("layer", "layer", E),
  SYSTEM_CODE ("status", "status", E),
  SYSTEM_CODE ("network", "network", E),
  SYSTEM_CODE ("hosting", "hosting", E),
  SYSTEM_CODE ("protection_level", "protection_level", E),
  SYSTEM_CODE ("secrecy", "secrecy", E),
  ITEM_CODE ("share_type", "share_type"),
  ITEM_CODE ("open_type", "open_type"),
  RESOURCE_REQUIRED ("name"),
  RESOURCE_REQUIRED ("summary"),
  RESOURCE_REQUIRED ("format_category"),
  RESOURCE_REQUIRED ("update_cycle"),
  RESOURCE_RULE ("C2", E, "open_type", N_("Resource “%s” has no “%s”; fill it in."),
                 BLANK ("r.open_type"), ":label"),
  RESOURCE_RULE ("C2", E, "classification", N_("Resource “%s” has no classification; choose its 类 and 项."),
                 "r.class_1 IS NULL OR r.class_2 IS NULL", NULL),
  DEPARTMENT_REQUIRED ("name"),
  DEPARTMENT_REQUIRED ("region_code"),
  DEPARTMENT_REQUIRED ("contact_name"),
  DEPARTMENT_REQUIRED ("contact_phone"),
  { "C2", E, MULU_ENTITY_ITEM, "name", N_("A data item of “%s” has no name; name it or delete it."),
    "items i", "i.id", "(SELECT name FROM resources WHERE id = i.resource_id)", BLANK ("i.name"), NULL, NULL, "i.resource_id", NULL, NULL },

  /* — Systems ——————————————————————————————————————————————— */
  SYSTEM_CENSUS ("name"),
  SYSTEM_CENSUS ("function"),
  SYSTEM_CENSUS ("usage_scope"),
  SYSTEM_CENSUS ("usage_frequency"),
  SYSTEM_CENSUS ("approval_department"),
  SYSTEM_CENSUS ("approval_date"),
  SYSTEM_CENSUS ("funding_source"),
  SYSTEM_RULE ("S2", E, "zombie_review",
               N_("System “%s” is confirmed as a zombie but has no disposition or planned date; choose 整合, 迁移, 关停下线 or 暂缓 and the date."),
               "EXISTS (SELECT 1 FROM zombie_reviews z WHERE z.system_id = s.id AND z.decision = 'confirmed'"
               " AND (z.disposition IS NULL OR z.planned_date IS NULL))", NULL),
  SYSTEM_RULE ("S2", E, "zombie_review",
               N_("System “%s” is postponed (暂缓) as a zombie without a reason; write why in the note."),
               "EXISTS (SELECT 1 FROM zombie_reviews z WHERE z.system_id = s.id AND z.decision = 'confirmed'"
               " AND z.disposition = '暂缓' AND " BLANK ("z.note") ")", NULL),
  { "S2", E, MULU_ENTITY_SYSTEM, "zombie_review", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, mulu_rule_zombie },
  SYSTEM_RULE ("S3", W, "go_live_date",
               N_("System “%s” went live (%s) before it was approved; check both dates."),
               "s.approval_date IS NOT NULL AND s.go_live_date IS NOT NULL AND s.go_live_date < s.approval_date", "s.go_live_date"),
  SYSTEM_RULE ("S3", W, "go_live_date",
               N_("System “%s” has a go-live date in the future (%s); check it."),
               "s.go_live_date > :today", "s.go_live_date"),
  SYSTEM_RULE ("S3", W, "approval_date",
               N_("System “%s” has an approval date in the future (%s); check it."),
               "s.approval_date > :today", "s.approval_date"),
  SYSTEM_RULE ("S4", H, "network",
               N_("System “%s” runs on “%s” but is for internal use; plan its migration to the e-government extranet or intranet."),
               "s.network IN ('部门业务专网', '互联网') AND coalesce(s.usage_scope, '') <> '社会公众'", "s.network"),
  SYSTEM_RULE ("S5", W, "protection_level",
               N_("System “%s” has no security protection level (等保 未定级); have it graded."),
               "s.protection_level = '未定级'", NULL),
  SYSTEM_RULE ("S6", W, NULL,
               N_("System “%s” is a confirmed zombie but %s of its resources are still shared unconditionally; review their sharing."),
               "EXISTS (SELECT 1 FROM zombie_reviews z WHERE z.system_id = s.id AND z.decision = 'confirmed')"
               " AND EXISTS (SELECT 1 FROM resources x WHERE x.system_id = s.id AND x.share_type = '无条件共享')",
               "(SELECT COUNT(*) FROM resources x WHERE x.system_id = s.id AND x.share_type = '无条件共享')"),
  SYSTEM_RULE ("S7", W, NULL,
               N_("System “%s” holds no resources; catalog its resources, or explain in the remarks."),
               "NOT EXISTS (SELECT 1 FROM resources x WHERE x.system_id = s.id)", NULL),
  RESOURCE_RULE ("S7", W, "system",
                 N_("Resource “%s” belongs to no system; choose the system that holds it."),
                 NOT_SECRET " AND r.system_id IS NULL", NULL),
  { "Z1", H, MULU_ENTITY_SYSTEM, "zombie_review", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  { "SG1", H, MULU_ENTITY_RESOURCE, "share_type", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, mulu_rule_suggestions },
};

const guint mulu_n_rules = G_N_ELEMENTS (mulu_rules);
