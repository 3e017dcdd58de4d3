import type { StaffRole } from '@manyi/core';

type Versioned = {
  /**
   * The company's settings version as the session query read it at the start of the request
   * (company-version/cache.ts); absent on principals the server builds itself, which read it.
   */
  settingsVersion?: number;
};

export type StaffPrincipal = Versioned & {
  kind: 'staff';
  tenantId: string;
  staffId: string;
  name: string;
  roles: StaffRole[];
  /** null: every project of the company (admin, quality); otherwise the assigned projects only. */
  projectIds: string[] | null;
};

export type OwnerPrincipal = Versioned & {
  kind: 'owner';
  tenantId: string;
  personId: string;
  name: string;
  phone: string | null;
};

export type Principal = StaffPrincipal | OwnerPrincipal;
