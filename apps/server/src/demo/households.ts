import { discStyles, householdSortKey, type HouseholdStatus, type PersonRole } from '@manyi/core';
import type { buildings, households, persons, timelineEvents, units } from '@manyi/db';
import { uuidv7 } from 'uuidv7';
import { nameInitials } from '../persons/initials';
import { firmPrefixes, officeFirms, shopKinds, type BuildingPlan, type ProjectPlan } from './company';
import { personName, type Gender, type Generation } from './people';
import type { Random } from './random';

/**
 * Expands one project plan into rows: buildings, units, households and the people living in
 * them, each with an opening timeline entry. Pure apart from ids: nothing here touches the
 * database, so the seed can build everything first and insert it in one transaction.
 */

type BuildingRow = typeof buildings.$inferInsert & { id: string };
type UnitRow = typeof units.$inferInsert & { id: string };
type HouseholdRow = typeof households.$inferInsert & { id: string };
type PersonRow = typeof persons.$inferInsert & { id: string };
type TimelineRow = typeof timelineEvents.$inferInsert;

export type ProjectRows = {
  buildings: BuildingRow[];
  units: UnitRow[];
  households: HouseholdRow[];
  persons: PersonRow[];
  timeline: TimelineRow[];
};

export type ResidentContext = {
  random: Random;
  nextPhone: () => string;
  tenantId: string;
  projectId: string;
  project: ProjectPlan;
  /** Stewards of the project: the first entries on the timeline name them as the actor. */
  stewardNames: readonly string[];
  now: Date;
};

const pad = (value: number) => String(value).padStart(2, '0');

function roomName(plan: ProjectPlan, floor: number, position: number): string {
  return plan.type === 'commercial' ? `L${floor}-${pad(position)}` : `${floor}${pad(position)}`;
}

/** Residential plans are identical floor to floor; suites and shops are partitioned, so their areas vary a little. */
function areaOf(context: ResidentContext, building: BuildingPlan, position: number): number {
  const base = building.areas[(position - 1) % building.areas.length]!;
  if (context.project.type === 'residential') return base;
  return Math.round(base * (0.9 + context.random.next() * 0.2) * 100) / 100;
}

export function projectRows(context: ResidentContext): ProjectRows {
  const { tenantId, projectId, project } = context;
  const rows: ProjectRows = { buildings: [], units: [], households: [], persons: [], timeline: [] };
  for (const plan of project.buildings) {
    const building: BuildingRow = { id: uuidv7(), tenantId, projectId, name: plan.name, floors: plan.floors.length };
    rows.buildings.push(building);
    const unitNames = plan.units === 0 ? [null] : Array.from({ length: plan.units }, (_, index) => String(index + 1));
    for (const unitName of unitNames) {
      const unit: UnitRow | null = unitName ? { id: uuidv7(), tenantId, projectId, buildingId: building.id, name: unitName } : null;
      if (unit) rows.units.push(unit);
      for (const floor of plan.floors) {
        for (let position = 1; position <= plan.roomsPerFloor; position += 1) {
          const room = roomName(project, floor, position);
          const household: HouseholdRow = {
            id: uuidv7(),
            tenantId,
            projectId,
            buildingId: building.id,
            unitId: unit?.id ?? null,
            room,
            area: areaOf(context, plan, position),
            status: context.random.weighted(project.statusWeights),
            sortKey: householdSortKey(plan.name, unitName, room),
          };
          rows.households.push(household);
          addResidents(context, household, rows);
        }
      }
    }
  }
  return rows;
}

type Resident = {
  role: PersonRole;
  gender: Gender;
  generation: Generation;
  hasPhone: boolean;
  tags: string[];
  note: string;
};

const opposite = (gender: Gender): Gender => (gender === 'male' ? 'female' : 'male');

/** Who is on file for one household: the owner always, then family or tenants by the household's use. */
function residentsOf(random: Random, project: ProjectPlan, status: HouseholdStatus): Resident[] {
  const ownerGender: Gender = random.chance(0.55) ? 'male' : 'female';
  const owner: Resident = {
    role: 'owner',
    gender: ownerGender,
    generation: random.chance(0.25) ? 'elder' : 'adult',
    hasPhone: true,
    tags: [],
    note: '',
  };
  const residents = [owner];
  if (status === 'decorating') owner.tags.push('装修中');
  if (project.type !== 'residential') {
    if (status !== 'vacant' && random.chance(project.rentedShare)) {
      const firm =
        project.type === 'office' ? `${random.pick(firmPrefixes)}${random.pick(officeFirms)}` : `${random.pick(firmPrefixes)}${random.pick(shopKinds)}`;
      residents.push({
        role: 'tenant',
        gender: random.chance(0.5) ? 'male' : 'female',
        generation: 'adult',
        hasPhone: true,
        tags: [],
        note: `${project.type === 'office' ? '租户单位' : '经营'}:${firm}`,
      });
      owner.note = '产权人,房屋已出租';
    }
    return residents;
  }
  if (status !== 'occupied') return residents;
  if (random.chance(project.rentedShare)) {
    owner.note = '房屋出租,业主不在本小区居住';
    const tenants = random.chance(0.4) ? 2 : 1;
    for (let index = 0; index < tenants; index += 1) {
      residents.push({ role: 'tenant', gender: random.chance(0.5) ? 'male' : 'female', generation: 'adult', hasPhone: true, tags: [], note: '' });
    }
    return residents;
  }
  if (owner.generation === 'elder' && random.chance(0.15)) {
    owner.tags.push('老人独居');
    return residents;
  }
  if (random.chance(0.65)) {
    const spouse: Resident = { role: 'family', gender: opposite(ownerGender), generation: owner.generation, hasPhone: true, tags: [], note: '' };
    if (spouse.gender === 'female' && spouse.generation === 'adult' && random.chance(0.04)) spouse.tags.push('孕妇');
    residents.push(spouse);
  }
  if (owner.generation === 'adult' && random.chance(0.5)) {
    const children = random.chance(0.3) ? 2 : 1;
    for (let index = 0; index < children; index += 1) {
      residents.push({ role: 'family', gender: random.chance(0.5) ? 'male' : 'female', generation: 'young', hasPhone: random.chance(0.4), tags: [], note: '' });
    }
  }
  if (owner.generation === 'adult' && random.chance(0.1)) {
    residents.push({ role: 'family', gender: random.chance(0.5) ? 'male' : 'female', generation: 'elder', hasPhone: random.chance(0.7), tags: [], note: '' });
  }
  if (random.chance(0.1)) owner.tags.push('有宠物');
  return residents;
}

const ownerTags: readonly (readonly [string, number])[] = [
  ['热心业主', 0.04],
  ['投诉敏感', 0.04],
];

function addResidents(context: ResidentContext, household: HouseholdRow, rows: ProjectRows): void {
  const { random, project } = context;
  const residents = residentsOf(random, project, household.status as HouseholdStatus);
  const southern = project.region === '华南区域';
  // Children take the father's surname: the owner's, or the spouse's when the owner is the mother.
  let childSurname: string | undefined;
  for (const resident of residents) {
    const surname = resident.role === 'family' && resident.generation === 'young' ? childSurname : undefined;
    const name = personName(random, { gender: resident.gender, generation: resident.generation, southern, ...(surname ? { surname } : {}) });
    if (resident.role === 'owner') childSurname = name.surname;
    else if (resident.role === 'family' && resident.generation !== 'young' && resident.gender === 'male') childSurname = name.surname;
    const tags = [...resident.tags];
    if (resident.role === 'owner') {
      for (const [tag, share] of ownerTags) if (random.chance(share)) tags.push(tag);
    }
    if (random.chance(0.008)) tags.push('残障');
    const person: PersonRow = {
      id: uuidv7(),
      tenantId: context.tenantId,
      projectId: context.projectId,
      householdId: household.id,
      name: name.name,
      nameInitials: nameInitials(name.name),
      role: resident.role,
      phone: resident.hasPhone ? context.nextPhone() : null,
      isVip: resident.role === 'owner' && random.chance(0.03),
      discStyle: resident.generation !== 'young' && random.chance(0.32) ? random.pick(discStyles.values) : null,
      tags,
      note: resident.note,
    };
    rows.persons.push(person);
    addTimeline(context, person, rows);
  }
}

const day = 24 * 60 * 60 * 1000;

/** Every profile opens with its registration; some show a later correction, as real files do. */
function addTimeline(context: ResidentContext, person: PersonRow, rows: ProjectRows): void {
  const { random, now } = context;
  const [from, to] = context.project.registeredDaysAgo;
  const daysAgo = random.int(from, to);
  // Office hours in Shanghai (09:00–18:00 +08:00 is 01:00–10:00 UTC).
  const registeredAt = new Date(now.getTime() - daysAgo * day);
  registeredAt.setUTCHours(random.int(1, 9), random.int(0, 59), random.int(0, 59), 0);
  const actorName = random.pick(context.stewardNames);
  rows.timeline.push({
    tenantId: context.tenantId,
    personId: person.id,
    householdId: person.householdId,
    kind: 'created',
    title: '住户档案建立',
    detail: null,
    actorName,
    occurredAt: registeredAt,
  });
  if (daysAgo > 60 && random.chance(0.12)) {
    const updatedAt = new Date(registeredAt.getTime() + random.int(20, daysAgo - 10) * day);
    rows.timeline.push({
      tenantId: context.tenantId,
      personId: person.id,
      householdId: person.householdId,
      kind: 'updated',
      title: '住户档案更新',
      detail: { fields: [random.pick(['phone', 'tags', 'note'])] },
      actorName: random.pick(context.stewardNames),
      occurredAt: updatedAt,
    });
  }
}
