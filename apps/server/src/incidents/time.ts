/** '11月25日 09:00' in Asia/Shanghai: how a notice names a time (DESIGN §2: stored in UTC, shown in Shanghai). */
export function formatShanghai(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
