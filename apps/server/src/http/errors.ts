import type { Label } from '@manyi/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { requestLocale } from './locale';
import { messages, type MessageKey } from './messages';
import { HttpProblem, malformedUpload, type FieldProblem } from './problem';
import { describeIssue } from './zod-messages';

const problemBase = 'https://manyi.dev/problems/';

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem): FastifyReply {
  const locale = requestLocale(request);
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `${problemBase}${problem.code}`,
      title: problem.labels[locale],
      status: problem.status,
      detail: problem.fields.length === 1 ? `${problem.fields[0]!.field}: ${problem.fields[0]!.messages[locale]}` : problem.labels[locale],
      code: problem.code,
      messages: problem.labels,
      instance: request.url.split('?')[0],
      ...(problem.fields.length > 0 && {
        errors: problem.fields.map((field) => ({ field: field.field, message: field.messages[locale], messages: field.messages })),
      }),
    });
}

function valueAt(source: unknown, path: string[]): unknown {
  let current = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Fastify's own client errors (bad JSON, body too large, wrong content type) mapped to our codes. */
const fastifyCodes: Record<string, MessageKey> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_REQ_FILE_TOO_LARGE: 'body_too_large',
  FST_FILES_LIMIT: 'body_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(request, reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'body';
      const source = (request as unknown as Record<string, unknown>)[context];
      const fields: FieldProblem[] = error.validation.map((item) => {
        const path = item.instancePath.split('/').filter(Boolean);
        const labels = describeIssue({ code: item.keyword, message: item.message ?? '', params: item.params, value: valueAt(source, path) });
        return { field: path.join('.') || context, messages: labels };
      });
      return sendProblem(request, reply, new HttpProblem(400, 'validation', messages.validation, fields));
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response failed its schema');
      return sendProblem(request, reply, new HttpProblem(500, 'internal'));
    }

    // busboy's own errors are plain ones: a body cut short or without its boundary is the client's fault.
    if (!error.statusCode && request.isMultipart() && /multipart|boundary/i.test(error.message)) {
      return sendProblem(request, reply, malformedUpload());
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, new HttpProblem(error.statusCode ?? 400, mapped));
    if (error.statusCode === 429) return sendProblem(request, reply, new HttpProblem(429, 'rate_limited'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const labels: Label = { 'zh-CN': error.message, 'en-US': error.message };
      return sendProblem(request, reply, new HttpProblem(error.statusCode, 'bad_request', labels));
    }

    // Log the cause with the request id; never leak internals to the client.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new HttpProblem(500, 'internal'));
  });
}
