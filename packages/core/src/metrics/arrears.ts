/**
 * Households in arrears (欠费户, issue 16 §4; seed 002 asks for 施工遗留问题占拖欠费的比率, the share of
 * unpaid fees owed by owners who withhold them over construction defects left by the developer).
 *
 * checkArrearsRows reads an import's rows (one per household: project, building, unit, room, amount
 * owed, months owed, reason) and keeps every valid row, reporting each bad one: an unknown project
 * or household, a household named twice, a negative or non-numeric amount, months not a whole
 * number, a reason not in the list. The reasons are the collection staff's own words mapped onto
 * five kinds; an empty reason is 'unknown' (未登记).
 *
 * arrearsShares: the share of the amount owed, and of the households, whose reason is each kind —
 * construction's share is the seed's 施工遗留问题占拖欠费的比率. (Assumption: the reason recorded by the
 * staff is the cause; the console sets it beside the households' open complaints so it can be checked.)
 */
export const arrearsReasons = ['construction', 'service', 'hardship', 'other', 'unknown'] as const;
export type ArrearsReason = (typeof arrearsReasons)[number];

const reasonWords: Record<ArrearsReason, string[]> = {
  construction: ['施工遗留', '施工遗留问题', '工程遗留', '房屋质量', '开发商遗留', 'construction'],
  service: ['服务不满', '对服务不满', '物业服务', 'service'],
  hardship: ['经济困难', '困难', 'hardship'],
  other: ['其他', 'other'],
  unknown: ['', '未登记', '不详', 'unknown'],
};

export function arrearsReasonOf(text: string): ArrearsReason | null {
  const cleaned = text.trim().toLowerCase();
  return arrearsReasons.find((reason) => reasonWords[reason].includes(cleaned)) ?? null;
}

export type ArrearsRowInput = { row: number; project: string; building: string; unit: string; room: string; amount: string; months: string; reason: string };
export type ArrearsRow = { row: number; householdId: string; projectId: string; amount: number; months: number; reason: ArrearsReason };
export const arrearsProblemCodes = [
  'missing',
  'unknown_project',
  'unknown_household',
  'not_a_number',
  'negative',
  'not_whole',
  'bad_reason',
  'duplicate_household',
] as const;
export type ArrearsProblemCode = (typeof arrearsProblemCodes)[number];
export type ArrearsProblem = { row: number; field: keyof Omit<ArrearsRowInput, 'row'>; code: ArrearsProblemCode; value: string };

const number = (text: string): number | null => {
  const cleaned = text.replace(/[,，\s¥￥元个月]/g, '');
  return cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned) ? null : Number(cleaned);
};

/**
 * `projects`: code and name → project id; `households`: `${projectId}/${building}/${unit}/${room}` →
 * household id (unit '' for none), as householdKey makes it.
 */
export function checkArrearsRows(
  rows: readonly ArrearsRowInput[],
  projects: ReadonlyMap<string, string>,
  households: ReadonlyMap<string, string>,
): { valid: ArrearsRow[]; problems: ArrearsProblem[] } {
  const valid: ArrearsRow[] = [];
  const problems: ArrearsProblem[] = [];
  const seen = new Set<string>();
  for (const input of rows) {
    const found: ArrearsProblem[] = [];
    const problem = (field: ArrearsProblem['field'], code: ArrearsProblemCode) => found.push({ row: input.row, field, code, value: input[field] });
    const projectId = projects.get(input.project.trim());
    if (!input.project.trim()) problem('project', 'missing');
    else if (!projectId) problem('project', 'unknown_project');
    if (!input.room.trim()) problem('room', 'missing');
    const householdId = projectId ? households.get(householdKey(projectId, input.building, input.unit, input.room)) : undefined;
    if (projectId && input.room.trim() && !householdId) problem('room', 'unknown_household');
    const amount = number(input.amount);
    if (!input.amount.trim()) problem('amount', 'missing');
    else if (amount === null) problem('amount', 'not_a_number');
    else if (amount < 0) problem('amount', 'negative');
    const months = input.months.trim() === '' ? 0 : number(input.months);
    if (months === null) problem('months', 'not_a_number');
    else if (months < 0) problem('months', 'negative');
    else if (!Number.isInteger(months)) problem('months', 'not_whole');
    const reason = arrearsReasonOf(input.reason);
    if (reason === null) problem('reason', 'bad_reason');
    // A household named twice: the later valid row is refused (a refused row does not count).
    if (householdId && found.length === 0) {
      if (seen.has(householdId)) problem('room', 'duplicate_household');
      seen.add(householdId);
    }
    if (found.length > 0 || !householdId || !projectId || amount === null || months === null || reason === null) problems.push(...found);
    else valid.push({ row: input.row, householdId, projectId, amount, months, reason });
  }
  return { valid, problems };
}

export const householdKey = (projectId: string, building: string, unit: string, room: string) =>
  `${projectId}/${building.trim()}/${unit.trim()}/${room.trim()}`;

/** Each reason's share of the amount owed and of the households in arrears (null when nobody owes). */
export function arrearsShares(
  rows: readonly { amount: number; reason: ArrearsReason }[],
): Record<ArrearsReason, { amount: number | null; households: number | null }> {
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  return Object.fromEntries(
    arrearsReasons.map((reason) => {
      const mine = rows.filter((row) => row.reason === reason);
      return [
        reason,
        {
          amount: total > 0 ? mine.reduce((sum, row) => sum + row.amount, 0) / total : null,
          households: rows.length > 0 ? mine.length / rows.length : null,
        },
      ];
    }),
  ) as Record<ArrearsReason, { amount: number | null; households: number | null }>;
}
