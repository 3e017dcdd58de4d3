import type { DiscStyle, HouseholdStatus, PersonRole, ProjectStage, ProjectType, StaffPost, StaffRole } from '@manyi/core';

/** Resource shapes of the /api/v1 contract, as the console reads them. */

export type Page<T> = { items: T[]; nextCursor: string | null };
export type ItemList<T> = { items: T[] };

export type ProjectReference = { id: string; code: string; name: string };

export type Me = {
  kind: 'staff';
  id: string;
  login: string;
  name: string;
  roles: StaffRole[];
  post: StaffPost | null;
  tenant: { id: string; code: string; name: string };
  allProjects: boolean;
  projects: ProjectReference[];
};

export type Region = { id: string; name: string };

export type Project = {
  id: string;
  code: string;
  name: string;
  type: ProjectType;
  stage: ProjectStage;
  regionId: string | null;
  regionName: string | null;
  city: string;
  address: string;
  buildingCount: number;
  householdCount: number;
  createdAt: string;
};

export type Unit = { id: string; name: string };

export type Building = {
  id: string;
  projectId: string;
  name: string;
  floors: number | null;
  unitCount: number;
  householdCount: number;
  units: Unit[];
};

export type HouseholdPerson = { id: string; name: string; role: PersonRole; phone: string | null; isVip: boolean };

export type Household = {
  id: string;
  projectId: string;
  projectName: string;
  buildingId: string;
  buildingName: string;
  unitId: string | null;
  unitName: string | null;
  room: string;
  label: string;
  area: number | null;
  status: HouseholdStatus;
  persons: HouseholdPerson[];
};

export type Person = {
  id: string;
  householdId: string;
  householdLabel: string;
  projectId: string;
  projectName: string;
  name: string;
  role: PersonRole;
  phone: string | null;
  isVip: boolean;
  discStyle: DiscStyle | null;
  tags: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
};

export type TimelineEntry = {
  id: string;
  kind: string;
  title: string;
  occurredAt: string;
  actorName: string;
  /** Free-form per kind: a sentence, or a small object such as a rating. */
  detail: unknown;
};

export type PersonProfile = { person: Person; household: Household; members: Person[]; timeline: TimelineEntry[] };

export type Invite = { url: string; expiresAt: string };

export type ImportStatus = 'validating' | 'validated' | 'invalid' | 'committing' | 'committed' | 'failed';

export type ImportRowError = { row: number; column: string | null; code: string; message: string };

export type ImportJob = {
  id: string;
  projectId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorCount: number;
  errors: ImportRowError[];
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
  committedAt: string | null;
};

export type Staff = {
  id: string;
  login: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  post: StaffPost | null;
  active: boolean;
  projectIds: string[];
  projects: { id: string; name: string }[];
  createdAt: string;
};

export type AuditLog = {
  id: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  at: string;
};

export type OwnerMe = {
  kind: 'owner';
  person: { id: string; name: string; role: PersonRole; phone: string | null };
  tenant: { code: string; name: string };
  households: { id: string; label: string; projectName: string }[];
};
