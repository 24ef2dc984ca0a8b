// ListInferenceProfiles (control plane): GET /inference-profiles?maxResults&nextToken&type.
import type { Context } from 'hono';
import { allProfiles, profileDescription } from '../control-plane/inference-profiles.js';
import { BedrockError } from '../errors.js';
import { callerRegion } from '../http/region.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';

const invalid = (message: string) => new BedrockError('ValidationException', `1 validation error detected: ${message}`);

export const listInferenceProfiles = (runtime: Runtime) => (c: Context): HttpReply => {
  const type = c.req.query('type');
  if (type !== undefined && type !== 'SYSTEM_DEFINED' && type !== 'APPLICATION') {
    throw invalid(`Value '${type}' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: [SYSTEM_DEFINED, APPLICATION]`);
  }
  const maxResults = c.req.query('maxResults') === undefined ? 1000 : Number(c.req.query('maxResults'));
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    throw invalid(`Value '${c.req.query('maxResults')}' at 'maxResults' failed to satisfy constraint: Member must have value ${maxResults < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'}`);
  }
  // The token is opaque to clients; here it is the base64 offset of the next page.
  const token = c.req.query('nextToken');
  const start = token ? Number(Buffer.from(token, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw new BedrockError('ValidationException', 'The provided pagination token is invalid.');
  // The emulator has no application inference profiles of its own.
  const profiles = type === 'APPLICATION' ? [] : allProfiles();
  const region = callerRegion(c.req.header('authorization'), runtime.settings.region);
  const page = profiles.slice(start, start + maxResults).map((p) => profileDescription(p, region, runtime.settings.accountId));
  const next = start + maxResults < profiles.length ? Buffer.from(String(start + maxResults)).toString('base64') : undefined;
  return jsonReply(200, { inferenceProfileSummaries: page, ...(next ? { nextToken: next } : {}) }, c.get('requestId'));
};
