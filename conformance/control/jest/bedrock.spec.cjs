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
