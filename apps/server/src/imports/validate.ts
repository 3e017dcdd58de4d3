import { householdLabel, normalisePhone, type HouseholdStatus, type Label, type PersonRole } from '@manyi/core';
import {
  canonicalBuildingName,
  canonicalUnitName,
  invalid,
  parseArea,
  parseRole,
  parseStatus,
  parseTags,
  parseVip,
  roleChoices,
  statusChoices,
  vipChoices,
} from './cells';
import { headerOf, type ColumnIndexes, type ColumnKey } from './columns';
import { rowMessages, type RowErrorCode, type StoredRowError } from './messages';
import type { SheetRow } from './reader';

/** What the database already holds for the project, read once per pass. */
export type ProjectSnapshot = {
  buildings: { id: string; name: string }[];
  units: { id: string; buildingId: string; name: string }[];
  rooms: { buildingId: string; unitId: string | null; room: string }[];
};

type Building = { id: string; name: string };
/** An existing unit has an id; a unit the file names but the building lacks is created on commit. */
export type ResolvedUnit = { id: string | null; name: string };

export type ValidRow = {
  row: number;
  building: Building;
  unit: ResolvedUnit | null;
  room: string;
  /** Identifies the household within the pass: building, unit and room. */
  householdKey: string;
  /** The first row of its household carries the household's area and status. */
  firstOfHousehold: boolean;
  area: number | null;
  status: HouseholdStatus;
  name: string;
  role: PersonRole;
  phone: string | null;
  isVip: boolean;
  tags: string[];
  note: string;
};

export type RowResult = { ok: true; value: ValidRow } | { ok: false; errors: StoredRowError[] };

const separator = '\u0001';
const limits = { building: 40, unit: 40, room: 20, name: 50, note: 1000, tag: 20, tags: 20 } as const;

/**
 * Checks one roster row at a time against the project and against the rows before it, so a pass
 * over 100,000 rows keeps only small maps in memory. The dry run and the commit use the same
 * validator, so a commit refuses exactly what a dry run would.
 */
export class RowValidator {
  readonly #indexes: ColumnIndexes;
  readonly #buildings = new Map<string, Building>();
  /** Canonical name → building; null when two buildings share a canonical name (then only exact names match). */
  readonly #buildingsByCanonical = new Map<string, Building | null>();
  readonly #units = new Map<string, { id: string; name: string }[]>();
  readonly #existingRooms = new Set<string>();
  readonly #households = new Map<string, { row: number; area: number | null; status: HouseholdStatus | null }>();
  readonly #persons = new Map<string, number>();

  constructor(snapshot: ProjectSnapshot, indexes: ColumnIndexes) {
    this.#indexes = indexes;
    for (const building of snapshot.buildings) {
      this.#buildings.set(building.name, building);
      const canonical = canonicalBuildingName(building.name);
      this.#buildingsByCanonical.set(canonical, this.#buildingsByCanonical.has(canonical) ? null : building);
    }
    for (const unit of snapshot.units) {
      const list = this.#units.get(unit.buildingId) ?? [];
      list.push({ id: unit.id, name: unit.name });
      this.#units.set(unit.buildingId, list);
    }
    for (const room of snapshot.rooms) this.#existingRooms.add([room.buildingId, room.unitId ?? '', room.room].join(separator));
  }

  #building(name: string): Building | undefined {
    return this.#buildings.get(name) ?? this.#buildingsByCanonical.get(canonicalBuildingName(name)) ?? undefined;
  }

  #unit(buildingId: string, name: string): ResolvedUnit {
    const units = this.#units.get(buildingId) ?? [];
    const exact = units.find((unit) => unit.name === name);
    if (exact) return exact;
    const canonical = canonicalUnitName(name);
    const alike = units.filter((unit) => canonicalUnitName(unit.name) === canonical);
    return alike.length === 1 ? alike[0]! : { id: null, name: canonical };
  }

  check(sheetRow: SheetRow): RowResult {
    const { row, cells } = sheetRow;
    const errors: StoredRowError[] = [];
    const text = (key: ColumnKey) => {
      const index = this.#indexes[key];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const fail = (key: ColumnKey | null, code: RowErrorCode, messages: Label) => {
      errors.push({ row, column: key ? headerOf(key) : null, code, messages });
    };
    const required = (key: ColumnKey, max: number): string => {
      const value = text(key);
      if (value === '') fail(key, 'missing_field', rowMessages.missingField(headerOf(key)));
      else if (value.length > max) fail(key, 'too_long', rowMessages.tooLong(headerOf(key), max));
      return value;
    };

    const buildingName = required('building', limits.building);
    const building = buildingName === '' ? undefined : this.#building(buildingName);
    if (buildingName !== '' && !building) fail('building', 'unknown_building', rowMessages.unknownBuilding(buildingName));
    const unitName = text('unit');
    if (unitName.length > limits.unit) fail('unit', 'too_long', rowMessages.tooLong(headerOf('unit'), limits.unit));
    const room = required('room', limits.room);

    const area = parseArea(text('area'));
    if (area === invalid) fail('area', 'invalid_value', rowMessages.invalidArea(text('area')));
    const status = parseStatus(text('status'));
    if (status === invalid) fail('status', 'invalid_value', rowMessages.invalidValue(headerOf('status'), text('status'), statusChoices.join(' / ')));

    const name = required('name', limits.name);
    const role = parseRole(text('role'));
    if (role === invalid) fail('role', 'invalid_value', rowMessages.invalidValue(headerOf('role'), text('role'), roleChoices.join(' / ')));
    const phoneText = text('phone');
    const phone = phoneText === '' ? null : normalisePhone(phoneText);
    if (phoneText !== '' && phone === null) fail('phone', 'bad_phone', rowMessages.badPhone(phoneText));
    const isVip = parseVip(text('vip'));
    if (isVip === invalid) fail('vip', 'invalid_value', rowMessages.invalidValue(headerOf('vip'), text('vip'), vipChoices.join(' / ')));
    const tags = parseTags(text('tags'));
    if (tags.length > limits.tags) fail('tags', 'too_long', rowMessages.tooManyTags(limits.tags));
    else if (tags.some((tag) => tag.length > limits.tag)) fail('tags', 'too_long', rowMessages.tooLong(headerOf('tags'), limits.tag));
    const note = text('note');
    if (note.length > limits.note) fail('note', 'too_long', rowMessages.tooLong(headerOf('note'), limits.note));

    let householdKey = '';
    let firstOfHousehold = false;
    const unit = building && unitName !== '' ? this.#unit(building.id, unitName) : null;
    if (building && room !== '' && room.length <= limits.room) {
      householdKey = [building.id, unit ? (unit.id ?? `new:${unit.name}`) : '', room].join(separator);
      if (this.#existingRooms.has(householdKey)) {
        fail('room', 'duplicate_room', rowMessages.roomExists(householdLabel(building.name, unit?.name, room)));
      } else {
        const household = this.#households.get(householdKey);
        const givenStatus = status === invalid ? null : status;
        const givenArea = area === invalid ? null : area;
        if (!household) {
          firstOfHousehold = true;
          this.#households.set(householdKey, { row, area: givenArea, status: givenStatus });
        } else {
          if (givenArea !== null && givenArea !== household.area) {
            fail('area', 'conflicting_household', rowMessages.conflictingHousehold(headerOf('area'), household.row));
          }
          if (givenStatus !== null && givenStatus !== household.status) {
            fail('status', 'conflicting_household', rowMessages.conflictingHousehold(headerOf('status'), household.row));
          }
        }
        if (name !== '') {
          const personKey = householdKey + separator + name;
          const earlier = this.#persons.get(personKey);
          if (earlier !== undefined) fail('name', 'duplicate_room', rowMessages.repeatedRow(earlier));
          else this.#persons.set(personKey, row);
        }
      }
    }

    if (errors.length > 0 || !building) return { ok: false, errors };
    return {
      ok: true,
      value: {
        row,
        building,
        unit,
        room,
        householdKey,
        firstOfHousehold,
        area: area === invalid ? null : area,
        status: status === invalid || status === null ? 'occupied' : status,
        name,
        role: role === invalid || role === null ? 'owner' : role,
        phone,
        isVip: isVip === true,
        tags,
        note,
      },
    };
  }
}
