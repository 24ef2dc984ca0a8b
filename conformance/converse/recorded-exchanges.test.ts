// Request shapes from real recorded 2026 exchanges that the emulator used to refuse (pydantic-ai's
// Bedrock cassettes, replayed for issue 8): each was answered 200 by Bedrock. The recordings stay
// outside this repository; the facts drawn from them are in src/refusals.evidence.md (V01, V08,
// C01) and src/catalog/models-open-weight.ts.
import { BedrockClient, GetFoundationModelCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, ConverseCommand, CountTokensCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { credentials, failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { answerText, assistant, calls, user } from './helpers.js';

const t = useEmulator();
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const haiku3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const nova2 = 'us.amazon.nova-2-lite-v1:0';
const limits = { maxTokens: 64 };
const START_WITH_USER = 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';

/** The open-weight models a 2026 recording shows answered on demand through Converse. */
const OPEN_WEIGHT = [
  'google.gemma-3-27b-it',
  'minimax.minimax-m2',
  'moonshot.kimi-k2-thinking',
  'nvidia.nemotron-nano-12b-v2',
  'qwen.qwen3-32b-v1:0',
  'zai.glm-4.7-flash',
  'mistral.mistral-large-3-675b-instruct',
];
/** Answered a Converse tool call in 2026 (openinference cassette test_converse_tool_use_message). */
const DEVSTRAL = 'mistral.devstral-2-123b';
const topSong = { toolSpec: { name: 'top_song', description: 'Get the most popular song played on a radio station.', inputSchema: { json: { type: 'object', properties: { sign: { type: 'string', description: 'The call sign for the radio station' } }, required: ['sign'] } } } };

const cityFormat = {
  textFormat: {
    type: 'json_schema',
    structure: {
      jsonSchema: {
        name: 'City',
        schema: JSON.stringify({ type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city', 'country'], additionalProperties: false }),
      },
    },
  },
};

/** Nova 2's code interpreter turn as pydantic-ai sends it back (cassette test_bedrock_model_with_code_execution_tool, 2026-01-16). */
const finalResult = { toolSpec: { name: 'final_result', description: 'The final response', inputSchema: { json: { type: 'object', properties: { result: { type: 'number' } }, required: ['result'] } } } };
const codeInterpreterHistory = [
  user('What is 1234 * 5678?'),
  {
    role: 'assistant',
    content: [
      { toolUse: { toolUseId: 'tooluse_dV5ehBNfl1hUE-UTM9cIww', name: 'nova_code_interpreter', input: { snippet: '1234 * 5678' }, type: 'server_tool_use' } },
      {
        toolResult: {
          toolUseId: 'tooluse_dV5ehBNfl1hUE-UTM9cIww',
          content: [{ json: { stdOut: '7006652', stdErr: '', exitCode: 0, isError: false } }],
          type: 'nova_code_interpreter_result',
          status: 'success',
        },
      },
      { toolUse: { toolUseId: 'tooluse_DaRsVjwcShCI_3pOsIsWqg', name: 'final_result', input: { result: 7006652 } } },
    ],
  },
  { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_DaRsVjwcShCI_3pOsIsWqg', content: [{ text: 'Final result processed.' }], status: 'success' } }, { text: 'Now multiply that by 2' }] },
];
/** A tool call, and the user turn answering it with `inner` inside the toolResult and `beside` after it. */
const getFile = { toolSpec: { name: 'get_file', inputSchema: { json: { type: 'object', properties: {}, additionalProperties: false } } } };
const fileTurns = (inner: object[], beside: object[] = []) => [
  user('Use the get_file tool now to retrieve a file, then describe what you received.'),
  { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_getfile_1', name: 'get_file', input: {} } }] },
  { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_getfile_1', content: inner, status: 'success' } }, ...beside] },
];
const s3 = (uri: string) => ({ s3Location: { uri } });
const VIDEO_BLOCK = "This model doesn't support the video content block that you provided. Update the content block and try again.";
const S3_URI = "This model doesn't support the s3Uri field. Remove s3Uri and try again.";
// A minimal one-page PDF (text "Hello").
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Resources<<>>>>endobj ' +
    '4 0 obj<</Length 35>>stream\nBT /F1 12 Tf 20 100 Td (Hello) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
);
const codeInterpreterTools = { tools: [finalResult, { systemTool: { name: 'nova_code_interpreter' } }], toolChoice: { any: {} } };

describe.each([['HTTP/2'], ['HTTP/1.1']])('request shapes of recorded 2026 exchanges, over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, refusal } = calls(client);
  const leading = [assistant('Hello there!'), user('Now say goodbye.')];

  // pydantic-ai#6255 (2026-07-03): "Anthropic and Qwen accept a leading assistant turn … Verified
  // against Bedrock us-east-1 on 2026-07-03"; Nova, Llama, Mistral, … refuse it.
  awsIt('Claude Sonnet 4.5 answers a conversation that starts with an assistant turn; Nova and Claude 3 Haiku refuse it', async () => {
    await requireModel(sonnet45, nova, haiku3);
    const res = await converse({ modelId: sonnet45, messages: leading, inferenceConfig: limits });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(res.output?.message?.role).toBe('assistant');
    expect(answerText(res).length).toBeGreaterThan(0);
    for (const modelId of [nova, haiku3]) expect(await refusal({ modelId, messages: leading, inferenceConfig: limits })).toBe(START_WITH_USER);
  });

  emulatorIt('the leading assistant turn is part of the prompt: it adds input tokens', async () => {
    const alone = await converse({ modelId: sonnet45, messages: [user('Now say goodbye.')], inferenceConfig: limits });
    const res = await converse({ modelId: sonnet45, messages: leading, inferenceConfig: limits });
    expect(res.usage!.inputTokens!).toBeGreaterThan(alone.usage!.inputTokens!);
  });

  awsIt('Nova 2 Lite answers when the code interpreter call and its result are sent back in the assistant turn and the user turn answers only the client tool', async () => {
    await requireModel(nova2);
    const res = await converse({ modelId: nova2, messages: codeInterpreterHistory, inferenceConfig: { maxTokens: 512 }, toolConfig: codeInterpreterTools });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(res.output?.message?.content?.length).toBeGreaterThan(0);
  });

  emulatorIt('a client tool call left unanswered beside a server call is still refused (the server call needs no result)', async () => {
    const [first, turn] = codeInterpreterHistory;
    const message = await refusal({ modelId: nova2, messages: [first, turn, user('Now multiply that by 2')], inferenceConfig: limits, toolConfig: codeInterpreterTools });
    expect(message).toMatch(/^Expected toolResult blocks at messages\.2\.content for the following Ids: tooluse_DaRsVjwcShCI_3pOsIsWqg/);
  });

  // The point is that the output format is taken; the answer may stop at its limit (several of these
  // models reason first), so 128 tokens are enough.
  awsIt.each(OPEN_WEIGHT.map((m) => [m]))('%s answers Converse with a JSON schema output format', async (modelId) => {
    await requireModel(modelId);
    const res = await converse({ modelId, messages: [user('Where is the Eiffel Tower?')], inferenceConfig: { maxTokens: 128 }, outputConfig: cityFormat });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(['end_turn', 'max_tokens']).toContain(res.stopReason);
  });

  emulatorIt.each(OPEN_WEIGHT.map((m) => [m]))('%s: the emulator answers JSON valid against the schema', async (modelId) => {
    const res = await converse({ modelId, messages: [user('Where is the Eiffel Tower?')], inferenceConfig: { maxTokens: 512 }, outputConfig: cityFormat });
    const answer = JSON.parse(answerText(res));
    expect(Object.keys(answer).sort()).toEqual(['city', 'country']);
  });

  awsIt('Devstral 2 answers a Converse request with a tool on its bare id', async () => {
    await requireModel(DEVSTRAL);
    const res = await converse({ modelId: DEVSTRAL, messages: [user('What is the most popular song on Radio XYZ?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [topSong] } });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(['tool_use', 'end_turn', 'max_tokens']).toContain(res.stopReason);
  });

  emulatorIt('Devstral 2: the emulator calls the tool with schema-valid arguments', async () => {
    const res = await converse({ modelId: DEVSTRAL, messages: [user('What is the most popular song on Radio XYZ?')], inferenceConfig: { maxTokens: 256 }, toolConfig: { tools: [topSong] } });
    expect(res.stopReason).toBe('tool_use');
    const call = res.output?.message?.content?.find((b: any) => b.toolUse)?.toolUse;
    expect(typeof (call?.input as any)?.sign).toBe('string');
  });

  awsIt('Qwen3 32B answers a reasoning block first when additionalModelRequestFields.reasoning_config is set, none without it', async () => {
    await requireModel('qwen.qwen3-32b-v1:0');
    const ask = (extra?: object) => converse({ modelId: 'qwen.qwen3-32b-v1:0', messages: [user('Reply with the single word: ok')], inferenceConfig: { maxTokens: 512 }, ...(extra ? { additionalModelRequestFields: extra } : {}) });
    const thinking = await ask({ reasoning_config: 'high' });
    expect(thinking.output?.message?.content?.[0]?.reasoningContent).toBeDefined();
    const plain = await ask();
    expect(plain.output?.message?.content?.some((b: any) => b.reasoningContent)).toBe(false);
  });

  // pydantic-ai test_multimodal_tool_returns cassettes (2026-03-16, us.anthropic.claude-sonnet-4-5…).
  awsIt('Claude Sonnet 4.5 refuses a video block beside a tool result and inside one, with the content-block wording', async () => {
    await requireModel(sonnet45);
    const video = { video: { format: 'mp4', source: s3('s3://amzn-s3-demo-bucket/clip.mp4') } };
    const toolConfig = { tools: [getFile] };
    expect(await refusal({ modelId: sonnet45, messages: fileTurns([{ text: 'File attached' }], [video]), inferenceConfig: limits, toolConfig })).toBe(VIDEO_BLOCK);
    expect(await refusal({ modelId: sonnet45, messages: fileTurns([video]), inferenceConfig: limits, toolConfig })).toBe(VIDEO_BLOCK);
  });

  awsIt('Claude Sonnet 4.5 refuses an S3 image (s3Uri) and an S3 document beside a tool result (the model finds no source type)', async () => {
    await requireModel(sonnet45);
    const toolConfig = { tools: [getFile] };
    const image = { image: { format: 'jpeg', source: s3('s3://amzn-s3-demo-bucket/kiwi.jpg') } };
    expect(await refusal({ modelId: sonnet45, messages: fileTurns([image]), inferenceConfig: limits, toolConfig })).toBe(S3_URI);
    expect(await refusal({ modelId: sonnet45, messages: fileTurns([{ text: 'File attached' }], [image]), inferenceConfig: limits, toolConfig })).toBe(S3_URI);
    const document = { document: { name: 'Document 1', format: 'pdf', source: s3('s3://amzn-s3-demo-bucket/dummy.pdf') } };
    const message = await refusal({ modelId: sonnet45, messages: fileTurns([{ text: 'File attached' }], [{ text: 'See attached document(s).' }, document]), inferenceConfig: limits, toolConfig });
    expect(message).toBe('The model returned the following errors: messages.2.content.2.document.source.type: Field required');
  });

  emulatorIt('Claude: the S3 document index is the native one (a cache point before it does not count); Nova takes S3 images', async () => {
    const toolConfig = { tools: [getFile] };
    const document = { document: { name: 'Document 1', format: 'pdf', source: s3('s3://amzn-s3-demo-bucket/dummy.pdf') } };
    const message = await refusal({ modelId: sonnet45, messages: [user({ text: 'Read this.' }, { cachePoint: { type: 'default' } } as any, document as any)], inferenceConfig: limits });
    expect(message).toBe('The model returned the following errors: messages.0.content.1.document.source.type: Field required');
    const image = { image: { format: 'jpeg', source: s3('s3://amzn-s3-demo-bucket/kiwi.jpg') } };
    const res = await converse({ modelId: nova2, messages: fileTurns([image]), inferenceConfig: limits, toolConfig });
    expect(res.$metadata.httpStatusCode).toBe(200);
  });

  awsIt('Nova 2 Lite refuses a PDF inside a tool result with its native schema words', async () => {
    await requireModel(nova2);
    const document = { document: { name: 'Document 1', format: 'pdf', source: { bytes: PDF } } };
    const message = await refusal({ modelId: nova2, messages: fileTurns([document]), inferenceConfig: limits, toolConfig: { tools: [getFile] } });
    expect(message).toBe(
      'The model returned the following errors: Malformed input request: #/messages/2/content/0: extraneous key [toolResult] is not permitted, please reformat your input and try again.',
    );
  });

  emulatorIt('Nova 2 Lite takes a text document inside a tool result, and a PDF beside it', async () => {
    const toolConfig = { tools: [getFile] };
    const txt = { document: { name: 'Notes', format: 'txt', source: { bytes: new TextEncoder().encode('Hello') } } };
    const pdf = { document: { name: 'Document 1', format: 'pdf', source: { bytes: PDF } } };
    for (const messages of [fileTurns([txt]), fileTurns([{ text: 'File attached' }], [{ text: 'See the document.' }, pdf])]) {
      const res = await converse({ modelId: nova2, messages, inferenceConfig: limits, toolConfig });
      expect(res.$metadata.httpStatusCode).toBe(200);
    }
  });

  // pydantic-ai cassette test_anthropic_bedrock_count_tokens_rejects_server_tools (2026-06-25).
  awsIt('CountTokens refuses an invokeModel body with a web_search server tool, naming the client tool tags', async () => {
    await requireModel('anthropic.claude-sonnet-4-20250514-v1:0');
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: [{ role: 'user', content: 'What is the weather in Paris today?' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }] };
    const err = await failure(() => client().send(new CountTokensCommand({ modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', input: { invokeModel: { body: new TextEncoder().encode(JSON.stringify(body)) } } })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      "tools.0: Input tag 'web_search_20250305' found using 'type' does not match any of the expected tags: 'bash_20250124', 'custom', 'text_editor_20250124', 'text_editor_20250429', 'text_editor_20250728'",
    );
  });

  emulatorIt('CountTokens counts a body whose tools are client tools or tags with no sighting (computer use)', async () => {
    const body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }], tools: [{ type: 'computer_20250124', name: 'computer', display_width_px: 1024, display_height_px: 768 }] };
    const res = await client().send(new CountTokensCommand({ modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', input: { invokeModel: { body: new TextEncoder().encode(JSON.stringify(body)) } } }));
    expect(res.inputTokens).toBeGreaterThan(0);
  });

  // pydantic-ai cassette test_bedrock_cache_write_and_read (2025-12-11, Sonnet 4.5: 200);
  // NousResearch/hermes-agent#63983 (2026-07-13, a lone " " message: the model's words).
  awsIt('Claude Sonnet 4.5 answers a blank text block beside other content, refuses a message of blank text only in the model\'s words', async () => {
    await requireModel(sonnet45);
    const res = await converse({ modelId: sonnet45, messages: [user('What is 10 + 11?', '\n', 'Answer with a number.')], inferenceConfig: limits });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(await refusal({ modelId: sonnet45, messages: [user(' '), assistant('Hello.'), user('Say goodbye.')], inferenceConfig: limits })).toBe(
      'The model returned the following errors: messages: text content blocks must contain non-whitespace text',
    );
  });

  emulatorIt('blank text: a message of blank text and a cache point says nothing (Claude 4.x refuses it); Claude 3 Haiku refuses each blank block with Bedrock\'s words', async () => {
    const message = await refusal({ modelId: sonnet45, messages: [user({ text: '\n' }, { cachePoint: { type: 'default' } } as any)], inferenceConfig: limits });
    expect(message).toBe('The model returned the following errors: messages: text content blocks must contain non-whitespace text');
    expect(await refusal({ modelId: haiku3, messages: [user('fine', '\n')], inferenceConfig: limits })).toBe(
      'The text field in the ContentBlock object at messages.0.content.1 is blank. Add text to the text field, and try again.',
    );
  });

  // traceloop/openllmetry cassettes test_meta_converse*.yaml (2025-02-28, us-east-1, 200).
  awsIt('Llama 3.2 1B answers Converse on its bare id (recorded in us-east-1)', async () => {
    await requireModel('meta.llama3-2-1b-instruct-v1:0');
    const res = await converse({ modelId: 'meta.llama3-2-1b-instruct-v1:0', messages: [user('Tell me a joke about opentelemetry')], system: [{ text: 'You are an app that knows about everything.' }], inferenceConfig: { temperature: 0.5, maxTokens: 64 }, additionalModelRequestFields: {} });
    expect(res.$metadata.httpStatusCode).toBe(200);
    expect(answerText(res).length).toBeGreaterThan(0);
  });

  emulatorIt('Llama 3.2 1B: the bare id answers in us-east-1 and is refused in us-west-2 (profile only there)', async () => {
    const input = { modelId: 'meta.llama3-2-1b-instruct-v1:0', messages: [user('Hi')], inferenceConfig: limits };
    const east = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: t.url, credentials, maxAttempts: 1 });
    expect((await east.send(new ConverseCommand(input as any))).stopReason).toBe('end_turn');
    const west = new BedrockRuntimeClient({ region: 'us-west-2', endpoint: t.url, credentials, maxAttempts: 1 });
    const err = await failure(() => west.send(new ConverseCommand(input as any)));
    expect(err.message).toMatch(/^Invocation of model ID meta\.llama3-2-1b-instruct-v1:0 with on-demand throughput isn.t supported/);
    east.destroy();
    west.destroy();
  });

  emulatorIt('the open-weight models are in the catalog as on-demand text models', async () => {
    const control = new BedrockClient({ endpoint: t.url, region: 'us-east-1', credentials });
    for (const modelIdentifier of [...OPEN_WEIGHT, DEVSTRAL]) {
      const { modelDetails } = await control.send(new GetFoundationModelCommand({ modelIdentifier }));
      expect(modelDetails?.inferenceTypesSupported).toEqual(['ON_DEMAND']);
      expect(modelDetails?.outputModalities).toEqual(['TEXT']);
    }
  });
});
