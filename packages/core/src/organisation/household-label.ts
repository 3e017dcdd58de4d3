/**
 * How a steward writes an address inside a project: 3栋2单元1201. Numeric parts get 栋/单元
 * appended; names that already carry a suffix (A座, 3号楼, 商铺) are kept as written.
 */
export function householdLabel(building: string, unit: string | null | undefined, room: string): string {
  const b = /^\d+$/.test(building) ? `${building}栋` : building;
  const u = unit ? (/^\d+$/.test(unit) ? `${unit}单元` : unit) : '';
  return `${b}${u}${room}`;
}

/**
 * Sort key that orders rooms the way people read them: every run of digits is zero-padded to
 * 8 places so that '2栋' < '10栋' and '901' < '1201' under plain text comparison.
 */
export function householdSortKey(building: string, unit: string | null | undefined, room: string): string {
  const pad = (text: string) => text.replace(/\d+/g, (digits) => digits.padStart(8, '0'));
  return [building, unit ?? '', room].map(pad).join('\u0001');
}
