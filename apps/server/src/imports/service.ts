import type { MultipartFile } from '@fastify/multipart';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Context } from '../http/context';
import { messages } from '../http/messages';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, requireProjectScope } from '../policy/policy';
import type { BackgroundWork } from './background';
import { fileMessages } from './messages';
import { commitImport, validateImport } from './pipeline';
import { findJob, insertJob, projectExists, updateJob, type ImportJobRow } from './repository';
import { openSheet } from './sheet';
import { storeUpload } from './upload';

/** Reads the multipart upload; the route supplies it so the service decides when (after the permission check). */
export type UploadSource = () => Promise<MultipartFile | undefined>;

const projectIdField = z.uuid();

export function fieldValue(file: MultipartFile, name: string): string | undefined {
  const field = file.fields[name];
  const first = Array.isArray(field) ? field[0] : field;
  return first?.type === 'field' && typeof first.value === 'string' ? first.value.trim() : undefined;
}

export async function receiveFile(source: UploadSource): Promise<MultipartFile> {
  let file: MultipartFile | undefined;
  try {
    file = await source();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new HttpProblem(415, 'unsupported_media_type', { 'zh-CN': '请以 multipart/form-data 上传文件', 'en-US': 'Upload the file as multipart/form-data' });
    }
    throw error;
  }
  if (!file) throw fieldProblem('file', fileMessages.file_required, 400);
  return file;
}

/** Where the upload goes, checked before a byte is stored. */
async function checkTarget(context: Context, file: MultipartFile): Promise<{ projectId: string }> {
  const projectText = fieldValue(file, 'projectId');
  if (!projectText) throw fieldProblem('projectId', messages.required, 400);
  const projectId = projectIdField.safeParse(projectText);
  if (!projectId.success) throw fieldProblem('projectId', { 'zh-CN': 'ID 格式不正确', 'en-US': 'Not a valid id' }, 400);
  requireProjectScope(context.principal, projectId.data);
  if (!(await projectExists(context.db, context.principal.tenantId, projectId.data))) throw fieldProblem('projectId', fileMessages.unknown_project);
  return { projectId: projectId.data };
}

/**
 * Upload: the file streams to storage, its header is checked while the uploader waits, then the
 * job answers 202 'validating' and the dry run goes on in the background.
 */
export async function startImport(context: Context, work: BackgroundWork, source: UploadSource): Promise<ImportJobRow> {
  requirePermission(context.principal, 'import.run');
  const tenantId = context.principal.tenantId;
  const file = await receiveFile(source);
  const { projectId } = await checkTarget(context, file).catch((error: unknown) => {
    // A refused upload must still be drained, or the request never ends.
    file.file.resume();
    throw error;
  });

  const id = uuidv7();
  // The name does not tell the format (the content does), so the stored file has no extension.
  const filePath = `imports/${tenantId}/${id}`;
  const { format } = await storeUpload(context.storage, filePath, file.file);
  const sheet = await openSheet(context.storage.pathOf(filePath), format).catch(async (error: unknown) => {
    await context.storage.remove(filePath);
    throw error;
  });
  const job = await insertJob(context.db, {
    id,
    tenantId,
    projectId,
    createdBy: context.principal.staffId,
    fileName: file.filename.slice(0, 200),
    filePath,
    format,
    status: 'validating',
    createdAt: context.clock.now(),
  }).catch(async (error: unknown) => {
    await sheet.close();
    await context.storage.remove(filePath);
    throw error;
  });
  work.run('import validation', context.log, () => validateImport(context, job, sheet));
  return job;
}

/** A job of another company, or of a project the caller does not serve, does not exist for them. */
async function jobInScope(context: Context, id: string): Promise<ImportJobRow> {
  const job = await findJob(context.db, context.principal.tenantId, id);
  if (!job || !inScope(context.principal, job.projectId)) throw notFound();
  return job;
}

export async function getImport(context: Context, id: string): Promise<ImportJobRow> {
  requirePermission(context.principal, 'import.run');
  return jobInScope(context, id);
}

/** Commit a validated dry run; the write runs in the background and the job is polled. */
export async function startCommit(context: Context, work: BackgroundWork, id: string): Promise<ImportJobRow> {
  requirePermission(context.principal, 'import.run');
  const job = await jobInScope(context, id);
  const claimed = await updateJob(context.db, job.tenantId, job.id, { status: 'committing', processedRows: 0 }, ['validated']);
  if (!claimed) throw new HttpProblem(409, 'import_not_validated', fileMessages.import_not_validated);
  work.run('import commit', context.log, () => commitImport(context, work, claimed));
  return claimed;
}
