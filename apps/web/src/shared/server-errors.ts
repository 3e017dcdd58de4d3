import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/problem';

type NotifyError = (content: string) => void;

/** Field path as antd names it: "units.0.name" → ['units', 0, 'name']. */
function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's per-field messages under the matching inputs and shows the overall sentence,
 * so a rule only the server knows (duplicate room, unknown building) reads like a form rule.
 */
export function showServerErrors<Values>(error: unknown, form: FormInstance<Values> | null, notify: NotifyError, fallback: string): void {
  notify(errorMessage(error, fallback));
  if (!(error instanceof ApiError) || !form) return;
  // A field the form does not have is harmless to antd; its message is in the toast anyway.
  const fields = error.fieldErrors.map((item) => ({ name: namePath(item.field), errors: [item.message] }));
  // antd's name path type is derived from Values; the server speaks plain strings.
  if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
}
