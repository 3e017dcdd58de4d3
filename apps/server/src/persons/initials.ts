import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a name for the hotline's owner search (王建国 → wjg). surname: 'head' reads a
 * family name as a family name (单 is shàn, 曾 zēng); letters and digits in a name are kept as typed.
 */
export function nameInitials(name: string): string {
  return pinyin(name.trim(), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
