/* mulu-entity.h — what a department, system, resource and data item hold
 *
 * One table per entity lists its fields once; the SQL columns, the package
 * keys, the GObject properties and the field labels are all derived from it,
 * so adding a field is a one-line change (plus a schema upgrade step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MULU_ENTITY_DEPARTMENT,
  MULU_ENTITY_SYSTEM,
  MULU_ENTITY_RESOURCE,
  MULU_ENTITY_ITEM,
  MULU_N_ENTITIES
} MuluEntity;

typedef enum {
  MULU_FIELD_TEXT,
  MULU_FIELD_DATE,   /* TEXT 'YYYY-MM-DD' */
  MULU_FIELD_INT,
  MULU_FIELD_REAL,
  MULU_FIELD_BOOL,
  MULU_FIELD_LIST,   /* array of strings, stored as a JSON array */
  MULU_FIELD_REF,    /* rowid of another record; a package id in packages */
} MuluFieldType;

typedef enum {
  MULU_FIELD_FLAG_NONE        = 0,
  MULU_FIELD_FLAG_REQUIRED    = 1 << 0, /* the census asks for it */
  MULU_FIELD_FLAG_SECRET_SAFE = 1 << 1, /* may leave the file for a 涉密 resource */
  MULU_FIELD_FLAG_PARENT      = 1 << 2, /* the owning record (not null) */
  MULU_FIELD_FLAG_MULTILINE   = 1 << 3, /* long free text */
} MuluFieldFlags;

typedef struct {
  const char    *key;        /* package key; for nested keys the member inside group */
  const char    *group;      /* "classification" (array) or "volume" (object), or NULL */
  int            sub;        /* index inside an array group */
  const char    *column;     /* SQL column */
  const char    *property;   /* GObject property name */
  MuluFieldType  type;
  MuluEntity     ref;        /* for MULU_FIELD_REF */
  const char    *code_table; /* enumerated values come from this code table */
  const char    *label;      /* untranslated; use mulu_field_get_label() */
  MuluFieldFlags flags;
} MuluField;

/* F(ENUM, key, group, sub, column, type, ref, code_table, label, flags) */
#define MULU_DEPARTMENT_FIELDS(F) \
  F (NAME,          "name",          NULL, 0, "name",          TEXT, 0, NULL, N_("Full name"), REQUIRED | SECRET_SAFE) \
  F (USCC,          "uscc",          NULL, 0, "uscc",          TEXT, 0, NULL, N_("Unified social credit code"), REQUIRED | SECRET_SAFE) \
  F (REGION_CODE,   "region_code",   NULL, 0, "region_code",   TEXT, 0, NULL, N_("Region code"), REQUIRED) \
  F (CONTACT_NAME,  "contact_name",  NULL, 0, "contact_name",  TEXT, 0, NULL, N_("Contact person"), REQUIRED) \
  F (CONTACT_PHONE, "contact_phone", NULL, 0, "contact_phone", TEXT, 0, NULL, N_("Contact phone"), REQUIRED) \
  F (PARENT,        "parent",        NULL, 0, "parent_id",     REF,  MULU_ENTITY_DEPARTMENT, NULL, N_("Parent department"), NONE)

#define MULU_SYSTEM_FIELDS(F) \
  F (DEPARTMENT,          "department",          NULL, 0, "department_id",       REF,  MULU_ENTITY_DEPARTMENT, NULL, N_("Department"), PARENT) \
  F (NAME,                "name",                NULL, 0, "name",                TEXT, 0, NULL, N_("System name"), REQUIRED) \
  F (FUNCTION,            "function",            NULL, 0, "function",            TEXT, 0, NULL, N_("Function"), REQUIRED | MULTILINE) \
  F (USAGE_SCOPE,         "usage_scope",         NULL, 0, "usage_scope",         TEXT, 0, "usage_scope", N_("Usage scope"), REQUIRED) \
  F (USAGE_FREQUENCY,     "usage_frequency",     NULL, 0, "usage_frequency",     TEXT, 0, "usage_frequency", N_("Usage frequency"), REQUIRED) \
  F (APPROVAL_DEPARTMENT, "approval_department", NULL, 0, "approval_department", TEXT, 0, NULL, N_("Approving department"), REQUIRED) \
  F (APPROVAL_DATE,       "approval_date",       NULL, 0, "approval_date",       DATE, 0, NULL, N_("Approval date"), REQUIRED) \
  F (FUNDING_SOURCE,      "funding_source",      NULL, 0, "funding_source",      TEXT, 0, "funding_source", N_("Funding source"), REQUIRED) \
  F (BUILDER,             "builder",             NULL, 0, "builder",             TEXT, 0, NULL, N_("Builder"), NONE) \
  F (CONTRACTOR,          "contractor",          NULL, 0, "contractor",          TEXT, 0, NULL, N_("Contractor"), NONE) \
  F (MAINTAINER,          "maintainer",          NULL, 0, "maintainer",          TEXT, 0, NULL, N_("Maintainer"), NONE) \
  F (GO_LIVE_DATE,        "go_live_date",        NULL, 0, "go_live_date",        DATE, 0, NULL, N_("Go-live date"), NONE) \
  F (OM_CONTRACT_END,     "om_contract_end",     NULL, 0, "om_contract_end",     DATE, 0, NULL, N_("O&M contract end date"), NONE) \
  F (CONSTRUCTION_COST,   "construction_cost",   NULL, 0, "construction_cost",   REAL, 0, NULL, N_("Construction cost (10,000 yuan)"), NONE) \
  F (ANNUAL_OM_COST,      "annual_om_cost",      NULL, 0, "annual_om_cost",      REAL, 0, NULL, N_("Annual O&M cost (10,000 yuan)"), NONE) \
  F (CONSTRUCTION_MODE,   "construction_mode",   NULL, 0, "construction_mode",   TEXT, 0, "construction_mode", N_("Construction mode"), NONE) \
  F (OM_MODE,             "om_mode",             NULL, 0, "om_mode",             TEXT, 0, "om_mode", N_("O&M mode"), NONE) \
  F (LAYER,               "layer",               NULL, 0, "layer",               TEXT, 0, "layer", N_("System layer"), NONE) \
  F (STATUS,              "status",              NULL, 0, "status",              TEXT, 0, "status", N_("Status"), NONE) \
  F (NETWORK,             "network",             NULL, 0, "network",             TEXT, 0, "network", N_("Network"), NONE) \
  F (HOSTING,             "hosting",             NULL, 0, "hosting",             TEXT, 0, "hosting", N_("Hosting"), NONE) \
  F (PROTECTION_LEVEL,    "protection_level",    NULL, 0, "protection_level",    TEXT, 0, "protection_level", N_("Security protection level"), NONE) \
  F (SECRECY,             "secrecy",             NULL, 0, "secrecy",             TEXT, 0, "secrecy", N_("Secrecy"), NONE) \
  F (USER_COUNT,          "user_count",          NULL, 0, "user_count",          INT,  0, NULL, N_("Number of users"), NONE) \
  F (USER_GROUP,          "user_group",          NULL, 0, "user_group",          TEXT, 0, NULL, N_("User group"), NONE) \
  F (SHARING_PLATFORM_CONNECTED, "sharing_platform_connected", NULL, 0, "sharing_platform_connected", BOOL, 0, NULL, N_("Connected to the sharing platform"), NONE) \
  F (REPLACED_BY,         "replaced_by",         NULL, 0, "replaced_by_id",      REF,  MULU_ENTITY_SYSTEM, NULL, N_("Replaced by"), NONE) \
  F (SUPPORTS_CURRENT_DUTIES, "supports_current_duties", NULL, 0, "supports_current_duties", BOOL, 0, NULL, N_("Still supports current duties"), NONE) \
  F (LAST_BUSINESS_USE,   "last_business_use",   NULL, 0, "last_business_use",   DATE, 0, NULL, N_("Last business use"), NONE) \
  F (LAST_LOGIN,          "last_login",          NULL, 0, "last_login",          DATE, 0, NULL, N_("Last login"), NONE) \
  F (UTILIZATION_PERCENT, "utilization_percent", NULL, 0, "utilization_percent", REAL, 0, NULL, N_("Resource utilisation (%)"), NONE) \
  F (LAST_UPDATE,         "last_update",         NULL, 0, "last_update",         DATE, 0, NULL, N_("Last update"), NONE) \
  F (REMARKS,             "remarks",             NULL, 0, "remarks",             TEXT, 0, NULL, N_("Remarks"), MULTILINE)

#define MULU_RESOURCE_FIELDS(F) \
  F (DEPARTMENT,            "department",            NULL, 0, "department_id",         REF,  MULU_ENTITY_DEPARTMENT, NULL, N_("Provider"), PARENT | SECRET_SAFE) \
  F (SYSTEM,                "system",                NULL, 0, "system_id",             REF,  MULU_ENTITY_SYSTEM, NULL, N_("Source system"), NONE) \
  F (NAME,                  "name",                  NULL, 0, "name",                  TEXT, 0, NULL, N_("Resource name"), REQUIRED | SECRET_SAFE) \
  F (CODE,                  "code",                  NULL, 0, "code",                  TEXT, 0, NULL, N_("Resource code"), REQUIRED | SECRET_SAFE) \
  F (CLASS_1, "classification", "classification", 0, "class_1", TEXT, 0, NULL, N_("Category"), REQUIRED | SECRET_SAFE) \
  F (CLASS_2, "classification", "classification", 1, "class_2", TEXT, 0, NULL, N_("Item"), REQUIRED | SECRET_SAFE) \
  F (CLASS_3, "classification", "classification", 2, "class_3", TEXT, 0, NULL, N_("Subitem"), SECRET_SAFE) \
  F (CLASS_4, "classification", "classification", 3, "class_4", TEXT, 0, NULL, N_("Detail"), SECRET_SAFE) \
  F (SUMMARY,               "summary",               NULL, 0, "summary",               TEXT, 0, NULL, N_("Summary"), REQUIRED | MULTILINE) \
  F (FORMAT_CATEGORY,       "format_category",       NULL, 0, "format_category",       TEXT, 0, "format", N_("Format category"), REQUIRED) \
  F (FORMAT_TYPE,           "format_type",           NULL, 0, "format_type",           TEXT, 0, "format", N_("Format type"), NONE) \
  F (FORMAT_NOTE,           "format_note",           NULL, 0, "format_note",           TEXT, 0, NULL, N_("Format description"), NONE) \
  F (SHARE_TYPE,            "share_type",            NULL, 0, "share_type",            TEXT, 0, "share_type", N_("Sharing type"), REQUIRED | SECRET_SAFE) \
  F (SHARE_CONDITION,       "share_condition",       NULL, 0, "share_condition",       TEXT, 0, NULL, N_("Sharing condition"), MULTILINE) \
  F (SHARE_BASIS_TYPE,      "share_basis_type",      NULL, 0, "share_basis_type",      TEXT, 0, "share_basis_type", N_("Basis type for not sharing"), SECRET_SAFE) \
  F (SHARE_BASIS,           "share_basis",           NULL, 0, "share_basis",           TEXT, 0, NULL, N_("Basis for not sharing"), MULTILINE | SECRET_SAFE) \
  F (SHARE_METHOD_CATEGORY, "share_method_category", NULL, 0, "share_method_category", TEXT, 0, "share_method", N_("Sharing method"), NONE) \
  F (SHARE_METHOD_TYPE,     "share_method_type",     NULL, 0, "share_method_type",     TEXT, 0, "share_method", N_("Sharing method type"), NONE) \
  F (SHARE_METHOD_REASON,   "share_method_reason",   NULL, 0, "share_method_reason",   TEXT, 0, NULL, N_("Reason for mail or media"), NONE) \
  F (OPEN_TYPE,             "open_type",             NULL, 0, "open_type",             TEXT, 0, "open_type", N_("Open to the public"), REQUIRED | SECRET_SAFE) \
  F (OPEN_CONDITION,        "open_condition",        NULL, 0, "open_condition",        TEXT, 0, NULL, N_("Open condition"), MULTILINE) \
  F (UPDATE_CYCLE,          "update_cycle",          NULL, 0, "update_cycle",          TEXT, 0, "update_cycle", N_("Update cycle"), REQUIRED) \
  F (PUBLISH_DATE,          "publish_date",          NULL, 0, "publish_date",          DATE, 0, NULL, N_("Publish date"), NONE) \
  F (RELATED_CODES,         "related_codes",         NULL, 0, "related_codes",         LIST, 0, NULL, N_("Related resource codes"), NONE) \
  F (SECRECY,               "secrecy",               NULL, 0, "secrecy",               TEXT, 0, "secrecy", N_("Secrecy"), REQUIRED | SECRET_SAFE) \
  F (SECRET_LEVEL,          "secret_level",          NULL, 0, "secret_level",          TEXT, 0, "secret_level", N_("Secret level"), SECRET_SAFE) \
  F (VOLUME_RECORDS,        "records",         "volume", 0, "volume_records",         INT,  0, NULL, N_("Records"), NONE) \
  F (VOLUME_STORAGE_GB,     "storage_gb",      "volume", 0, "volume_storage_gb",      REAL, 0, NULL, N_("Storage (GB)"), NONE) \
  F (VOLUME_STRUCTURED_GB,  "structured_gb",   "volume", 0, "volume_structured_gb",   REAL, 0, NULL, N_("Structured data (GB)"), NONE) \
  F (VOLUME_UNSTRUCTURED_GB,"unstructured_gb", "volume", 0, "volume_unstructured_gb", REAL, 0, NULL, N_("Unstructured data (GB)"), NONE) \
  F (VOLUME_SHARED_RECORDS, "shared_records",  "volume", 0, "volume_shared_records",  INT,  0, NULL, N_("Shared records"), NONE) \
  F (VOLUME_OPENED_RECORDS, "opened_records",  "volume", 0, "volume_opened_records",  INT,  0, NULL, N_("Opened records"), NONE)

#define MULU_ITEM_FIELDS(F) \
  F (RESOURCE,   "resource",   NULL, 0, "resource_id", REF,  MULU_ENTITY_RESOURCE, NULL, N_("Resource"), PARENT) \
  F (NAME,       "name",       NULL, 0, "name",        TEXT, 0, NULL, N_("Item name"), REQUIRED) \
  F (DATA_TYPE,  "data_type",  NULL, 0, "data_type",   TEXT, 0, "data_type", N_("Data type"), REQUIRED) \
  F (LENGTH,     "length",     NULL, 0, "length",      INT,  0, NULL, N_("Length"), NONE) \
  F (SHARE_TYPE, "share_type", NULL, 0, "share_type",  TEXT, 0, "share_type", N_("Sharing type"), NONE) \
  F (OPEN_TYPE,  "open_type",  NULL, 0, "open_type",   TEXT, 0, "open_type", N_("Open to the public"), NONE) \
  F (REMARKS,    "remarks",    NULL, 0, "remarks",     TEXT, 0, NULL, N_("Remarks"), NONE)

#define MULU_FIELD_ENUM_(prefix, ID) prefix##ID
#define MULU_DEPARTMENT_ENUM_(ID, ...) MULU_DEPARTMENT_##ID,
#define MULU_SYSTEM_ENUM_(ID, ...) MULU_SYSTEM_##ID,
#define MULU_RESOURCE_ENUM_(ID, ...) MULU_RESOURCE_##ID,
#define MULU_ITEM_ENUM_(ID, ...) MULU_ITEM_##ID,

typedef enum { MULU_DEPARTMENT_FIELDS (MULU_DEPARTMENT_ENUM_) MULU_DEPARTMENT_N_FIELDS } MuluDepartmentField;
typedef enum { MULU_SYSTEM_FIELDS (MULU_SYSTEM_ENUM_) MULU_SYSTEM_N_FIELDS } MuluSystemField;
typedef enum { MULU_RESOURCE_FIELDS (MULU_RESOURCE_ENUM_) MULU_RESOURCE_N_FIELDS } MuluResourceField;
typedef enum { MULU_ITEM_FIELDS (MULU_ITEM_ENUM_) MULU_ITEM_N_FIELDS } MuluItemField;

typedef struct {
  MuluEntity       entity;
  const char      *kind;     /* package "kind" and entity name in logs: "system" */
  const char      *table;    /* SQL table */
  const char      *label;    /* untranslated, e.g. N_("Information system") */
  const MuluField *fields;
  guint            n_fields;
  int              parent_field; /* index of the owning reference, or -1 */
  int              name_field;
} MuluEntityInfo;

const MuluEntityInfo *mulu_entity_get_info      (MuluEntity  entity);
const MuluEntityInfo *mulu_entity_from_kind     (const char *kind);
int                   mulu_entity_find_field    (MuluEntity  entity,
                                                 const char *key_or_column);
const char           *mulu_field_get_label      (const MuluField *field);
const char           *mulu_entity_get_label     (MuluEntity  entity);

G_END_DECLS
