import type { CampaignStatus } from '../../api/campaigns';
import { useMe } from '../../api/auth';

export const campaignStatusColours: Record<CampaignStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

/** Mirrors the server's campaign.manage (admin, quality); the server checks again. */
export function useCanManageCampaigns(): boolean {
  const me = useMe();
  return (me.data?.roles ?? []).some((role) => role === 'admin' || role === 'quality');
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
