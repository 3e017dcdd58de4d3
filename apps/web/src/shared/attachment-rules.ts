/** The server's rule (tickets/attachments.ts): JPG/PNG/WebP/HEIC/PDF, at most 10 MB. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const attachmentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'] as const;
const extensions = /\.(jpe?g|png|webp|heic|heif|pdf)$/i;

/** Why a file would be refused, or null. Phones sometimes send HEIC with no type, so the name counts too. */
export function attachmentProblem(file: File, imagesOnly = false): 'tooBig' | 'wrongType' | null {
  const typeOk = (attachmentTypes as readonly string[]).includes(file.type) || (!file.type && extensions.test(file.name));
  if (!typeOk || (imagesOnly && file.type === 'application/pdf')) return 'wrongType';
  if (file.size > maxAttachmentBytes) return 'tooBig';
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
