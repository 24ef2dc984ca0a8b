// Claude 4.5 and later do not refuse a request whose input and max_tokens together pass the
// context window: they write until the window is full and stop with `model_context_window_exceeded`
// (Anthropic, "Handling stop reasons"; the value joined Converse's StopReason enum in the service
// model of 2025-09-29, the day Claude Sonnet 4.5 shipped; anthropic-sdk-python 0.119.0 added it to
// the Messages API). So the output limit in force is whichever is smaller, max_tokens or the room
// the input leaves, and a reply cut by the room says so. The emulator's replies are short: only an
// input within a few tokens of the window triggers it.
import type { ModelEntry } from '../catalog/types.js';
import { claudeGeneration } from '../responder/chat-template.js';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation, Reply, StopReason } from '../responder/types.js';

const fillsWindow = (entry: ModelEntry) => entry.family === 'anthropic-messages' && claudeGeneration(entry.modelId) >= 4.5;

/** The conversation with its output limit cut to the room left in the window, and whether it was. */
export function limitToWindow<C extends Conversation>(conv: C, entry: ModelEntry): { conv: C; bound: boolean } {
  if (!fillsWindow(entry)) return { conv, bound: false };
  const room = Math.max(0, entry.contextWindow - conversationTokens(conv));
  return room < conv.maxTokens ? { conv: { ...conv, maxTokens: room }, bound: true } : { conv, bound: false };
}

/** The reply, its stop reason naming the window when the window was the limit that cut it. */
export function windowStop(reply: Reply, bound: boolean): Reply {
  if (!bound || reply.stopReason !== 'max_tokens') return reply;
  // Not one of the responder's own stop reasons: only Claude's renderings (native and Converse)
  // ever see it, and they write the value through.
  return { ...reply, stopReason: 'model_context_window_exceeded' as StopReason, stopSequence: null };
}
