import { householdSortKey } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { insertBatchRows } from './limits';
import {
  insertHouseholds,
  insertPersons,
  insertTimelineEvents,
  insertUnits,
  type ImportJobRow,
  type NewHousehold,
  type NewPerson,
  type NewTimelineEvent,
  type NewUnit,
} from './repository';
import type { ValidRow } from './validate';

export type ImportCounts = { units: number; households: number; persons: number };

/**
 * Writes validated rows inside the commit transaction in multi-row INSERTs of about a thousand:
 * new units first, then the households that first appear in the batch, then one person and one
 * 'imported' timeline event per row. Ids are made here (UUIDv7), so no INSERT needs RETURNING.
 */
export class ImportWriter {
  readonly counts: ImportCounts = { units: 0, households: 0, persons: 0 };
  readonly #db: Executor;
  readonly #job: ImportJobRow;
  readonly #actorName: string;
  readonly #now: Date;
  readonly #unitIds = new Map<string, string>();
  readonly #householdIds = new Map<string, string>();
  #pending: ValidRow[] = [];

  constructor(db: Executor, job: ImportJobRow, actorName: string, now: Date) {
    this.#db = db;
    this.#job = job;
    this.#actorName = actorName;
    this.#now = now;
  }

  async add(row: ValidRow): Promise<void> {
    this.#pending.push(row);
    if (this.#pending.length >= insertBatchRows) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.#pending;
    this.#pending = [];
    if (rows.length === 0) return;
    const { tenantId, projectId } = this.#job;

    const newUnits: NewUnit[] = [];
    const unitIdOf = (row: ValidRow): string | null => {
      if (!row.unit) return null;
      if (row.unit.id) return row.unit.id;
      const key = `${row.building.id}\u0001${row.unit.name}`;
      let id = this.#unitIds.get(key);
      if (!id) {
        id = uuidv7();
        this.#unitIds.set(key, id);
        newUnits.push({ id, tenantId, projectId, buildingId: row.building.id, name: row.unit.name });
      }
      return id;
    };

    const newHouseholds = rows
      .filter((row) => row.firstOfHousehold)
      .map((row): NewHousehold => {
        const id = uuidv7();
        this.#householdIds.set(row.householdKey, id);
        return {
          id,
          tenantId,
          projectId,
          buildingId: row.building.id,
          unitId: unitIdOf(row),
          room: row.room,
          area: row.area,
          status: row.status,
          sortKey: householdSortKey(row.building.name, row.unit?.name, row.room),
        };
      });

    const people = rows.map((row): NewPerson => ({
      id: uuidv7(),
      tenantId,
      projectId,
      householdId: this.#householdIds.get(row.householdKey)!,
      name: row.name,
      role: row.role,
      phone: row.phone,
      isVip: row.isVip,
      tags: row.tags,
      note: row.note,
    }));
    const events = people.map((person, index): NewTimelineEvent => ({
      id: uuidv7(),
      tenantId,
      personId: person.id,
      householdId: person.householdId,
      kind: 'imported',
      title: '批量导入建档',
      detail: { importJobId: this.#job.id, fileName: this.#job.fileName, row: rows[index]!.row },
      actorName: this.#actorName,
      occurredAt: this.#now,
    }));

    await insertUnits(this.#db, newUnits);
    await insertHouseholds(this.#db, newHouseholds);
    await insertPersons(this.#db, people);
    await insertTimelineEvents(this.#db, events);
    this.counts.units += newUnits.length;
    this.counts.households += newHouseholds.length;
    this.counts.persons += people.length;
  }
}
