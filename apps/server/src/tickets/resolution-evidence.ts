import type { Executor } from '@manyi/db';
import { companyCategories } from '../categories/repository';
import { fieldProblem } from '../http/problem';
import { attachmentRowsOf, type TicketRow } from './repository';

export const resolutionMessages = {
  result_required: { 'zh-CN': '请填写处理结果（做了什么、现在怎样）', 'en-US': 'Please say what was done and how things are now' },
  photo_required: { 'zh-CN': '该分类需要上传处理结果照片', 'en-US': 'This category needs a photo of the result' },
};

/** A category asks for a photo when it or a category above it says so (a setting per category, issue 15 §4). */
export async function categoryNeedsPhoto(db: Executor, ticket: TicketRow): Promise<boolean> {
  if (!ticket.categoryCode) return false;
  const categories = await companyCategories(db, ticket.tenantId);
  for (let code: string | null = ticket.categoryCode; code; code = categories.get(code)?.parentCode ?? null) {
    if (categories.get(code)?.requiresPhoto) return true;
  }
  return false;
}

/**
 * What resolving must carry, from the console or the phone: the result in words (the owner reads it and the
 * return visit checks it), and a photo where the category needs one. `photoIds` are the photos the caller names;
 * without them any image already on the ticket counts.
 */
export async function requireResolutionEvidence(
  db: Executor,
  ticket: TicketRow,
  result: { text: string | undefined; field: 'result' | 'note' },
  photoIds?: readonly string[],
): Promise<void> {
  if (!result.text?.trim()) throw fieldProblem(result.field, resolutionMessages.result_required);
  if (!(await categoryNeedsPhoto(db, ticket))) return;
  const images = (await attachmentRowsOf(db, ticket.tenantId, ticket.id)).filter((row) => row.contentType.startsWith('image/'));
  const shown = photoIds ? images.filter((row) => photoIds.includes(row.id)) : images;
  if (shown.length === 0) throw fieldProblem('photoIds', resolutionMessages.photo_required);
}
