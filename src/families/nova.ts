// Amazon Nova (Micro, Lite, Pro, Premier, Nova 2 Lite) through InvokeModel: FORMATS.md §6,
// SEED_NOTES.md seed 003. Request schema and mapping live in nova-request.ts.
import { Errors } from '../errors.js';
import { uuid } from '../ids.js';
import { countTokens, deltas } from '../responder/tokens.js';
import type { Conversation, StopReason } from '../responder/types.js';
import { validate } from '../schema/validate.js';
import type { Family, InvokeContext } from './family.js';
import { isNova2, novaConversation, novaSchema, type NovaRequest } from './nova-request.js';

interface Parsed {
  body: NovaRequest;
  maxTokens: number;
}

// Nova reports the neutral stop reasons under the same names (FORMATS.md §6).
const STOP_REASON: Record<StopReason, string> = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
};

type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> }
  | { type: 'reasoning'; text: string; signature: string };

function run(req: Parsed, ctx: InvokeContext) {
  const conv = novaConversation(req.body, req.maxTokens, ctx.model.modelId);
  // Nova v1 thinks aloud before a tool call, in a text block `<thinking> …</thinking>\n`
  // (the nova-micro tool_use captures): that is the `toolPreamble` of fixtures/amazon.json, said
  // by the responder like any other text. Nova 2 writes no such text: its calls are toolUse blocks
  // alone (34 of 34 recorded Nova 2 Lite tool calls in pydantic-ai's 2026 Bedrock cassettes), so its
  // fixture has no toolPreamble. Nova 2 with reasoningConfig enabled answers a
  // reasoningContent block first, its text redacted (fixtures/amazon.nova-2-lite-v1_0.json).
  const reply = ctx.respond(conv);
  const blocks = reply.content.filter((b): b is Block => b.type === 'text' || b.type === 'tool_use' || b.type === 'reasoning');
  const outputTokens = blocks.reduce((n, b) => n + (b.type === 'tool_use' ? countTokens(b.name) + countTokens(JSON.stringify(b.input)) : countTokens(b.text)), 0);
  // Nova always reports prompt caching: 2025+ bodies carry cache*InputTokenCount = 0 and the
  // X-Amzn-Bedrock-Cache-*-Input-Token-Count headers (SEED_NOTES.md seed 003; tool_use capture).
  const usage = { inputTokens: reply.usage.inputTokens, outputTokens, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
  return { reply, blocks, usage };
}

export const nova: Family<Parsed> = {
  name: 'nova',
  parse(body, ctx) {
    const req = validate<NovaRequest>(novaSchema(ctx.model.modelId), body);
    // Nova v1 cannot reason (inspect_ai#5301, 2026-09-08: the model's words through Converse).
    if (req.reasoningConfig?.type === 'enabled' && !isNova2(ctx.model.modelId)) throw Errors.malformedInput('the provided reasoning config value is invalid');
    const config = req.inferenceConfig ?? {};
    const requested = config.maxTokens ?? config.max_new_tokens;
    // Not seen for Nova: the generic Bedrock wording for an output limit (src/errors.evidence.md §3.1).
    if (requested !== undefined && requested > ctx.model.maxOutputTokens) throw Errors.maxTokensExceeded(ctx.model.maxOutputTokens);
    return { body: req, maxTokens: requested ?? ctx.model.maxOutputTokens };
  },

  invoke(req, ctx) {
    const { reply, blocks, usage } = run(req, ctx);
    const content = blocks.flatMap((block): Record<string, unknown>[] => {
      if (block.type === 'text') return [{ text: block.text }];
      // As Nova 2 answers it through Converse (vercel/ai fixture amazon-bedrock-nova-2-high-reasoning-success).
      if (block.type === 'reasoning') return [{ reasoningContent: { reasoningText: { text: block.text } } }];
      // Key order name, toolUseId, input (invoke__amazon.nova-micro-v1_0__tool_use); ids are UUIDs.
      if (block.type === 'tool_use') return [{ toolUse: { name: block.name, toolUseId: uuid(), input: block.input } }];
      return [];
    });
    return {
      body: {
        output: { message: { content, role: 'assistant' } },
        stopReason: STOP_REASON[reply.stopReason],
        usage: {
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          totalTokens: usage.inputTokens + usage.outputTokens,
          cacheReadInputTokenCount: usage.cacheReadInputTokens,
          cacheWriteInputTokenCount: usage.cacheWriteInputTokens,
        },
      },
      usage,
    };
  },

  stream(req, ctx) {
    const { reply, blocks, usage } = run(req, ctx);
    const events: Record<string, unknown>[] = [{ messageStart: { role: 'assistant' } }];
    let index = 0;
    for (const block of blocks) {
      if (block.type === 'reasoning') {
        // Unverified for the native stream: Converse's reasoning delta shape, one block.
        events.push({ contentBlockDelta: { delta: { reasoningContent: { text: block.text } }, contentBlockIndex: index } });
        events.push({ contentBlockStop: { contentBlockIndex: index } });
        index++;
      } else if (block.type === 'text') {
        // Every text delta is a content block of its own, opened by its delta and closed by a
        // Stop, with no contentBlockStart (invoke-with-response-stream__amazon.nova-micro-v1_0*).
        for (const text of deltas(block.text)) {
          events.push({ contentBlockDelta: { delta: { text }, contentBlockIndex: index } });
          events.push({ contentBlockStop: { contentBlockIndex: index } });
          index++;
        }
      } else if (block.type === 'tool_use') {
        // A tool block has a Start (toolUseId before name) and its whole input JSON in one delta;
        // the next block's index skips one (22 -> 24 in the tool_use stream capture).
        events.push({ contentBlockStart: { start: { toolUse: { toolUseId: uuid(), name: block.name } }, contentBlockIndex: index } });
        events.push({ contentBlockDelta: { delta: { toolUse: { input: JSON.stringify(block.input) } }, contentBlockIndex: index } });
        events.push({ contentBlockStop: { contentBlockIndex: index } });
        index += 2;
      }
    }
    events.push({ messageStop: { stopReason: STOP_REASON[reply.stopReason] } });
    // The stream's usage has no totalTokens, unlike the InvokeModel body (…__2026 capture).
    events.push({
      metadata: {
        usage: {
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheReadInputTokenCount: usage.cacheReadInputTokens,
          cacheWriteInputTokenCount: usage.cacheWriteInputTokens,
        },
        metrics: {},
        trace: {},
      },
    });
    return { events, usage };
  },
};

export default nova;
