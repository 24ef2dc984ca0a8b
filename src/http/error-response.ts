// Renders a BedrockError as restJson1 requires and Bedrock does it (REAL_ERROR_MESSAGES.md,
// "Wire format of a non-stream error"): status, x-amzn-ErrorType with the coral namespace,
// x-amzn-RequestId, and a `{"message": …}` body with any extra members at the top level.
import type { BedrockError } from '../errors.js';
import type { HttpReply } from './reply.js';

export function errorResponse(err: BedrockError, requestId: string): HttpReply {
  return {
    status: err.status,
    body: JSON.stringify({ [err.messageKey]: err.message, ...err.fields }),
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': `${err.name}:http://internal.amazon.com/coral/${err.namespace}/`,
    },
  };
}
