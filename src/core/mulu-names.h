/* mulu-names.h — word pools for generating synthetic department catalogs
 *
 * Static, read-only arrays of realistic Chinese names and terms (regions with
 * their GB/T 2260 codes, department kinds and their business topics, system
 * and resource name suffixes, data items, people and companies) that the
 * synthetic-catalog generator combines deterministically.  No logic lives
 * here: only the arrays and their element counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;        /* "厦门市" or "海淀区" — a real prefecture-level city or district */
  const char *code;        /* its real 6-digit GB/T 2260 code, "350200" */
} MuluNameRegion;

typedef struct {
  const char *suffix;          /* department name after the region: "自然资源和规划局" */
  const char *class_item;      /* its 项 code under 类 3 (部门信息资源): "01" … "15" */
  const char * const *topics;  /* NULL-terminated business topics: "不动产登记", "建设用地审批", … */
} MuluNameDepartmentKind;

typedef struct {
  const char *name;       /* data item name: "统一社会信用代码" */
  const char *data_type;  /* one of C N Y D T L M G B I F (信息项数据类型) */
  int         length;     /* plausible field length; 0 when not meaningful (timestamps, memo, binary) */
} MuluNameItem;

extern const MuluNameRegion          mulu_names_regions[];
extern const guint                   mulu_names_n_regions;
extern const MuluNameDepartmentKind  mulu_names_department_kinds[];
extern const guint                   mulu_names_n_department_kinds;
extern const char * const            mulu_names_system_suffixes[];   /* "管理系统", "信息平台", "一张图" … */
extern const guint                   mulu_names_n_system_suffixes;
extern const char * const            mulu_names_resource_suffixes[]; /* "信息", "登记信息", "台账" … */
extern const guint                   mulu_names_n_resource_suffixes;
extern const MuluNameItem            mulu_names_items[];             /* general data items */
extern const guint                   mulu_names_n_items;
extern const char * const            mulu_names_surnames[];
extern const guint                   mulu_names_n_surnames;
extern const char * const            mulu_names_given_names[];       /* one- or two-character given names */
extern const guint                   mulu_names_n_given_names;
extern const char * const            mulu_names_company_marks[];     /* company trade names: "华信", "数智" … */
extern const guint                   mulu_names_n_company_marks;
extern const char * const            mulu_names_company_suffixes[];  /* "信息技术有限公司" … */
extern const guint                   mulu_names_n_company_suffixes;
extern const char * const            mulu_names_approvers[];         /* approving bodies without region: "发展和改革委员会" … */
extern const guint                   mulu_names_n_approvers;

G_END_DECLS
