import type { auditEntry } from '@manyi/contracts/audit';
import type { staffMe } from '@manyi/contracts/auth';
import type { building, unit } from '@manyi/contracts/buildings';
import type { household, personSummary } from '@manyi/contracts/households';
import type { importJob, importRowError } from '@manyi/contracts/imports';
import type { ownerMe } from '@manyi/contracts/owners';
import type { invite, person, profile, timelineEntry } from '@manyi/contracts/persons';
import type { project } from '@manyi/contracts/projects';
import type { region } from '@manyi/contracts/regions';
import type { staffView } from '@manyi/contracts/staff';
import type { Received } from '@manyi/contracts/wire';

/** Resource shapes of the /api/v1 contract (packages/contracts), as the console receives them. */

export type Page<T> = { items: T[]; nextCursor: string | null };
export type ItemList<T> = { items: T[] };

export type Me = Received<typeof staffMe>;
export type ProjectReference = Me['projects'][number];
export type Abilities = Me['abilities'];
export type Permission = Abilities['permissions'][number];
export type Region = Received<typeof region>;
export type Project = Received<typeof project>;
export type Unit = Received<typeof unit>;
export type Building = Received<typeof building>;
export type HouseholdPerson = Received<typeof personSummary>;
export type Household = Received<typeof household>;
export type Person = Received<typeof person>;
export type TimelineEntry = Received<typeof timelineEntry>;
export type PersonProfile = Received<typeof profile>;
export type Invite = Received<typeof invite>;
export type ImportJob = Received<typeof importJob>;
export type ImportStatus = ImportJob['status'];
export type ImportRowError = Received<typeof importRowError>;
export type Staff = Received<typeof staffView>;
export type AuditLog = Received<typeof auditEntry>;
export type OwnerMe = Received<typeof ownerMe>;
