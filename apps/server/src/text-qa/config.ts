/**
 * The text engine's configuration of a company: @manyi/text's base merged with the company's additions (stored
 * under `textQa` in tenant_settings.data), kept per instance while the company's settings version stands, so the
 * typing check does not read or compile rules on every keystroke.
 */
import { baseTextConfig, mergeTextConfig, validateCompanyAdditions, type CompanyTextAdditions, type TextConfig } from '@manyi/text';
import type { Executor } from '@manyi/db';
import { readSettingsData } from '../company-settings/repository';
import { versionedCache } from '../company-version/cache';

export async function readTextAdditions(db: Executor, tenantId: string): Promise<CompanyTextAdditions> {
  const stored = (await readSettingsData(db, tenantId))?.textQa;
  const checked = validateCompanyAdditions(stored ?? {});
  return checked.ok ? checked.value : {};
}

export const companyTextConfig = versionedCache(async (db, tenantId): Promise<TextConfig> => {
  const additions = await readTextAdditions(db, tenantId);
  return Object.keys(additions).length === 0 ? baseTextConfig : mergeTextConfig(baseTextConfig, additions);
});
