import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';

/**
 * Staff logins are unique within a company (a taken login in one company says nothing about
 * another's). Sign-in finds the accounts of a login across companies and keeps the one whose
 * password matches, so the sign-in page needs a company code only when the same login and password
 * exist in two companies. roles: admin | quality | manager | steward | technician | viewer.
 */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: id(),
    tenantId: tenantId(),
    login: text('login').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    post: text('post'),
    /** What owners see of their steward (管家) on the phone: a photo (storage key) and working hours (e.g. 周一至周六 8:30–17:30). */
    photoKey: text('photo_key'),
    workingHours: text('working_hours').notNull().default(''),
    active: boolean('active').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('staff_users_tenant_login_uq').on(t.tenantId, t.login),
    index('staff_users_login_idx').on(t.login),
    index('staff_users_tenant_idx').on(t.tenantId, t.id),
  ],
);

export const staffProjects = pgTable(
  'staff_projects',
  {
    tenantId: tenantId(),
    staffId: uuid('staff_id').notNull(),
    projectId: uuid('project_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.staffId, t.projectId] }), index('staff_projects_tenant_project_idx').on(t.tenantId, t.projectId)],
);

/**
 * The cookie carries a random token; only its SHA-256 is stored, so a database leak yields no live session.
 * The key leads with the token, which every request looks up before it knows the company (a statement
 * that crosses companies once distributed: ARCHITECTURE.md, "Sharding by company").
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').notNull(),
    tenantId: tenantId(),
    kind: text('kind').notNull(),
    staffId: uuid('staff_id'),
    personId: uuid('person_id'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.id, t.tenantId] }), index('sessions_tenant_staff_idx').on(t.tenantId, t.staffId)],
);

export const ownerInvites = pgTable(
  'owner_invites',
  {
    id: id(),
    tenantId: tenantId(),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('owner_invites_token_uq').on(t.tokenHash, t.tenantId),
    index('owner_invites_tenant_person_idx').on(t.tenantId, t.personId),
  ],
);

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: id(),
    tenantId: tenantId(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('otp_codes_tenant_phone_idx').on(t.tenantId, t.phone, t.createdAt)],
);

/**
 * Attempts counted per account or phone number, whatever address they come from (an attacker has
 * many addresses; the account and the phone are what is attacked). A reference table (global, read
 * before anyone is signed in: packages/db/src/distribution.ts), its keys naming what is counted:
 * 'staff:<tenant id>:<login>' for one company's account (logins are unique per company, so one
 * company's failures never lock another's same login), 'staff:?:<company code>:<login>' for a login
 * that names no account (failed sign-ins since the last success, with locked_until for the
 * back-off); 'otp-minute|hour|day:<phone>' for codes sent to a phone, whichever company asks (codes
 * sent in the window that started at window_started_at). Each attempt is one upsert, so concurrent
 * attempts are all counted.
 */
export const attemptCounters = pgTable('attempt_counters', {
  key: text('key').primaryKey(),
  attempts: integer('attempts').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
