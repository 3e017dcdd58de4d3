import type { CampaignStatus } from '../../api/campaigns';
import { useAbility } from '../../api/auth';

export const campaignStatusColours: Record<CampaignStatus, string> = { draft: 'default', open: 'processing', closed: 'success' };

/** The 'campaign.manage' ability; the server checks again. */
export function useCanManageCampaigns(): boolean {
  return useAbility('campaign.manage');
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
