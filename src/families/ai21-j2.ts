// AI21 Jurassic-2 Mid / Ultra (FORMATS.md §10; capture invoke__ai21.j2-mid-v1.json). Legacy and
// never streams: no `stream` here, so InvokeModelWithResponseStream answers "The model is
// unsupported for streaming." (src/errors.evidence.md §4).
import { tokenize } from '../responder/tokens.js';
import type { StopReason } from '../responder/types.js';
import { validate, type Schema } from '../schema/validate.js';
import type { Family, InvokeContext } from './family.js';

interface Penalty {
  scale: number;
  applyToWhitespaces?: boolean;
  applyToPunctuations?: boolean;
  applyToNumbers?: boolean;
  applyToStopwords?: boolean;
  applyToEmojis?: boolean;
}

interface J2Request {
  prompt: string;
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  minTokens?: number;
  stopSequences?: string[];
  numResults?: number;
  countPenalty?: Penalty;
  presencePenalty?: Penalty;
  frequencyPenalty?: Penalty;
}

const penalty: Schema = {
  type: 'object',
  required: ['scale'],
  properties: {
    scale: { type: 'number' },
    applyToWhitespaces: { type: 'boolean' },
    applyToPunctuations: { type: 'boolean' },
    applyToNumbers: { type: 'boolean' },
    applyToStopwords: { type: 'boolean' },
    applyToEmojis: { type: 'boolean' },
  },
  additionalProperties: false,
};

// A dify code comment quotes `#/temperature: …#/maxTokens: …#/topP: …` for nulls in all three
// (src/errors.evidence.md §2): the Java HashMap order the validator reports properties in.
// Unknown keys are refused (`#: extraneous key [top_p] is not permitted…`, dify#3326).
const schema = (maxTokens: number): Schema => ({
  type: 'object',
  required: ['prompt'],
  properties: {
    prompt: { type: 'string' },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    maxTokens: { type: 'integer', minimum: 0, maximum: maxTokens },
    topP: { type: 'number', minimum: 0, maximum: 1 },
    minTokens: { type: 'integer', minimum: 0 },
    stopSequences: { type: 'array', items: { type: 'string' } },
    numResults: { type: 'integer', minimum: 1, maximum: 16 },
    countPenalty: penalty,
    presencePenalty: penalty,
    frequencyPenalty: penalty,
  },
  additionalProperties: false,
});

/** Real J2 answers always carried `"id":1234` on Bedrock (capture). */
const RESPONSE_ID = 1234;

/** A piece of text as J2's SentencePiece vocabulary spells it (capture): `▁` for spaces,
 *  `<|newline|>` for newlines, and a `▁` word-start mark on a word that begins the text or a
 *  line (`▁Explain` at 0..7, `▁A` right after `<|newline|>`), outside its text range. */
function spell(piece: string, atLineStart: boolean): string {
  const spelled = piece.replace(/[^\S\n]/gu, '▁');
  const lead = /^\n*/u.exec(spelled)![0];
  const rest = spelled.slice(lead.length);
  const mark = rest && !rest.startsWith('▁') && (lead.length > 0 || atLineStart) ? '▁' : '';
  return '<|newline|>'.repeat(lead.length) + mark + rest.replaceAll('\n', '<|newline|>');
}

/** Deterministic log-probabilities in the range real ones take. Kept above 1e-3 in magnitude so
 *  Java's `Double.toString` would not switch to E notation (the capture shows `-3.81E-6` there). */
function logprob(piece: string, salt: number): number {
  let h = 17 + salt;
  for (const c of piece) h = (h * 131 + c.codePointAt(0)!) % 1_000_003;
  return -Math.fround(0.002 + (h % 11_000) / 1000);
}

/** The token list J2 returns for a text: each token with its text range (capture). */
function tokens(text: string, generated: boolean) {
  let start = 0;
  return tokenize(text).map((piece) => {
    const lp = logprob(piece, 0);
    // The prompt's raw_logprob equals logprob; a completion's differs (sampling temperature, capture).
    const raw = generated ? logprob(piece, 1) : lp;
    const atLineStart = start === 0 || text[start - 1] === '\n';
    const token = { generatedToken: { token: spell(piece, atLineStart), logprob: lp, raw_logprob: raw }, topTokens: null, textRange: { start, end: start + piece.length } };
    start += piece.length;
    return token;
  });
}

function finishReason(stop: StopReason, sequence: string | null, maxTokens: number) {
  if (stop === 'max_tokens') return { reason: 'length', length: maxTokens };
  if (stop === 'stop_sequence') return { reason: 'stop', sequence };
  return { reason: 'endoftext' };
}

function render(req: J2Request, ctx: InvokeContext) {
  const maxTokens = req.maxTokens ?? 200; // the AWS J2 parameter table's default
  const r = ctx.respond({
    messages: [{ role: 'user', content: [{ type: 'text', text: req.prompt }] }],
    maxTokens,
    stopSequences: req.stopSequences,
  });
  const text = r.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  const completionTokens = tokens(text, true);
  const promptTokens = tokens(req.prompt, false);
  const results = req.numResults ?? 1;
  const completion = () => ({ data: { text, tokens: completionTokens }, finishReason: finishReason(r.stopReason, r.stopSequence, maxTokens) });
  return {
    body: {
      id: RESPONSE_ID,
      prompt: { text: req.prompt, tokens: promptTokens },
      completions: Array.from({ length: results }, completion),
    },
    // Both headers matched the token lists in the capture (10 and 10).
    usage: { inputTokens: promptTokens.length, outputTokens: completionTokens.length * results },
  };
}

export const ai21J2: Family<J2Request> = {
  name: 'ai21-j2',
  parse: (body, ctx) => validate<J2Request>(schema(ctx.model.maxOutputTokens), body),
  invoke: render,
};

export default ai21J2;
