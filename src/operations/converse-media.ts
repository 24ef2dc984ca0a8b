// The media blocks of a Converse request that a model cannot take: in a user message, and inside
// a toolResult's content, which Bedrock checks the same way. Wordings from the models' own
// refusals, recorded in pydantic-ai's Bedrock cassettes (tests/models/cassettes/
// test_multimodal_tool_returns, 2026-03-16, Claude Sonnet 4.5 and Nova 2 Lite) and quoted in
// src/refusals.evidence.md (K16-K18, K34-K36).
import type { ConverseTraits } from '../catalog/converse-traits.js';
import type { ModelEntry } from '../catalog/types.js';
import { ConverseErrors, Errors } from '../errors.js';

type Json = Record<string, any>;

/** Refuses the first media block the model cannot take, in request order. */
export function checkMedia(messages: Json[] | undefined, entry: ModelEntry, traits: ConverseTraits): void {
  (messages ?? []).forEach((message, i) => {
    if (message.role !== 'user') return;
    const content: Json[] = Array.isArray(message.content) ? message.content : [];
    // Claude's index of a block: cache points become cache_control on the block before them.
    let nativeIndex = 0;
    content.forEach((block, j) => {
      checkBlock(block, entry, traits);
      if (block.document && !traits.s3Media && block.document.source?.s3Location) {
        // Converse drops the S3 source it cannot translate for Claude, whose own check then finds none:
        // `The model returned the following errors: messages.2.content.2.document.source.type: Field
        // required` (recorded 2026-03-16; maximhq/bifrost's bedrock tests quote it at messages.0.content.0
        // for Claude Haiku 4.5). A document inside a toolResult was answered (200, same recording).
        throw ConverseErrors.fromModel(`messages.${i}.content.${nativeIndex}.document.source.type: Field required`);
      }
      for (const inner of block.toolResult?.content ?? []) {
        checkBlock(inner, entry, traits);
        // Nova 2 Lite refuses a PDF/DOCX document or a video inside a tool result with its native
        // schema's words (recorded 2026-03-16: s3 PDF and s3 video, 400; an s3 image, 200;
        // pydantic-ai providers/bedrock.py: Nova "rejects binary documents (pdf/docx)" there).
        if (traits.toolResultMedia === 'no-binary-documents' && (inner.video || ['pdf', 'docx', 'doc'].includes(inner.document?.format))) {
          throw ConverseErrors.fromModel(Errors.malformedInput(`#/messages/${i}/content/${j}: extraneous key [toolResult] is not permitted`).message);
        }
      }
      if (block.cachePoint === undefined) nativeIndex++;
    });
  });
}

function checkBlock(block: Json, entry: ModelEntry, traits: ConverseTraits): void {
  if (block.image && !traits.images) throw ConverseErrors.unsupportedUserContent('image');
  if (block.document && !traits.documents) throw ConverseErrors.unsupportedUserContent('document');
  if (block.video && !entry.input.includes('VIDEO')) throw ConverseErrors.unsupportedContentBlock('video');
  if (block.audio && !entry.input.includes('AUDIO')) throw ConverseErrors.unsupportedUserContent('audio');
  // Claude reads no S3 image: `This model doesn't support the s3Uri field. Remove s3Uri and try
  // again.` (recorded 2026-03-16, in a user message and inside a tool result alike).
  if (block.image?.source?.s3Location && !traits.s3Media) throw ConverseErrors.unsupportedField('s3Uri');
}
