import type { AbilityName } from '@manyi/contracts/abilities';
import { Navigate } from 'react-router-dom';
import { useMe } from '../api/auth';

/**
 * Where a signed-in staff member lands (issue 15 §3): on their work, read from the abilities the
 * server computed (GET /auth/me), never from role names. The quality department and the admin
 * design the method (survey.design) and land on the analytics home (/home: the company's figures);
 * stewards and managers run the queue (ticket.manage); a technician only notes and works tickets,
 * so lands on their tasks on the phone pages (/m/tasks).
 */
export function landingPath(permissions: readonly AbilityName[]): string {
  if (permissions.includes('survey.design')) return '/home';
  if (permissions.includes('ticket.manage')) return '/service-desk';
  if (permissions.includes('ticket.note')) return '/m/tasks';
  return '/projects';
}

/** The console's index route: straight to the landing, no blank page in between (RequireStaff has /auth/me loaded). */
export function Landing() {
  const me = useMe();
  return <Navigate to={landingPath(me.data?.abilities.permissions ?? [])} replace />;
}
