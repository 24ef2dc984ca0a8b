// Amazon Titan Embeddings: G1 Text, Text V2 and Multimodal G1 (FORMATS.md §4). No streaming.
// Titan Embeddings word schema errors in everit's legacy style: the single violation without its
// pointer, or "N schema violations found" (src/errors.evidence.md §0.2 Format B, still in 2026).
import { Errors } from '../errors.js';
import { countTokens } from '../responder/tokens.js';
import { validate, type Schema } from '../schema/validate.js';
import { embedText } from './embedding.js';
import type { Family, InvokeContext } from './family.js';

interface TitanEmbedRequest {
  inputText?: string;
  inputImage?: string;
  dimensions?: number;
  normalize?: boolean;
  embeddingTypes?: Array<'float' | 'binary'>;
  embeddingConfig?: { outputEmbeddingLength?: number };
}

type Variant = 'g1' | 'v2' | 'image';
const variantOf = (ctx: InvokeContext): Variant =>
  ctx.model.modelId.includes('text-v2') ? 'v2' : ctx.model.modelId.includes('image') ? 'image' : 'g1';

// `expected maxLength: 50000, actual: 52611` (src/errors.evidence.md §2, Titan Embed).
const inputText: Schema = { type: 'string', maxLength: 50000 };

const SCHEMAS: Record<Variant, Schema> = {
  // G1 takes inputText alone: `extraneous key [textGenerationConfig] is not permitted`, and
  // `dimensions` + `normalize` give "2 schema violations found" (src/errors.evidence.md §2).
  g1: { type: 'object', required: ['inputText'], properties: { inputText }, additionalProperties: false },
  // V2: an unsupported `dimensions` (1536) reads `#: only 1 subschema matches out of 2` while a
  // wrong inputText type reads `expected type: String, found: JSONArray`, so the dimensions rule
  // sits in a two-branch allOf beside the plain properties (src/errors.evidence.md §8).
  v2: {
    type: 'object',
    required: ['inputText'],
    properties: {
      inputText,
      dimensions: true,
      normalize: { type: 'boolean' },
      embeddingTypes: { type: 'array', minItems: 1, items: { type: 'string', enum: ['float', 'binary'] } },
    },
    additionalProperties: false,
    allOf: [{ properties: { dimensions: { type: 'integer' } } }, { properties: { dimensions: { enum: [256, 512, 1024] } } }],
  },
  image: {
    type: 'object',
    properties: {
      inputText,
      inputImage: { type: 'string' },
      embeddingConfig: {
        type: 'object',
        properties: { outputEmbeddingLength: { type: 'integer', enum: [256, 384, 1024] } },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
    anyOf: [{ required: ['inputText'] }, { required: ['inputImage'] }],
  },
};

/** The vector's seed: the text, and the image's size when there is one (its pixels are not read). */
const seedOf = (req: TitanEmbedRequest) => `${req.inputText ?? ''}\u0000${req.inputImage?.length ?? ''}`;

export const titanEmbed: Family<TitanEmbedRequest> = {
  name: 'titan-embed',
  parse(body, ctx) {
    const req = validate<TitanEmbedRequest>(SCHEMAS[variantOf(ctx)], body, 'legacy');
    const tokens = countTokens(req.inputText ?? '');
    // "400 Bad Request: Too many input tokens. Max input tokens: 8192, …" (src/errors.evidence.md §8).
    if (tokens > ctx.model.contextWindow) throw Errors.tooManyInputTokens(ctx.model.contextWindow, tokens);
    return req;
  },

  invoke(req, ctx) {
    const variant = variantOf(ctx);
    const inputTextTokenCount = countTokens(req.inputText ?? '');
    const usage = { inputTokens: inputTextTokenCount };
    const defaultDimension = ctx.model.embeddingDimension ?? 1024;
    if (variant === 'g1') {
      // G1 vectors are not unit length (the capture's values reach 1.3).
      return { body: { embedding: embedText(seedOf(req), defaultDimension), inputTextTokenCount }, usage };
    }
    if (variant === 'image') {
      const dimension = req.embeddingConfig?.outputEmbeddingLength ?? defaultDimension;
      return { body: { embedding: embedText(seedOf(req), dimension, true), inputTextTokenCount, message: null }, usage };
    }
    const embedding = embedText(seedOf(req), req.dimensions ?? defaultDimension, req.normalize ?? true);
    const types = new Set(req.embeddingTypes ?? ['float']);
    const byType: Record<string, number[]> = {};
    if (types.has('float')) byType.float = embedding;
    // Binary embeddings: one 0/1 integer per dimension, the sign of the float value.
    if (types.has('binary')) byType.binary = embedding.map((v) => (v > 0 ? 1 : 0));
    return { body: { embedding, inputTextTokenCount, embeddingsByType: byType }, usage };
  },
};

export default titanEmbed;
