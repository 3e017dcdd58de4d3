import { PassThrough, type Readable } from 'node:stream';
import { householdStatuses, personRoles, type HouseholdStatus, type PersonRole } from '@manyi/core';
import ExcelJS from 'exceljs';
import type { HouseholdFilter } from '@manyi/contracts/households';
import type { Context } from '../http/context';
import { scopedProjectIds } from '../policy/policy';
import { importColumns } from './columns';
import { exportHouseholdPage, exportPersons, type ExportCursor, type ExportHousehold, type ExportPerson } from './export-repository';
import { attachment } from './template';

const pageSize = 1_000;

/** The date in Asia/Shanghai, for the file name. */
function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

function rowOf(household: ExportHousehold, person: ExportPerson | undefined): (string | number | null)[] {
  const status = householdStatuses.labels[household.status as HouseholdStatus]?.['zh-CN'] ?? household.status;
  return [
    household.projectName,
    household.buildingName,
    household.unitName ?? '',
    household.room,
    household.area,
    status,
    person?.name ?? '',
    person ? (personRoles.labels[person.role as PersonRole]?.['zh-CN'] ?? person.role) : '',
    person?.phone ?? '',
    person ? (person.isVip ? '是' : '否') : '',
    person?.tags.join('、') ?? '',
    person?.note ?? '',
  ];
}

export type HouseholdExport = { fileName: string; contentDisposition: string; stream: Readable };

/**
 * The filtered household list as .xlsx, one row per resident with the template's columns after
 * 项目 (so an export can be edited and imported into another project). Rows are read a page at a
 * time and streamed into the zip as they come, so a large estate never sits in memory.
 */
export function exportHouseholds(context: Context, filter: HouseholdFilter): HouseholdExport {
  const projectIds = scopedProjectIds(context.principal, filter.projectId);
  const tenantId = context.principal.tenantId;
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('住户');
  sheet.columns = [{ header: '项目', width: 16 }, ...importColumns.map((column) => ({ header: column.header, width: column.key === 'note' ? 30 : 12 }))];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const write = async () => {
    let after: ExportCursor | null = null;
    for (;;) {
      const page = await exportHouseholdPage(context.db, tenantId, projectIds, filter, after, pageSize);
      if (page.length === 0) break;
      const people = await exportPersons(
        context.db,
        tenantId,
        page.map((household) => household.id),
      );
      const byHousehold = new Map<string, ExportPerson[]>();
      for (const person of people) byHousehold.set(person.householdId, [...(byHousehold.get(person.householdId) ?? []), person]);
      for (const household of page) {
        const residents = byHousehold.get(household.id) ?? [];
        if (residents.length === 0) sheet.addRow(rowOf(household, undefined)).commit();
        for (const person of residents) sheet.addRow(rowOf(household, person)).commit();
      }
      const last = page.at(-1)!;
      after = [last.projectCode, last.sortKey, last.id];
      if (page.length < pageSize) break;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    context.log.error({ err: error }, 'household export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  const fileName = `住户名单-${shanghaiDate(context.clock.now())}.xlsx`;
  return { fileName, contentDisposition: attachment(fileName, `households-${shanghaiDate(context.clock.now())}.xlsx`), stream };
}
