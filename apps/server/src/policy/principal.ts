import type { StaffRole } from '@manyi/core';

export type StaffPrincipal = {
  kind: 'staff';
  tenantId: string;
  staffId: string;
  name: string;
  roles: StaffRole[];
  /** null: every project of the company (admin, quality); otherwise the assigned projects only. */
  projectIds: string[] | null;
};

export type OwnerPrincipal = {
  kind: 'owner';
  tenantId: string;
  personId: string;
  name: string;
  phone: string | null;
};

export type Principal = StaffPrincipal | OwnerPrincipal;
