// What a Jest user writes with Jest's default setup (CommonJS, no transform config): the package
// is `require`d, started per file, scripted with a rule, and read back through the journal.
const { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');
const { startEmulator } = require('bedrock-emulator');

let emulator;
let client;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

test('a rule answers a prompt, and the journal shows what the app sent', async () => {
  emulator.rules.add({ match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
  const out = await client.send(new ConverseCommand({
    modelId: 'amazon.nova-micro-v1:0',
    messages: [{ role: 'user', content: [{ text: 'What is the capital of France?' }] }],
  }));
  expect(out.output.message.content).toEqual([{ text: 'Paris.' }]);
  const [entry] = emulator.requests({ operation: 'Converse' });
  expect(entry.modelId).toBe('amazon.nova-micro-v1:0');
  expect(entry.body.messages[0].content[0].text).toBe('What is the capital of France?');
});

test("a stream answers over the SDK's default HTTP/2, with the rule's text", async () => {
  emulator.rules.add({ match: { prompt: 'stream it' }, reply: { text: 'Streamed.' } });
  const out = await client.send(new ConverseStreamCommand({
    modelId: 'amazon.nova-micro-v1:0',
    messages: [{ role: 'user', content: [{ text: 'Please stream it.' }] }],
  }));
  let text = '';
  for await (const event of out.stream) text += event.contentBlockDelta?.delta?.text ?? '';
  expect(text).toBe('Streamed.');
});

test('a rule makes the model call a tool with given arguments', async () => {
  emulator.rules.add({ match: { prompt: 'weather' }, reply: { toolUse: { name: 'get_weather', input: { city: 'Paris' } } } });
  const out = await client.send(new ConverseCommand({
    modelId: 'amazon.nova-micro-v1:0',
    messages: [{ role: 'user', content: [{ text: 'What is the weather in Paris?' }] }],
    toolConfig: { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } } } }] },
  }));
  expect(out.stopReason).toBe('tool_use');
  const call = out.output.message.content.find((block) => block.toolUse).toolUse;
  expect(call.name).toBe('get_weather');
  expect(call.input).toEqual({ city: 'Paris' });
});

test('a ThrottlingException on the 3rd call only: the SDK retries it, the journal shows the retry', async () => {
  emulator.clearRequests();
  emulator.rules.add({ match: { prompt: 'count me' }, sequence: [{}, {}, { error: { name: 'ThrottlingException' } }, {}] });
  const ask = () => client.send(new ConverseCommand({ modelId: 'amazon.nova-micro-v1:0', messages: [{ role: 'user', content: [{ text: 'count me' }] }] }));
  for (let i = 0; i < 3; i++) await ask();
  expect(emulator.requests({ operation: 'Converse' }).map((e) => e.status)).toEqual([200, 200, 429, 200]);
});

test('a stream dropped after 2 events fails in the app; the next call is answered', async () => {
  emulator.rules.add({ match: { prompt: 'break' }, reply: { text: 'one two three four five six' }, drop: { afterEvents: 2 }, times: 1 });
  const ask = () => client.send(new ConverseStreamCommand({ modelId: 'amazon.nova-micro-v1:0', messages: [{ role: 'user', content: [{ text: 'break it' }] }] }));
  const out = await ask();
  const seen = [];
  await expect((async () => { for await (const event of out.stream) seen.push(Object.keys(event)[0]); })()).rejects.toThrow();
  expect(seen).toEqual(['messageStart', 'contentBlockDelta']);
  let text = '';
  for await (const event of (await ask()).stream) text += event.contentBlockDelta?.delta?.text ?? '';
  expect(text.length).toBeGreaterThan(0);
});
