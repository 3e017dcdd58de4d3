import { bigint, boolean, index, numeric, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, globalId, id, tenantId, updatedAt } from './columns';

export const tenants = pgTable(
  'tenants',
  {
    id: globalId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    /**
     * Moves whenever anything a ticket receipt reads as company configuration changes (categories,
     * SLA policies, calendar days, company settings, incidents): database triggers bump it (migration
     * 0012), the session query returns it, and each server instance keeps those settings in memory
     * for as long as it has not moved (apps/server/src/company-version).
     */
    settingsVersion: bigint('settings_version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('tenants_code_uq').on(t.code)],
);

export const regions = pgTable(
  'regions',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('regions_tenant_name_uq').on(t.tenantId, t.name)],
);

/** type: residential 住宅 | office 写字楼 | commercial 商业; stage: early 前期 | growth 成长期 | mature 成熟期 */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    tenantId: tenantId(),
    regionId: uuid('region_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    stage: text('stage').notNull(),
    city: text('city').notNull().default(''),
    address: text('address').notNull().default(''),
    /** The project's service hotline (服务热线), filled into call scripts and owner notices. */
    hotline: text('hotline').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('projects_tenant_code_uq').on(t.tenantId, t.code),
    index('projects_tenant_region_idx').on(t.tenantId, t.regionId),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    floors: numeric('floors', { mode: 'number' }),
    /** The steward (管家) who looks after this building's households; owners see them on the phone's home. */
    stewardId: uuid('steward_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('buildings_tenant_project_name_uq').on(t.tenantId, t.projectId, t.name)],
);

export const units = pgTable(
  'units',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('units_tenant_building_name_uq').on(t.tenantId, t.buildingId, t.name)],
);

/**
 * sortKey orders households as a steward reads a roster: building, unit, room, with numbers
 * compared as numbers (2栋 before 10栋). It is derived on write by `householdSortKey`.
 */
export const households = pgTable(
  'households',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    unitId: uuid('unit_id'),
    room: text('room').notNull(),
    area: numeric('area', { precision: 10, scale: 2, mode: 'number' }),
    status: text('status').notNull().default('occupied'),
    sortKey: text('sort_key').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('households_tenant_room_uq').on(t.tenantId, t.buildingId, t.unitId, t.room).nullsNotDistinct(),
    index('households_tenant_project_sort_idx').on(t.tenantId, t.projectId, t.sortKey, t.id),
    index('households_tenant_room_idx').on(t.tenantId, t.room),
  ],
);

/** role: owner 业主 | tenant 租户 | family 家属; discStyle: DISC types of seed 000/001 (tiger 老虎, peacock 孔雀, panda 熊猫, owl 猫头鹰). */
export const persons = pgTable(
  'persons',
  {
    id: id(),
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    householdId: uuid('household_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
    /** Pinyin initials of the name (王建国 → wjg), written with the name, for the hotline's owner search. */
    nameInitials: text('name_initials').notNull().default(''),
    isVip: boolean('is_vip').notNull().default(false),
    discStyle: text('disc_style'),
    tags: text('tags').array().notNull().default([]),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('persons_tenant_household_idx').on(t.tenantId, t.householdId),
    index('persons_tenant_phone_idx').on(t.tenantId, t.phone),
    index('persons_tenant_project_idx').on(t.tenantId, t.projectId, t.id),
    // The owner search (persons/lookup.ts): a name or its initials by prefix, a phone by its last four digits.
    index('persons_tenant_name_prefix_idx').on(t.tenantId, t.name.op('text_pattern_ops')),
    index('persons_tenant_initials_idx').on(t.tenantId, t.nameInitials.op('text_pattern_ops')),
    index('persons_tenant_phone_tail_idx').on(t.tenantId, sql`right(${t.phone}, 4)`),
  ],
);
