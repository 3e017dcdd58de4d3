import type { AbilityName } from '@manyi/contracts/abilities';
import type { loginBody, passwordChangeBody } from '@manyi/contracts/auth';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';
import { api } from './client';
import type { Me } from './types';

/**
 * Whether the user holds an ability: GET /auth/me's abilities, computed by the server from the policy
 * that enforces them (apps/server/src/policy/policy.ts). The console keeps no role lists; the server checks again.
 */
export function holdsAbility(me: Me | null | undefined, ability: AbilityName): boolean {
  return me?.abilities.permissions.includes(ability) ?? false;
}

export const meKey = ['auth', 'me'] as const;

/** The signed-in staff member, or null when there is no session (401 is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof loginBody>) => api.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      // A different person may sign in on the same tab: nothing cached may leak across.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** The signed-in user's ability (false while /auth/me loads). */
export function useAbility(ability: AbilityName): boolean {
  return holdsAbility(useMe().data, ability);
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Sent<typeof passwordChangeBody>) => api.post<void>('/auth/password', body),
  });
}
