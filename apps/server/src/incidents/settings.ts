import { defaultGroupComplaintOptions } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import { mergeSettingsData, readSettingsData } from '../company-settings/repository';
import { settingsChanged, versionedCache } from '../company-version/cache';
import type { Context } from '../http/context';
import { HttpProblem } from '../http/problem';
import { holds, requirePermission } from '../policy/policy';
import { detectionSettings, type DetectionSettings } from '@manyi/contracts/incidents';
import { incidentMessages } from './vocabulary';

/** K = 5 households within T = 24 hours unless the company chose otherwise (core's defaults). */
export const defaultDetectionSettings: DetectionSettings = {
  minimumHouseholds: defaultGroupComplaintOptions.minimumHouseholds,
  windowHours: defaultGroupComplaintOptions.windowHours,
};

/** The company's K and T; a missing or malformed stored value falls back to the default, field by field. */
export async function readDetectionSettings(db: Executor, tenantId: string): Promise<DetectionSettings> {
  const stored = (await readSettingsData(db, tenantId))?.groupDetection;
  const parsed = detectionSettings.partial().safeParse(stored ?? {});
  return { ...defaultDetectionSettings, ...(parsed.success ? parsed.data : {}) };
}

/** readDetectionSettings from memory while the company's settings version stands (company-version/cache.ts). */
export const companyDetectionSettings: (db: Executor, tenantId: string, knownVersion?: number) => Promise<DetectionSettings> =
  versionedCache(readDetectionSettings);

export async function getDetectionSettings(context: Context): Promise<DetectionSettings> {
  return readDetectionSettings(context.db, context.principal.tenantId);
}

/** A company-wide rule, so only company-wide roles (admin, quality) change it. */
export async function saveDetectionSettings(context: Context, input: DetectionSettings): Promise<DetectionSettings> {
  requirePermission(context.principal, 'incident.manage');
  if (!holds(context.principal, 'incident.settings')) throw new HttpProblem(403, 'forbidden', incidentMessages.company_wide_only);
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await readDetectionSettings(tx, tenantId);
    const patch = { groupDetection: input };
    await mergeSettingsData(tx, tenantId, patch, context.clock.now());
    await settingsChanged(tx, tenantId);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'tenant_settings',
      entityId: tenantId,
      summary: '修改群体事件识别阈值',
      before,
      after: input,
    });
  });
  return readDetectionSettings(context.db, tenantId);
}
