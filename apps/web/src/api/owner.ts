import type { inviteRedeemBody, otpRequestBody, otpVerifyBody } from '@manyi/contracts/owners';
import type { Sent } from '@manyi/contracts/wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { ApiError } from './problem';
import type { OwnerMe } from './types';

export const ownerMeKey = ['owner', 'me'] as const;

export function useOwnerMe() {
  return useQuery({
    queryKey: ownerMeKey,
    queryFn: async () => {
      try {
        return await api.get<OwnerMe>('/owner/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useRequestOtp() {
  return useMutation({
    mutationFn: (body: Sent<typeof otpRequestBody>) => api.post<void>('/owner-auth/otp/request', body),
  });
}

export function useVerifyOtp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof otpVerifyBody>) => api.post<OwnerMe>('/owner-auth/otp/verify', body),
    onSuccess: (me) => queryClient.setQueryData(ownerMeKey, me),
  });
}

export function useRedeemInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<OwnerMe>('/owner-auth/invite/redeem', { token } satisfies Sent<typeof inviteRedeemBody>),
    onSuccess: (me) => queryClient.setQueryData(ownerMeKey, me),
  });
}

export function useOwnerLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/owner/logout'),
    onSettled: () => queryClient.setQueryData(ownerMeKey, null),
  });
}
