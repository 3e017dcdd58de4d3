import type { Executor } from '@manyi/db';
import { listCategories, type CategoryRow } from '../categories/repository';
import { versionedCache } from '../company-version/cache';
import { liveIncidentsOf, type IncidentRow } from '../incidents/repository';
import type { DetectionSettings } from '@manyi/contracts/incidents';
import { readDetectionSettings } from '../incidents/settings';
import { loadSlaInputs, type SlaInputs } from './sla-port';

/** What every ticket receipt reads of its company's configuration. */
export type DeskSettings = {
  categories: Map<string, CategoryRow>;
  sla: SlaInputs;
  detection: DetectionSettings;
  /** Incidents still proposed, confirmed or published, newest first, every project. */
  liveIncidents: IncidentRow[];
};

async function loadDeskSettings(db: Executor, tenantId: string): Promise<DeskSettings> {
  // One after the other: inside a transaction they share its one connection.
  const categories = new Map((await listCategories(db, tenantId)).map((row) => [row.code, row]));
  const sla = await loadSlaInputs(db, tenantId);
  const detection = await readDetectionSettings(db, tenantId);
  const liveIncidents = await liveIncidentsOf(db, tenantId);
  return { categories, sla, detection, liveIncidents };
}

/**
 * The company's desk settings, from this instance's memory while its settings version has not
 * moved (company-version/cache.ts): a receipt then reads none of them from the database.
 * `knownVersion`: the principal's `settingsVersion`, when the request has one.
 */
export const deskSettings: (db: Executor, tenantId: string, knownVersion?: number) => Promise<DeskSettings> = versionedCache(loadDeskSettings);
