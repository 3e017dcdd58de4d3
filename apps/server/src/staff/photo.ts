import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import type { FileStorage } from '../storage/file-storage';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { getStaff } from './service';
import { updateStaffUser } from './repository';

export const maxPhotoBytes = 2 * 1024 * 1024;
const photoMessages = {
  file_missing: { 'zh-CN': '请选择照片', 'en-US': 'Please choose a photo' },
  file_type: { 'zh-CN': '照片只支持 JPG、PNG、WebP，且不超过 2 MB', 'en-US': 'Photos must be JPG, PNG or WebP, at most 2 MB' },
};

/** The type a photo really is, from its first bytes (the owner's phone shows it inline). */
function photoType(head: Buffer): 'jpg' | 'png' | 'webp' | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

export const photoContentType = (key: string) => (key.endsWith('.png') ? 'image/png' : key.endsWith('.webp') ? 'image/webp' : 'image/jpeg');

/** A staff member's photo, shown to owners on their steward card (issue 15 §5); replaces the earlier one. */
export async function setStaffPhoto(context: Context, id: string, file: MultipartFile | undefined, storage: FileStorage) {
  requirePermission(context.principal, 'staff.manage');
  const before = await getStaff(context, id);
  if (!file) throw new HttpProblem(400, 'file_missing', photoMessages.file_missing);
  const bytes = await file.toBuffer().catch(() => null);
  const kind = bytes && !(file as MultipartFile & { file: { truncated?: boolean } }).file.truncated ? photoType(bytes) : null;
  if (!bytes || !kind || bytes.length > maxPhotoBytes) throw new HttpProblem(415, 'file_type', photoMessages.file_type);
  const key = `staff/${context.principal.tenantId}/${id}/photo-${context.clock.now().getTime()}.${kind}`;
  await storage.write(key, Readable.from(bytes));
  await context.db.transaction(async (tx) => {
    await updateStaffUser(tx, context.principal.tenantId, id, { photoKey: key, updatedAt: context.clock.now() });
    await recordAudit(tx, context, { action: 'update', entityType: 'staff', entityId: id, summary: `更换员工照片 ${before.name}`, after: { photoKey: key } });
  });
}
