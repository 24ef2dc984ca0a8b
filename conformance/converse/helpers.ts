// Shared pieces of the Converse conformance tests: collecting ConverseStream events as the SDK
// hands them out, raw HTTP for the checks that need the wire bytes (decoded with the SDK's own
// event-stream splitter and codec, never by hand), and a small JSON Schema check for tool inputs.
import type { BedrockRuntimeClient, ContentBlock, Message } from '@aws-sdk/client-bedrock-runtime';
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { getChunkedStream } from '@smithy/core/event-streams';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { failure } from '../support/emulator.js';

export const user = (...content: Array<string | ContentBlock>): Message => ({
  role: 'user',
  content: content.map((c) => (typeof c === 'string' ? { text: c } : c)),
});
export const assistant = (...content: Array<string | ContentBlock>): Message => ({
  role: 'assistant',
  content: content.map((c) => (typeof c === 'string' ? { text: c } : c)),
});

/** The weather tool of the Converse tool-use docs, with a required string and an enum. */
export const weatherTool = {
  toolSpec: {
    name: 'get_weather',
    description: 'Get the current weather for a city.',
    inputSchema: {
      json: {
        type: 'object',
        properties: {
          city: { type: 'string', description: 'City name' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer', minimum: 1, maximum: 7 },
        },
        required: ['city', 'unit'],
      },
    },
  },
};
export const timeTool = {
  toolSpec: {
    name: 'get_time',
    description: 'Current time in a time zone.',
    inputSchema: { json: { type: 'object', properties: { zone: { type: 'string', minLength: 3 } }, required: ['zone'] } },
  },
};

/** A ConverseStream event as `[member, value]`, in arrival order. */
export type Event = [string, any];

export async function collect(stream: AsyncIterable<any> | undefined): Promise<Event[]> {
  const out: Event[] = [];
  for await (const event of stream ?? []) {
    const keys = Object.keys(event).filter((k) => event[k] !== undefined);
    if (keys.length !== 1) throw new Error(`event with members ${JSON.stringify(keys)}`);
    out.push([keys[0], event[keys[0]]]);
  }
  return out;
}

/** Converse and ConverseStream against one client. */
export function calls(client: () => BedrockRuntimeClient) {
  const converse = (input: Record<string, any>) => client().send(new ConverseCommand(input as any));
  const stream = async (input: Record<string, any>) => collect((await client().send(new ConverseStreamCommand(input as any))).stream);
  /** The message of the ValidationException both operations give for `input` (the same text, evidence preamble). */
  const refusal = async (input: Record<string, any>) => {
    const messages: string[] = [];
    for (const op of [converse, stream]) {
      const err = await failure(() => op(input));
      expect(err.name).toBe('ValidationException');
      expect(err.$metadata.httpStatusCode).toBe(400);
      messages.push(err.message);
    }
    expect(messages[1]).toBe(messages[0]);
    return messages[0];
  };
  return { converse, stream, refusal };
}

/** Text joined from the text deltas of one block index. */
export const streamedText = (events: Event[], index?: number) =>
  events
    .filter(([k, v]) => k === 'contentBlockDelta' && v.delta?.text !== undefined && (index === undefined || v.contentBlockIndex === index))
    .map(([, v]) => v.delta.text)
    .join('');

/** The text of a Converse response: its text blocks joined. */
export const answerText = (res: any) =>
  (res.output?.message?.content ?? []).filter((b: any) => typeof b.text === 'string').map((b: any) => b.text).join('');

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0';

/** A signed-looking raw POST (the emulator does not verify signatures). */
export async function rawPost(url: string, modelId: string, op: 'converse' | 'converse-stream' | 'count-tokens', body: unknown) {
  const res = await fetch(`${url}/model/${encodeURIComponent(modelId)}/${op}`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const utf8 = new TextDecoder();
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => utf8.decode(bytes),
  (text: string) => new TextEncoder().encode(text),
);

export interface RawFrame {
  headers: Array<[string, string]>;
  body: string;
}

/** Every message of an event-stream body, split by the SDK's splitter and decoded by the codec. */
export async function rawFrames(bytes: Uint8Array): Promise<RawFrame[]> {
  const out: RawFrame[] = [];
  const source = (async function* () {
    yield bytes;
  })();
  for await (const message of getChunkedStream(source)) {
    const decoded = codec.decode(message);
    out.push({ headers: Object.entries(decoded.headers).map(([n, h]) => [n, String(h.value)]), body: utf8.decode(decoded.body) });
  }
  return out;
}

/**
 * Paths of objects whose keys are not in ascending order; `skip` names keys whose values keep
 * their own order (tool inputs are the caller's documents).
 */
export function unsortedPaths(value: unknown, skip: string[] = ['input'], at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unsortedPaths(v, skip, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const keys = Object.keys(value);
  const out = keys.join() === [...keys].sort().join() ? [] : [at];
  for (const key of keys) if (!skip.includes(key)) out.push(...unsortedPaths((value as any)[key], skip, `${at}.${key}`));
  return out;
}

/** Problems of `value` against the JSON Schema subset tool definitions use (empty when valid). */
export function schemaProblems(value: any, schema: any, at = '$'): string[] {
  const out: string[] = [];
  const type = schema.type;
  const is = (t: string) =>
    t === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value)
    : t === 'array' ? Array.isArray(value)
    : t === 'integer' ? Number.isInteger(value)
    : t === 'null' ? value === null
    : typeof value === t;
  if (type && !(Array.isArray(type) ? type.some(is) : is(type))) return [`${at}: not ${JSON.stringify(type)}`];
  if (schema.enum && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) out.push(`${at}: not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: above maximum`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${at}: too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) out.push(`${at}: too long`);
  }
  if (is('object') && (type === 'object' || schema.properties)) {
    for (const key of schema.required ?? []) if (!(key in value)) out.push(`${at}.${key}: required`);
    for (const [key, sub] of Object.entries<any>(schema.properties ?? {})) if (key in value) out.push(...schemaProblems(value[key], sub, `${at}.${key}`));
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...schemaProblems(v, schema.items, `${at}[${i}]`)));
  return out;
}

/** A fixtures folder holding `files` (name → JSON), for useEmulator({fixtures}). */
export function fixturesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-emulator-converse-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(data));
  return dir;
}

/** The fixture file name the emulator looks up for a base model id (README, fixtures). */
export const fixtureName = (baseModelId: string) => `${baseModelId.replaceAll(':', '_')}.json`;

export const TOOLUSE_ID = /^tooluse_[A-Za-z0-9_-]{22}$/;
