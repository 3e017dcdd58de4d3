import { z } from 'zod';
import {
  populationFilter,
  quota,
  samplingInput,
  type CampaignView,
  type PlanView,
  type PopulationFilter,
  type SamplingInput,
} from '@manyi/contracts/campaigns';
import type { CampaignRow, CampaignWithSurvey } from './repository';

const emptyPopulation: PopulationFilter = { projectIds: [], buildingIds: [], householdStatuses: [], ownerTags: [] };

/** Stored jsonb read back leniently: rows written by other modules' fixtures carry only { kind: 'census' }. */
export function readCampaign(row: CampaignRow) {
  const population = populationFilter.safeParse(row.population ?? {}).data ?? emptyPopulation;
  const sampling: SamplingInput = samplingInput.safeParse(row.sampling).data ?? { kind: 'census' };
  const stored = (row.sampling ?? {}) as { plan?: PlanView };
  const quotas = z.array(quota).safeParse(row.quotas ?? []).data ?? [];
  const reminderIntervalHours = z.object({ intervalHours: z.number().int() }).safeParse(row.reminders).data?.intervalHours ?? 48;
  return { population, sampling, plan: stored.plan, quotas, reminderIntervalHours };
}

export function presentCampaign({ campaign, surveyName }: CampaignWithSurvey): CampaignView {
  const { population, sampling, plan, quotas, reminderIntervalHours } = readCampaign(campaign);
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status as CampaignView['status'],
    surveyId: campaign.surveyId,
    surveyName,
    surveyVersion: campaign.surveyVersion,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    previousCampaignId: campaign.previousCampaignId,
    contactIntervalDays: campaign.contactIntervalDays,
    reminderIntervalHours,
    population,
    quotas,
    createdAt: campaign.createdAt,
    plan: plan ?? {
      kind: sampling.kind,
      by: null,
      marginOfError: null,
      confidence: null,
      expectedResponseRate: null,
      seed: null,
      matched: 0,
      excludedByContact: 0,
      population: 0,
      sampleWithoutCorrection: null,
      sampleSize: 0,
      invitations: 0,
      strata: [],
    },
  };
}
