// Cohere Embed v3 (English, Multilingual) and v4 through InvokeModel: FORMATS.md §9. No streaming.
import { countTokens } from '../responder/tokens.js';
import { Errors } from '../errors.js';
import { validate, violations, type Schema } from '../schema/validate.js';
import { embedText } from './embedding.js';
import type { Family, InvokeContext } from './family.js';

type EmbeddingType = 'float' | 'int8' | 'uint8' | 'binary' | 'ubinary';

type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: string | { url: string } };

interface CohereEmbedRequest {
  texts?: string[];
  images?: string[];
  /** Embed v4's interleaved inputs: one embedding per entry, its parts text and images. */
  inputs?: Array<{ content: ContentPart[] }>;
  input_type?: string;
  truncate?: 'NONE' | 'START' | 'END' | 'LEFT' | 'RIGHT';
  embedding_types?: EmbeddingType[];
  output_dimension?: number;
  max_tokens?: number;
}

const isV4 = (ctx: InvokeContext) => ctx.model.modelId.startsWith('cohere.embed-v4');

// The real schema's shape follows from its message for `{"texts":[…]}` without input_type:
// `#: required key [input_type] not found#: required key [images] not found#/texts: false schema
// always fails` (REAL_ERROR_MESSAGES.md) — an anyOf of "texts with input_type" and "images and no
// texts", whose failed branches everit lists leaf by leaf. `#/texts/41: expected maxLength: 2048`
// (bedrock-access-gateway#41) bounds each text of v3.
const V3 = {
  texts: { type: 'array', maxItems: 96, items: { type: 'string', maxLength: 2048 } },
  truncate: { type: 'string', enum: ['NONE', 'START', 'END'] },
} satisfies Record<string, Schema>;

// Embed v4 as the AWS page documents it (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html):
// `inputs` (interleaved `{type: "text", text}` / `{type: "image_url", image_url: "data:…"}` parts),
// `max_tokens` (128000), `truncate` NONE/LEFT/RIGHT (START/END kept from v3), `output_dimension`
// 256..1536, and a 128k-token context, so no 2048-character bound on texts (src/refusals.evidence.md S30).
const part: Schema = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: ['text', 'image_url'] }, text: { type: 'string' }, image_url: { anyOf: [{ type: 'string' }, { type: 'object' }] } },
};
const V4 = {
  texts: { type: 'array', maxItems: 96, items: { type: 'string' } },
  truncate: { type: 'string', enum: ['NONE', 'START', 'END', 'LEFT', 'RIGHT'] },
  inputs: { type: 'array', maxItems: 96, items: { type: 'object', required: ['content'], properties: { content: { type: 'array', items: part } } } },
  output_dimension: { type: 'integer', enum: [256, 512, 1024, 1536] },
  max_tokens: { type: 'integer', minimum: 1, maximum: 128000 },
} satisfies Record<string, Schema>;

const schema = (v4: boolean): Schema => ({
  type: 'object',
  properties: {
    images: { type: 'array', items: { type: 'string' } },
    input_type: { type: 'string', enum: ['search_document', 'search_query', 'classification', 'clustering', 'image'] },
    embedding_types: { type: 'array', items: { type: 'string', enum: ['float', 'int8', 'uint8', 'binary', 'ubinary'] } },
    ...(v4 ? V4 : V3),
  },
  // v3 refuses unknown keys (promptfoo#921, `extraneous key [inputText]`); v4: no sighting of an
  // unknown key refused on its own, so they pass (src/refusals.evidence.md S36).
  ...(v4 ? {} : { additionalProperties: false }),
  anyOf: [
    { required: ['texts', 'input_type'] },
    { required: ['images'], properties: { texts: false } },
    // Inputs, the third way in v4; no sighting of a refusal without input_type, so it is not required here.
    ...(v4 ? [{ required: ['inputs'], properties: { texts: false } }] : []),
  ],
});

/** The text and image markers of one v4 input, and its token count (images as other media, ≥ 85). */
function inputOf(entry: { content: ContentPart[] }): { key: string; tokens: number } {
  let key = '';
  let tokens = 0;
  for (const p of entry.content) {
    if (p.type === 'text') {
      key += p.text ?? '';
      tokens += countTokens(p.text ?? '');
    } else {
      const uri = typeof p.image_url === 'string' ? p.image_url : String(p.image_url?.url ?? '');
      key += `image:${uri.length}:${uri.slice(-64)}`;
      tokens += Math.max(85, Math.ceil((uri.length * 3) / 4 / 750));
    }
  }
  return { key, tokens };
}

// Quantized forms of a float vector, as Cohere defines them: int8/uint8 scale each value, the
// binary forms pack the signs eight to a byte (signed or unsigned).
function quantize(v: number[], type: EmbeddingType): number[] {
  switch (type) {
    case 'float':
      return v;
    case 'int8':
      return v.map((x) => Math.max(-128, Math.min(127, Math.round(x * 127))));
    case 'uint8':
      return v.map((x) => Math.max(0, Math.min(255, Math.round(((x + 1) / 2) * 255))));
    default: {
      const out: number[] = [];
      for (let i = 0; i < v.length; i += 8) {
        let byte = 0;
        for (let j = 0; j < 8; j++) byte = (byte << 1) | (v[i + j] > 0 ? 1 : 0);
        out.push(type === 'binary' ? byte - 128 : byte);
      }
      return out;
    }
  }
}

export const cohereEmbed: Family<CohereEmbedRequest> = {
  name: 'cohere-embed',
  parse(body, ctx) {
    if (!isV4(ctx)) return validate<CohereEmbedRequest>(schema(false), body);
    // Embed v4 words a bad body in its own terms, not everit's: a Titan body `{"inputText": …}` sent to
    // cohere.embed-v4 through an application profile got this message (vercel/ai fixture
    // amazon-bedrock-cohere-v4-application-inference-profile-error, issue #19829, 2026).
    if (violations(schema(true), body).length > 0) throw Errors.cohereEmbedV4Malformed();
    return body as CohereEmbedRequest;
  },

  invoke(req, ctx) {
    const dimension = req.output_dimension ?? ctx.model.embeddingDimension ?? 1024;
    // Images count like other media: about a token per 750 bytes, at least 85 (responder/tokens.ts).
    const imageTokens = (req.images ?? []).reduce((n, uri) => n + Math.max(85, Math.ceil((uri.length * 3) / 4 / 750)), 0);
    const mixed = (req.inputs ?? []).map(inputOf);
    const inputTokens = (req.texts ?? []).reduce((n, text) => n + countTokens(text), 0) + imageTokens + mixed.reduce((n, m) => n + m.tokens, 0);
    const inputs = req.texts?.length ? req.texts : mixed.length ? mixed.map((m) => m.key) : (req.images ?? []).map((uri) => `image:${uri.length}:${uri.slice(-64)}`);
    const vectors = inputs.map((text) => embedText(`${req.input_type ?? ''}\u0000${text}`, dimension, true));
    // Keys in the capture's order (embeddings, id, response_type, texts); `id` is the request id
    // and the texts come back lower-cased (invoke__cohere.embed-english-v3).
    const texts = (req.texts ?? []).map((text) => text.toLowerCase());
    // Embed v4 always answers by type, floats unless other types are asked for, with its keys in
    // another order: id, texts, embeddings, response_type (vercel/ai's recorded answer of
    // cohere.embed-v4:0 to {input_type, texts, output_dimension}, amazon-bedrock-cohere-v4-application-
    // inference-profile.json, read by its provider as `embeddings.float`, 2026).
    const v4 = isV4(ctx);
    if (!req.embedding_types && !v4) {
      return { body: { embeddings: vectors, id: ctx.requestId, response_type: 'embeddings_floats', texts }, usage: { inputTokens } };
    }
    const byType: Record<string, number[][]> = {};
    for (const type of req.embedding_types ?? ['float']) byType[type] = vectors.map((v) => quantize(v, type));
    if (v4) return { body: { id: ctx.requestId, texts, embeddings: byType, response_type: 'embeddings_by_type' }, usage: { inputTokens } };
    return { body: { embeddings: byType, id: ctx.requestId, response_type: 'embeddings_by_type', texts }, usage: { inputTokens } };
  },
};

export default cohereEmbed;
