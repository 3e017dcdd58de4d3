import type { Label } from '@manyi/core';
import { isMessageKey, messageFor, messages, type MessageKey } from './messages';

export type FieldProblem = { field: string; messages: Label };

/**
 * An error a client can act on, rendered as RFC 9457 problem+json. Services throw these; the
 * error handler localises them. `code` is stable for programs; the labels are for people.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly labels: Label;
  readonly fields: FieldProblem[];

  constructor(status: number, code: MessageKey | string, labels?: Label, fields: FieldProblem[] = []) {
    const resolved = labels ?? (isMessageKey(code) ? messageFor(code) : messages.internal);
    super(resolved['en-US']);
    this.status = status;
    this.code = code;
    this.labels = resolved;
    this.fields = fields;
  }
}

export const notFound = () => new HttpProblem(404, 'not_found');
export const forbidden = () => new HttpProblem(403, 'forbidden');
export const conflict = (labels?: Label, fields: FieldProblem[] = []) => new HttpProblem(409, 'conflict', labels, fields);

/** A multipart body cut short or without its boundary. */
export const malformedUpload = () => new HttpProblem(400, 'malformed_multipart', undefined, [{ field: 'file', messages: messageFor('malformed_multipart') }]);

/** One bad field, for rules zod cannot express (unknown building, duplicate room…). */
export function fieldProblem(field: string, labels: Label, status = 422): HttpProblem {
  return new HttpProblem(status, 'validation', messages.validation, [{ field, messages: labels }]);
}
