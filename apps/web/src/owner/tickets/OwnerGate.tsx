import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useOwnerMe } from '../../api/owner';
import type { OwnerMe } from '../../api/types';
import { ownerLoginPath } from '../OwnerFrame';
import { PageSpin } from '../ui';

/** Owner pages need a signed-in owner; without one the phone goes back to the sign-in page. */
export function OwnerGate({ children }: { children: (owner: OwnerMe) => ReactNode }) {
  const me = useOwnerMe();
  if (me.isPending) return <PageSpin />;
  if (!me.data) return <Navigate to={ownerLoginPath()} replace />;
  return <>{children(me.data)}</>;
}
