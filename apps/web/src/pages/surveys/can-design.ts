import { useMe } from '../../api/auth';

/** The server's 'survey.design' permission (apps/server/src/policy/policy.ts): others may look but not change. */
export function useCanDesign(): boolean {
  const me = useMe();
  return (me.data?.roles ?? []).some((role) => role === 'admin' || role === 'quality');
}
