/** More rows than any single project has; a larger file is almost certainly a mistake (or an attack). */
export const maxImportRows = 200_000;

/** Uploads beyond this are refused while streaming (the multipart limit in app.ts is the same). */
export const maxImportBytes = 60 * 1024 * 1024;

/** Rows per multi-row INSERT: large enough to amortise round trips, well under PostgreSQL's 65,535 parameters. */
export const insertBatchRows = 1_000;

/** How often the console's progress bar moves. */
export const progressEveryRows = 2_000;

/** Errors kept on the job for the console; the count covers them all. */
export const maxStoredErrors = 1_000;
