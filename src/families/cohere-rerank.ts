// Cohere Rerank 3.5 through InvokeModel: FORMATS.md §9. No streaming; the response carries only
// the Invocation-Latency header (invoke__cohere.rerank-v3-5_0).
import { createHash } from 'node:crypto';
import { countTokens } from '../responder/tokens.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family } from './family.js';

interface RerankRequest {
  query: string;
  documents: Array<string | Record<string, unknown>>;
  top_n?: number;
  api_version: number;
  max_tokens_per_doc?: number;
}

const schema: Schema = {
  type: 'object',
  required: ['query', 'documents', 'api_version'],
  properties: {
    query: { type: 'string' },
    documents: { type: 'array', minItems: 1, maxItems: 1000, items: { anyOf: [{ type: 'string' }, { type: 'object' }] } },
    top_n: { type: 'integer', minimum: 1 },
    // "api_version – (Required) … must be 2" (Bedrock Cohere Rerank docs).
    api_version: { type: 'integer', enum: [2] },
    max_tokens_per_doc: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const textOf = (doc: string | Record<string, unknown>) => (typeof doc === 'string' ? doc : JSON.stringify(doc));

/**
 * A deterministic relevance in (0, 1): the share of the query's words the document contains,
 * spread by a small hash so ties differ, rounded to float32-like precision as the capture shows.
 */
function relevance(query: string, doc: string): number {
  const q = words(query);
  const d = words(doc);
  let shared = 0;
  for (const w of q) if (d.has(w)) shared++;
  const overlap = q.size ? shared / q.size : 0;
  const jitter = createHash('sha256').update(`${query}\u0000${doc}`).digest().readUInt16BE(0) / 65536;
  const score = 0.02 + 0.9 * overlap * overlap + 0.05 * jitter;
  return Number(score.toPrecision(7));
}

export const cohereRerank: Family<RerankRequest> = {
  name: 'cohere-rerank',
  parse: (body) => validate<RerankRequest>(schema, body),
  invoke(req) {
    const scored = req.documents
      .map((doc, index) => ({ index, relevance_score: relevance(req.query, textOf(doc)) }))
      .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
    const results = scored.slice(0, req.top_n ?? scored.length);
    const inputTokens = countTokens(req.query) + req.documents.reduce((n: number, d) => n + countTokens(textOf(d)), 0);
    return { body: { results }, usage: { inputTokens, latencyOnly: true } };
  },
};

export default cohereRerank;
