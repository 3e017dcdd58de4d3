/**
 * The place where other modules add sections to the weekly report (周例会) of a project — for
 * example the weekly meeting's agenda (issue 18 §7), "exported with the analytics issue's weekly
 * report". Analytics does not know those modules: they register a provider here when their
 * routes are registered (apps/server/src/routes.ts imports them), and every weekly report —
 * downloaded, generated on demand or on the schedule — appends what the providers return, in
 * the order they were registered, after its own sections, to the PDF and to the .xlsx (a table
 * becomes a sheet named by its heading).
 *
 *   import { registerWeeklySection } from '../analytics/report-sections';
 *   registerWeeklySection('meeting-agenda', async (context, week) => [
 *     { heading: '周例会议程', table: { columns: ['议题', '负责人'], rows: await agendaRows(context, week) } },
 *   ]);
 *
 * A provider reads with `context` (the company's, every project visible) and returns plain
 * sections; returning [] leaves nothing. A provider that throws fails the report (visible as
 * 'failed' in the report list with its reason), so a broken section is noticed, not dropped.
 */
import type { Context } from '../http/context';

export type ReportTable = { columns: string[]; rows: (string | number)[][] };

/** One section of a report: a heading with any of tiles (label, value), a note, a table and a chart (inline SVG). */
export type ReportSection = { heading: string; tiles?: [string, string][]; table?: ReportTable; chart?: string; note?: string };

/** The week a weekly report covers: a project and Shanghai days [from, until), until exclusive. */
export type ReportWeek = { projectId: string; projectName: string; from: string; until: string };

export type WeeklySectionProvider = (context: Context, week: ReportWeek) => Promise<ReportSection[]>;

const providers = new Map<string, WeeklySectionProvider>();

/** Adds (or, under the same name, replaces) a provider of weekly-report sections. */
export function registerWeeklySection(name: string, provider: WeeklySectionProvider): void {
  providers.set(name, provider);
}

/** Forgets a provider (tests). */
export function unregisterWeeklySection(name: string): void {
  providers.delete(name);
}

/** The sections every registered provider adds to this week's report, in registration order. */
export async function extraWeeklySections(context: Context, week: ReportWeek): Promise<ReportSection[]> {
  const sections: ReportSection[] = [];
  for (const provider of providers.values()) sections.push(...(await provider(context, week)));
  return sections;
}
