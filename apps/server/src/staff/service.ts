import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { hashPassword, isStrongPassword } from '../auth/password';
import { setStaffPassword } from '../auth/repository';
import { deleteStaffSessions } from '../auth/session-repository';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { isUniqueViolation } from '../http/db-errors';
import { decodeCursor, toPage } from '../http/pagination';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { countKnownProjects, findStaffView, insertStaffUser, listStaff, replaceAssignments, updateStaffUser } from './repository';
import type { passwordReset, staffBody, staffPatch, staffQuery, StaffView } from '@manyi/contracts/staff';

const weakPassword = () => fieldProblem('password', messageFor('weak_password'), 400);
const unknownProjects = () => fieldProblem('projectIds', { 'zh-CN': '包含不存在的项目', 'en-US': 'Contains unknown projects' });

export async function searchStaff(context: Context, query: z.infer<typeof staffQuery>) {
  requirePermission(context.principal, 'staff.read');
  const { cursor, limit, ...filter } = query;
  const [after] = decodeCursor(cursor, 1) ?? [];
  const rows = await listStaff(context.db, context.principal.tenantId, context.principal.projectIds, filter, after === undefined ? null : String(after), limit);
  return toPage(rows, limit, (row) => [row.id]);
}

export async function getStaff(context: Context, id: string): Promise<StaffView> {
  requirePermission(context.principal, 'staff.read');
  const view = await findStaffView(context.db, context.principal.tenantId, id);
  const scope = context.principal.projectIds;
  if (!view || (scope !== null && !view.projectIds.some((projectId) => scope.includes(projectId)))) throw notFound();
  return view;
}

async function checkProjects(context: Context, projectIds: string[]) {
  const distinct = [...new Set(projectIds)];
  if ((await countKnownProjects(context.db, context.principal.tenantId, distinct)) !== distinct.length) throw unknownProjects();
  return distinct;
}

export async function createStaff(context: Context, input: z.infer<typeof staffBody>): Promise<StaffView> {
  requirePermission(context.principal, 'staff.manage');
  if (!isStrongPassword(input.password)) throw weakPassword();
  const projectIds = await checkProjects(context, input.projectIds);
  const passwordHash = await hashPassword(input.password);
  const tenantId = context.principal.tenantId;
  try {
    const id = await context.db.transaction(async (tx) => {
      const created = await insertStaffUser(tx, {
        tenantId,
        login: input.login,
        name: input.name,
        phone: input.phone ?? null,
        passwordHash,
        roles: input.roles,
        post: input.post ?? null,
      });
      await replaceAssignments(tx, tenantId, created.id, projectIds);
      await recordAudit(tx, context, {
        action: 'create',
        entityType: 'staff',
        entityId: created.id,
        summary: `新建员工 ${input.name}(${input.login})`,
        after: { ...created, projectIds },
      });
      return created.id;
    });
    return getStaff(context, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldProblem('login', { 'zh-CN': '该账号已被使用', 'en-US': 'This login is already taken' }, 409);
    throw error;
  }
}

export async function updateStaff(context: Context, id: string, input: z.infer<typeof staffPatch>): Promise<StaffView> {
  requirePermission(context.principal, 'staff.manage');
  const before = await getStaff(context, id);
  if (id === context.principal.staffId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
    throw new HttpProblem(409, 'self_lockout', {
      'zh-CN': '不能停用自己或移除自己的管理员角色',
      'en-US': 'You cannot disable yourself or drop your own admin role',
    });
  }
  const projectIds = input.projectIds ? await checkProjects(context, input.projectIds) : undefined;
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const { projectIds: _ignored, ...fields } = input;
    await updateStaffUser(tx, tenantId, id, { ...fields, updatedAt: context.clock.now() });
    if (projectIds) await replaceAssignments(tx, tenantId, id, projectIds);
    if (input.active === false) await deleteStaffSessions(tx, tenantId, id);
    const after = { ...before, ...fields, ...(projectIds && { projectIds }) };
    await recordAudit(tx, context, { action: 'update', entityType: 'staff', entityId: id, summary: `修改员工 ${before.name}`, before, after });
  });
  return getStaff(context, id);
}

export async function resetPassword(context: Context, id: string, input: z.infer<typeof passwordReset>): Promise<void> {
  requirePermission(context.principal, 'staff.manage');
  const staff = await getStaff(context, id);
  if (!isStrongPassword(input.password)) throw weakPassword();
  const passwordHash = await hashPassword(input.password);
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    await setStaffPassword(tx, tenantId, id, passwordHash, context.clock.now());
    await deleteStaffSessions(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'password_reset', entityType: 'staff', entityId: id, summary: `重置 ${staff.name} 的密码` });
  });
}
