import { personRoles } from '@manyi/core';
import { z } from 'zod';
import { phoneField } from './persons';

export const otpRequestBody = z.object({ tenantCode: z.string().trim().min(1).max(40), phone: phoneField });
export const otpVerifyBody = otpRequestBody.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'otp_format' }),
});
export const inviteRedeemBody = z.object({ token: z.string().trim().min(20).max(100) });

export const ownerMe = z.object({
  kind: z.literal('owner'),
  person: z.object({ id: z.uuid(), name: z.string(), role: z.enum(personRoles.values), phone: z.string().nullable() }),
  tenant: z.object({ code: z.string(), name: z.string() }),
  households: z.array(z.object({ id: z.uuid(), label: z.string(), projectName: z.string() })),
});
export type OwnerMe = z.infer<typeof ownerMe>;
