import type { StaffPost, StaffRole } from '@manyi/core';
import type { staffProjects, staffUsers } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { demoPassword, frontlinePosts, type ProjectPlan } from './company';
import { personName } from './people';
import type { Random } from './random';

export type DemoLogin = { login: string; password: string; role: string };

type StaffRow = typeof staffUsers.$inferInsert & { id: string };
type AssignmentRow = typeof staffProjects.$inferInsert;

export type StaffContext = {
  random: Random;
  nextPhone: () => string;
  tenantId: string;
  passwordHash: string;
  /** Every company but the default demo gets a suffix, so the demo password never opens two companies' accounts (which would ask for a company code). */
  login: (base: string) => string;
  projects: readonly { id: string; plan: ProjectPlan }[];
};

export type StaffRows = {
  staff: StaffRow[];
  assignments: AssignmentRow[];
  /** Steward names by project id, for the actor of the residents' first timeline entries. */
  stewardNames: Map<string, string[]>;
  logins: DemoLogin[];
};

/**
 * The people who run the demo company: an administrator, a quality manager and a read-only
 * observer at head office; in each project a manager, stewards and frontline staff of every post.
 * The first project's manager, steward and repair technician carry the short showcase logins
 * (manager, steward, technician) that `manyi serve` prints.
 */
export function staffRows(context: StaffContext): StaffRows {
  const rows: StaffRows = { staff: [], assignments: [], stewardNames: new Map(), logins: [] };
  const add = (base: string, roles: StaffRole[], post: StaffPost | null, projectIds: readonly string[]) => {
    const name = personName(context.random, { gender: context.random.chance(0.5) ? 'male' : 'female', generation: 'adult' }).name;
    const row: StaffRow = {
      id: uuidv7(),
      tenantId: context.tenantId,
      login: context.login(base),
      name,
      phone: context.nextPhone(),
      passwordHash: context.passwordHash,
      roles,
      post,
    };
    rows.staff.push(row);
    for (const projectId of projectIds) rows.assignments.push({ tenantId: context.tenantId, staffId: row.id, projectId });
    return row;
  };
  const showcase = (row: StaffRow, role: StaffRole) => rows.logins.push({ login: row.login, password: demoPassword, role });

  showcase(add('admin', ['admin'], null, []), 'admin');
  showcase(add('quality', ['quality'], 'quality', []), 'quality');
  // Head-office observer (e.g. the general manager's office): read-only, but scoped like a project role.
  add(
    'viewer',
    ['viewer'],
    null,
    context.projects.map((project) => project.id),
  );

  context.projects.forEach(({ id, plan }, projectIndex) => {
    const first = projectIndex === 0;
    const manager = add(first ? 'manager' : `${plan.slug}.manager`, ['manager'], 'project_manager', [id]);
    if (first) showcase(manager, 'manager');
    const stewards: string[] = [];
    for (let number = 1; number <= plan.stewards; number += 1) {
      const steward = add(first && number === 1 ? 'steward' : `${plan.slug}.steward${number}`, ['steward'], 'steward', [id]);
      if (first && number === 1) showcase(steward, 'steward');
      stewards.push(steward.name);
    }
    rows.stewardNames.set(id, stewards);
    for (const { post, slug, count } of frontlinePosts) {
      for (let number = 1; number <= count; number += 1) {
        const showcaseTechnician = first && post === 'engineering' && number === 1;
        const technician = add(showcaseTechnician ? 'technician' : `${plan.slug}.${slug}${number}`, ['technician'], post, [id]);
        if (showcaseTechnician) showcase(technician, 'technician');
      }
    }
  });
  return rows;
}
