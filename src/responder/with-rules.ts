// The rules responder: wraps any responder (the fixtures' by default) so that the first matching
// rule (src/rules) decides the answer, and the wrapped one answers everything else. Operations
// call it like any responder and know nothing of rules; what it knows of the request (operation,
// model id as sent, headers) comes from the per-request scope the HTTP edge sets.
import { DEFAULT_ERROR_MESSAGES, type ErrorName } from '../errors.js';
import type { RuleStore } from '../rules/store.js';
import type { RuleAnswer } from '../rules/types.js';
import { currentRequest } from './request-scope.js';
import { conversationTokens, countTokens } from './tokens.js';
import type { Conversation, Reply, ReplyBlock, Responder } from './types.js';

const STREAMING = new Set(['InvokeModelWithResponseStream', 'ConverseStream']);

/** An opaque, stable stand-in for a reasoning block's signature (base64, as real ones are). */
const signature = (text: string) => Buffer.from(`rule-signature:${text}`).toString('base64');

function outputTokens(content: ReplyBlock[]): number {
  return content.reduce((n, b) => {
    if (b.type === 'redacted_reasoning') return n + countTokens(b.data);
    if (b.type === 'tool_use') return n + countTokens(b.name) + countTokens(JSON.stringify(b.input));
    return n + countTokens(b.text);
  }, 0);
}

/** The reply a rule's answer gives; `fallback` is what the wrapped responder would say. */
function answerReply(answer: RuleAnswer, conv: Conversation, fallback: () => Reply, operation: string | undefined): Reply {
  const r = answer.reply;
  const content: ReplyBlock[] = [];
  if (r?.reasoning !== undefined) content.push({ type: 'reasoning', text: r.reasoning, signature: signature(r.reasoning) });
  if (r?.text !== undefined) content.push({ type: 'text', text: r.text });
  if (r?.json !== undefined) content.push({ type: 'text', text: JSON.stringify(r.json) });
  const calls = r?.toolUse === undefined ? [] : Array.isArray(r.toolUse) ? r.toolUse : [r.toolUse];
  for (const call of calls) content.push({ type: 'tool_use', name: call.name, input: call.input ?? {} });

  let reply: Reply;
  if (content.length > 0) {
    reply = {
      content,
      stopReason: r?.stopReason ?? (calls.length ? 'tool_use' : 'end_turn'),
      stopSequence: null,
      usage: { inputTokens: r?.usage?.inputTokens ?? conversationTokens(conv), outputTokens: r?.usage?.outputTokens ?? outputTokens(content) },
    };
  } else {
    // No content scripted: the wrapped responder's answer, with what the rule does set.
    const base = fallback();
    reply = { ...base, stopReason: r?.stopReason ?? base.stopReason, usage: { ...base.usage, ...r?.usage } };
  }
  if (answer.error) {
    const name = answer.error.name as ErrorName;
    reply.fault = { name, message: answer.error.message ?? DEFAULT_ERROR_MESSAGES[name] };
  } else if (answer.streamError && STREAMING.has(operation ?? '')) {
    const name = (answer.streamError.name ?? 'ModelStreamErrorException') as ErrorName;
    reply.fault = { name, message: answer.streamError.message ?? DEFAULT_ERROR_MESSAGES[name], afterEvents: answer.streamError.afterEvents };
  }
  if (answer.drop) reply.drop = { ...answer.drop };
  if (answer.pacing) reply.pacing = { ...answer.pacing };
  return reply;
}

export function withRules(rules: RuleStore, wrapped: Responder): Responder {
  return (conv, modelId) => {
    const scope = currentRequest();
    if (scope) scope.resolvedModelId = modelId;
    // CountTokens reads a native body through its family, which asks the responder, but says
    // nothing: it must not use up a rule's calls (`times`, `sequence`).
    const counting = scope?.operation() === 'CountTokens';
    const taken = rules.size > 0 && !counting ? rules.take(conv, modelId, scope) : undefined;
    const reply = taken ? answerReply(taken.answer, conv, () => wrapped(conv, modelId), scope?.operation()) : wrapped(conv, modelId);
    if (scope) {
      if (taken) scope.ruleId = taken.rule.id;
      scope.reply = reply;
    }
    return reply;
  };
}
