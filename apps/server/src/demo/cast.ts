import { householdLabel, type StaffPost, type StaffRole } from '@manyi/core';
import { isCompanyWide } from '../policy/policy';
import type { OwnerPrincipal, StaffPrincipal } from '../http/principal';
import type { ProjectPlan } from './company';
import type { ProjectRows } from './households';
import type { StaffRows } from './staff';

/**
 * The people of the demo's service-desk story, picked from the rows the seed has just built: each
 * project's manager, stewards and frontline staff as signed-in principals, and homes with their
 * owners. Picks are by position (the 3rd occupied flat of 9栋), so with the seeded random source
 * the story always happens to the same people.
 */

export type ProjectCast = {
  id: string;
  plan: ProjectPlan;
  manager: StaffPrincipal;
  stewards: StaffPrincipal[];
  byPost: (post: StaffPost, index?: number) => StaffPrincipal;
};

export type Home = {
  householdId: string;
  /** The flat as stewards write it, for a ticket's location (9栋2单元1502). */
  label: string;
  owner: OwnerPrincipal;
  /** Everyone on file for the flat, for notices they read. */
  residents: OwnerPrincipal[];
};

export type Cast = {
  admin: StaffPrincipal;
  quality: StaffPrincipal;
  project: (code: string) => ProjectCast;
  /** The index-th occupied household (0-based) of a building of the project. */
  home: (code: string, building: string, index: number) => Home;
  /** Every household of a building, for a notice's read receipts. */
  homesOf: (code: string, building: string) => Home[];
  buildingId: (code: string, building: string) => string;
};

export type CastInput = {
  tenantId: string;
  projects: readonly { id: string; plan: ProjectPlan }[];
  staff: StaffRows;
  rows: ProjectRows;
};

export function castOf(input: CastInput): Cast {
  const { tenantId, staff, rows } = input;
  const projectsOf = new Map<string, string[]>();
  for (const assignment of staff.assignments) projectsOf.set(assignment.staffId, [...(projectsOf.get(assignment.staffId) ?? []), assignment.projectId]);
  const principals = staff.staff.map((row) => {
    const roles = row.roles as StaffRole[];
    const principal: StaffPrincipal = {
      kind: 'staff',
      tenantId,
      staffId: row.id,
      name: row.name,
      roles,
      projectIds: isCompanyWide(roles) ? null : (projectsOf.get(row.id) ?? []),
    };
    return { principal, post: row.post as StaffPost | null, projectIds: projectsOf.get(row.id) ?? [] };
  });
  const withRole = (role: StaffRole) => principals.find((item) => item.principal.roles.includes(role))!.principal;

  const projects = new Map(
    input.projects.map(({ id, plan }) => {
      const here = principals.filter((item) => item.projectIds.length === 1 && item.projectIds[0] === id);
      const ofPost = (post: StaffPost) => here.filter((item) => item.post === post).map((item) => item.principal);
      const cast: ProjectCast = {
        id,
        plan,
        manager: ofPost('project_manager')[0]!,
        stewards: ofPost('steward'),
        byPost: (post, index = 0) => {
          const people = ofPost(post);
          const person = people[index % people.length];
          if (!person) throw new Error(`demo: no ${post} in ${plan.code}`);
          return person;
        },
      };
      return [plan.code, cast];
    }),
  );
  const project = (code: string) => {
    const cast = projects.get(code);
    if (!cast) throw new Error(`demo: no project ${code}`);
    return cast;
  };

  const buildingNames = new Map(rows.buildings.map((building) => [building.id, building.name]));
  const unitNames = new Map(rows.units.map((unit) => [unit.id, unit.name]));
  const residentsOf = new Map<string, OwnerPrincipal[]>();
  const ownerOf = new Map<string, OwnerPrincipal>();
  for (const person of rows.persons) {
    const principal: OwnerPrincipal = { kind: 'owner', tenantId, personId: person.id, name: person.name, phone: person.phone ?? null };
    residentsOf.set(person.householdId!, [...(residentsOf.get(person.householdId!) ?? []), principal]);
    if (person.role === 'owner') ownerOf.set(person.householdId!, principal);
  }
  const homeOf = (household: ProjectRows['households'][number]): Home => {
    const building = buildingNames.get(household.buildingId) ?? '';
    const unit = household.unitId ? (unitNames.get(household.unitId) ?? null) : null;
    return {
      householdId: household.id,
      label: householdLabel(building, unit, household.room),
      owner: ownerOf.get(household.id)!,
      residents: residentsOf.get(household.id) ?? [],
    };
  };
  const householdsOf = (code: string, building: string) => {
    const projectId = project(code).id;
    const buildingIds = new Set(rows.buildings.filter((row) => row.projectId === projectId && row.name === building).map((row) => row.id));
    return rows.households.filter((household) => buildingIds.has(household.buildingId));
  };
  return {
    admin: withRole('admin'),
    quality: withRole('quality'),
    project,
    home: (code, building, index) => {
      const occupied = householdsOf(code, building).filter((household) => household.status === 'occupied');
      const household = occupied[index];
      if (!household) throw new Error(`demo: ${code} ${building} has no occupied household #${index}`);
      return homeOf(household);
    },
    homesOf: (code, building) => householdsOf(code, building).map(homeOf),
    buildingId: (code, building) => {
      const projectId = project(code).id;
      const row = rows.buildings.find((item) => item.projectId === projectId && item.name === building);
      if (!row) throw new Error(`demo: ${code} has no building ${building}`);
      return row.id;
    },
  };
}
