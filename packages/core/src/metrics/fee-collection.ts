/**
 * 收缴率 (fee-collection rate, seed 002: satisfaction is correlated with the rate at which owners
 * pay): received ÷ receivable of a project's property fees for a month, amounts in yuan.
 *
 * checkFeeRows reads the rows of an import (.xlsx, one row per project and month) or a console
 * entry and keeps every valid row, reporting each bad one with its field and reason (issue 16 §4
 * bad input): an unknown project, a month that is not YYYY-MM or lies in the future, a negative
 * or non-numeric amount, received more than receivable, households in arrears not a whole number,
 * or the same project and month twice in one file (the later row is refused).
 */
export type FeeRowInput = {
  /** The row number the person sees (the sheet's row, header = 1). */
  row: number;
  /** Project code or name, as the sheet has it. */
  project: string;
  month: string;
  receivable: string;
  received: string;
  householdsInArrears: string;
};

export type FeeRow = { row: number; projectId: string; month: string; receivable: number; received: number; householdsInArrears: number };

export const feeRowProblemCodes = [
  'missing',
  'unknown_project',
  'bad_month',
  'future_month',
  'not_a_number',
  'negative',
  'received_over_receivable',
  'not_whole',
  'duplicate_month',
] as const;
export type FeeRowProblemCode = (typeof feeRowProblemCodes)[number];

export type FeeRowProblem = { row: number; field: keyof Omit<FeeRowInput, 'row'>; code: FeeRowProblemCode; value: string };

const monthPattern = /^(\d{4})[-/.年](0?[1-9]|1[0-2])月?$/;

/** '2026-3', '2026/03', '2026年3月' → '2026-03'; null when it is not a month. */
export function normaliseMonth(text: string): string | null {
  const match = monthPattern.exec(text.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}` : null;
}

function amount(text: string): number | null {
  const cleaned = text.replace(/[,，\s¥￥元]/g, '');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Valid rows and the problems of the others. `projects` maps a project's code and its name to its
 * id; `currentMonth` (YYYY-MM, Shanghai) is the last month that may be entered.
 */
export function checkFeeRows(
  rows: readonly FeeRowInput[],
  projects: ReadonlyMap<string, string>,
  currentMonth: string,
): { valid: FeeRow[]; problems: FeeRowProblem[] } {
  const valid: FeeRow[] = [];
  const problems: FeeRowProblem[] = [];
  const seen = new Set<string>();
  for (const input of rows) {
    const found: FeeRowProblem[] = [];
    const problem = (field: FeeRowProblem['field'], code: FeeRowProblemCode) => found.push({ row: input.row, field, code, value: input[field] });
    const projectId = projects.get(input.project.trim());
    if (!input.project.trim()) problem('project', 'missing');
    else if (!projectId) problem('project', 'unknown_project');
    const month = normaliseMonth(input.month);
    if (!input.month.trim()) problem('month', 'missing');
    else if (!month) problem('month', 'bad_month');
    else if (month > currentMonth) problem('month', 'future_month');
    const numbers = {} as Record<'receivable' | 'received' | 'householdsInArrears', number>;
    for (const field of ['receivable', 'received', 'householdsInArrears'] as const) {
      const text = input[field].trim();
      if (text === '') {
        if (field === 'householdsInArrears') numbers[field] = 0;
        else problem(field, 'missing');
        continue;
      }
      const value = amount(text);
      if (value === null) problem(field, 'not_a_number');
      else if (value < 0) problem(field, 'negative');
      else if (field === 'householdsInArrears' && !Number.isInteger(value)) problem(field, 'not_whole');
      else numbers[field] = value;
    }
    if (numbers.received !== undefined && numbers.receivable !== undefined && numbers.received > numbers.receivable)
      problem('received', 'received_over_receivable');
    if (found.length === 0 && projectId && month) {
      const key = `${projectId}/${month}`;
      if (seen.has(key)) problem('month', 'duplicate_month');
      seen.add(key);
    }
    if (found.length > 0 || !projectId || !month) problems.push(...found);
    else
      valid.push({
        row: input.row,
        projectId,
        month,
        receivable: numbers.receivable,
        received: numbers.received,
        householdsInArrears: numbers.householdsInArrears,
      });
  }
  return { valid, problems };
}

/** received ÷ receivable; null when nothing was receivable. */
export function collectionRate(received: number, receivable: number): number | null {
  return receivable > 0 ? received / receivable : null;
}
