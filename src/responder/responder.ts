// The default responder: canned text from fixtures, cut by stop sequences and the token limit;
// a tool call when tools are offered and the conversation is not answering a tool result, so
// agent loops always end (toolUse → toolResult → text); a tool call and nothing else whenever the
// request forces one (toolChoice any/tool).
import { FixtureStore } from './fixtures.js';
import { sampleToolInput, sampleValue } from './sample.js';
import { conversationTokens, countTokens, tokenize } from './tokens.js';
import type { CitedPassage, Conversation, Reply, ReplyBlock, Responder, StopReason, ToolChoice } from './types.js';

/** A stable stand-in for the opaque signature reasoning blocks carry. */
// node:crypto is fetched on first use: loading it costs about 10 ms of start-up (issue #2).
const signatureOf = (text: string) => process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('base64');

/** The first sentence of the first document the caller wants citations from, as a cited passage. */
function citedPassage(conv: Conversation): CitedPassage | undefined {
  let documentIndex = -1;
  for (const turn of conv.messages) {
    for (const part of turn.content) {
      if (part.type !== 'media' || part.kind !== 'document') continue;
      documentIndex++;
      if (!part.document?.citations || !part.document.text.trim()) continue;
      const text = part.document.text;
      const end = /[.!?](\s|$)/.exec(text);
      const stop = end ? end.index + 1 : text.length;
      return { documentIndex, title: part.document.title, start: 0, end: stop, quote: text.slice(0, stop) };
    }
  }
  return undefined;
}

// Anthropic's documented test prompt that makes Claude answer with a redacted_thinking block
// (extended-thinking docs, "Thinking redaction"); pydantic-ai's Bedrock tests record the Converse
// shape it yields: reasoningContent.redactedContent.
const REDACTED_THINKING_TRIGGER =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';

const asksRedactedThinking = (conv: Conversation) =>
  conv.messages.some((turn) => turn.role === 'user' && turn.content.some((p) => p.type === 'text' && p.text.includes(REDACTED_THINKING_TRIGGER)));

/** Opaque, stable stand-in for the encrypted thought (base64, as the real `data` is). */
const redactedData = (conv: Conversation) => Buffer.from(`redacted:${signatureOf(JSON.stringify(conv.messages))}`).toString('base64');

function answersToolResult(conv: Conversation): boolean {
  const last = conv.messages[conv.messages.length - 1];
  return !!last && last.role === 'user' && last.content.some((p) => p.type === 'tool_result');
}

/**
 * `any` and `tool` force a call, also right after a tool result: the service model documents
 * AnyToolChoice as "The model must request at least one tool (no text is generated)", and
 * Anthropic prefills the turn so that "the models will not emit a chain-of-thought text content
 * block before tool_use content blocks" (tool-use docs). Structured output in the Vercel AI SDK,
 * pydantic-ai, Strands and LlamaIndex relies on exactly this.
 */
const forcesTool = (choice: ToolChoice | undefined) => choice?.type === 'any' || choice?.type === 'tool';

function chooseTool(conv: Conversation) {
  const tools = conv.tools ?? [];
  const choice = conv.toolChoice ?? { type: 'auto' };
  if (tools.length === 0 || choice.type === 'none') return undefined;
  // With `auto`, a tool result is answered in words, so agent loops end (toolUse → toolResult → text).
  if (!forcesTool(choice) && answersToolResult(conv)) return undefined;
  if (choice.type === 'tool') return tools.find((t) => t.name === choice.name) ?? tools[0];
  return choice.type === 'any' ? leastRecentlyCalled(conv, tools) : tools[0];
}

/**
 * Under `any`, the first tool the conversation has not called yet, else the one called longest
 * ago. A real model moves on after a tool's result: pydantic-ai offers its tools plus
 * `final_result` under `any` and loops until the model calls `final_result`, so always calling
 * the first tool would never end its run.
 */
function leastRecentlyCalled<T extends { name: string }>(conv: Conversation, tools: T[]): T {
  const lastCall = new Map<string, number>();
  conv.messages.forEach((turn, i) => {
    for (const part of turn.content) if (part.type === 'tool_use') lastCall.set(part.name, i);
  });
  return tools.reduce((best, tool) => ((lastCall.get(tool.name) ?? -1) < (lastCall.get(best.name) ?? -1) ? tool : best));
}

/** Cuts `text` at the first stop sequence (before it, or after it for models that keep it), then at the token budget. */
function limitText(text: string, conv: Conversation, budget: number) {
  let stopReason: StopReason = 'end_turn';
  let stopSequence: string | null = null;
  let cut = text.length;
  for (const seq of conv.stopSequences ?? []) {
    const at = seq ? text.indexOf(seq) : -1;
    if (at >= 0 && at < cut) {
      cut = at;
      stopSequence = seq;
      stopReason = 'stop_sequence';
    }
  }
  if (stopSequence !== null && conv.stopSequenceKept) cut += stopSequence.length;
  let out = text.slice(0, cut);
  const pieces = tokenize(out);
  if (pieces.length > budget) {
    out = pieces.slice(0, Math.max(budget, 0)).join('');
    stopReason = 'max_tokens';
    stopSequence = null;
  }
  return { text: out, stopReason, stopSequence };
}

export function createResponder(fixtures: FixtureStore): Responder {
  return (conv, modelId) => {
    const inputTokens = conversationTokens(conv);
    const canned = fixtures.replyFor(modelId);
    const content: ReplyBlock[] = [];
    let budget = conv.maxTokens;
    if (conv.reasoning && canned.reasoning && asksRedactedThinking(conv)) {
      content.push({ type: 'redacted_reasoning', data: redactedData(conv) });
    } else if (conv.reasoning && canned.reasoning) {
      const thought = limitText(canned.reasoning, { ...conv, stopSequences: [] }, budget);
      content.push({ type: 'reasoning', text: thought.text, signature: signatureOf(thought.text) });
      budget -= countTokens(thought.text);
    }
    const tool = chooseTool(conv);
    let stopReason: StopReason;
    let stopSequence: string | null = null;
    if (tool) {
      // The text some families write before a call (fixtures' toolPreamble), only when not forced.
      if (canned.toolPreamble && !forcesTool(conv.toolChoice)) content.push({ type: 'text', text: canned.toolPreamble });
      content.push({ type: 'tool_use', name: tool.name, input: sampleToolInput(tool.inputSchema) });
      stopReason = 'tool_use';
    } else {
      // Structured output answers with JSON that validates against the requested schema.
      const text = conv.responseSchema !== undefined ? JSON.stringify(sampleValue(conv.responseSchema)) : canned.text;
      const said = limitText(text, conv, budget);
      if (said.text.length > 0 || content.length === 0) content.push({ type: 'text', text: said.text });
      // With citations enabled on a document, the answer ends by quoting it (converse citations capture).
      const cited = said.stopReason === 'end_turn' ? citedPassage(conv) : undefined;
      if (cited) content.push({ type: 'citation', text: ` ${cited.quote}`, source: cited });
      stopReason = budget <= 0 ? 'max_tokens' : said.stopReason;
      stopSequence = said.stopSequence;
    }
    const outputTokens = content.reduce((n, block) => {
      if (block.type === 'redacted_reasoning') return n + countTokens(block.data);
      if (block.type === 'tool_use') return n + countTokens(block.name) + countTokens(JSON.stringify(block.input));
      return n + countTokens(block.text);
    }, 0);
    return { content, stopReason, stopSequence, usage: { inputTokens, outputTokens }, ...(canned.fault ? { fault: canned.fault } : {}), ...(canned.pacing ? { pacing: canned.pacing } : {}), ...(canned.drop ? { drop: canned.drop } : {}) };
  };
}
