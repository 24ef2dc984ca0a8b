// Amazon Nova Multimodal Embeddings (amazon.nova-2-multimodal-embeddings-v1:0), synchronous
// InvokeModel: `{taskType: "SINGLE_EMBEDDING", singleEmbeddingParams: {embeddingPurpose,
// embeddingDimension?, text | image | audio | video}}` answered with `{"embeddings":
// [{"embeddingType": "TEXT", "embedding": [...]}]}` (Nova user guide, "Complete embeddings request
// and response schema"). Real answers recorded on 2026-01-28 (pydantic/pydantic-ai cassettes
// tests/cassettes/test_embeddings/TestBedrock.test_nova_*.yaml): one embedding, 3072 values by
// default, `embeddingDimension` honoured (256), an input-token-count header and no output count.
// No refusal is modelled: none was seen for this model, so every body is answered.
import { countTokens } from '../responder/tokens.js';
import { embedText } from './embedding.js';
import type { Family } from './family.js';

interface NovaEmbedRequest {
  taskType?: string;
  singleEmbeddingParams?: {
    embeddingPurpose?: string;
    embeddingDimension?: number;
    text?: { value?: string; truncationMode?: string };
    image?: { format?: string; source?: { bytes?: string } };
    audio?: { format?: string; source?: { bytes?: string } };
    video?: { format?: string; source?: { bytes?: string } };
  };
}

const DIMENSIONS = [256, 384, 1024, 3072];
const DEFAULT_DIMENSION = 3072;

/** Which input the request embeds, as the answer's `embeddingType` names it. */
function inputOf(req: NovaEmbedRequest): { type: string; seed: string; text: string } {
  const p = req.singleEmbeddingParams ?? {};
  if (typeof p.text?.value === 'string') return { type: 'TEXT', seed: p.text.value, text: p.text.value };
  for (const kind of ['image', 'audio', 'video'] as const) {
    const media = p[kind];
    if (media) return { type: kind.toUpperCase(), seed: `${kind}\u0000${media.source?.bytes?.length ?? ''}`, text: '' };
  }
  return { type: 'TEXT', seed: '', text: '' };
}

export const novaEmbed: Family<NovaEmbedRequest> = {
  name: 'nova-embed',
  parse(body) {
    return (typeof body === 'object' && body !== null ? body : {}) as NovaEmbedRequest;
  },
  invoke(req) {
    const requested = req.singleEmbeddingParams?.embeddingDimension;
    const dimension = typeof requested === 'number' && DIMENSIONS.includes(requested) ? requested : DEFAULT_DIMENSION;
    const input = inputOf(req);
    const embedding = embedText(`${req.singleEmbeddingParams?.embeddingPurpose ?? ''}\u0000${input.seed}`, dimension, true);
    return { body: { embeddings: [{ embeddingType: input.type, embedding }] }, usage: { inputTokens: Math.max(1, countTokens(input.text)) } };
  },
};

export default novaEmbed;
