import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/**
 * Row id: UUIDv7, so ids sort by creation time and keyset pagination can order by id. Not a primary
 * key by itself: a company's table declares `primaryKey({ columns: [t.tenantId, t.id] })`, because a
 * table distributed by company must carry the distribution column in every key (src/distribution.ts).
 */
export const id = () =>
  uuid('id')
    .notNull()
    .$defaultFn(() => uuidv7());

/** The primary key of a global (reference) table, which belongs to no company: `tenants`. */
export const globalId = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** Every business row belongs to exactly one company, the distribution column; indexes lead with it (DESIGN §2). */
export const tenantId = () => uuid('tenant_id').notNull();

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
