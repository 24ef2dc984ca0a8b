// Every model of the catalog through Converse, ConverseStream and CountTokens with the default JS
// client: it answers, or it refuses exactly as Bedrock does (issue #3, "Done when").
import { ConverseCommand, ConverseStreamCommand, CountTokensCommand } from '@aws-sdk/client-bedrock-runtime';
import { expect, it } from 'vitest';
import { converseTraits } from '../../src/catalog/converse-traits.js';
import { MODELS } from '../../src/catalog/index.js';
import { failure, useEmulator } from '../support/emulator.js';
import { emulatorDescribe } from '../support/markers.js';

const t = useEmulator();
const messages = [{ role: 'user' as const, content: [{ text: 'Hello there' }] }];
/** How the model is invoked: its bare id on demand, else its first cross-region profile. */
const invocationId = (m: (typeof MODELS)[number]) => (m.inferenceTypes.includes('ON_DEMAND') ? m.modelId : `${m.profiles[0]}.${m.modelId}`);

// The emulator's whole catalog, retired and quirky models included: emulator-only.
emulatorDescribe.each(MODELS.map((m) => [m.modelId, m] as const))('%s', (_, model) => {
  const traits = converseTraits(model);
  const modelId = invocationId(model);

  it(traits.converse ? 'answers Converse' : 'is refused by Converse', async () => {
    if (!traits.converse) {
      const err = await failure(() => t.h2.send(new ConverseCommand({ modelId, messages })));
      expect(err.message).toBe("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
      return;
    }
    const res = await t.h2.send(new ConverseCommand({ modelId, messages, inferenceConfig: { maxTokens: 40 } }));
    const text = res.output?.message?.content?.map((b) => b.text ?? '').join('');
    expect(text?.length).toBeGreaterThan(0);
    expect(res.usage!.totalTokens).toBe(res.usage!.inputTokens! + res.usage!.outputTokens!);
    expect(Number.isInteger(res.metrics!.latencyMs)).toBe(true);
  });

  // Models Converse refuses are covered above; ConverseStream refuses them the same way.
  if (traits.converse) it(model.streaming ? 'streams with ConverseStream' : 'refuses ConverseStream', async () => {
    if (!model.streaming) {
      const err = await failure(() => t.h2.send(new ConverseStreamCommand({ modelId, messages })));
      expect(err.message).toBe('The model is unsupported for streaming.');
      return;
    }
    const res = await t.h2.send(new ConverseStreamCommand({ modelId, messages, inferenceConfig: { maxTokens: 40 } }));
    const kinds: string[] = [];
    for await (const event of res.stream!) kinds.push(Object.keys(event)[0]);
    expect(kinds[0]).toBe('messageStart');
    expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
    expect(kinds).toContain('contentBlockDelta');
  });

  it(traits.countTokens ? 'counts tokens by base id' : 'refuses CountTokens', async () => {
    const send = () => t.h2.send(new CountTokensCommand({ modelId: model.modelId, input: { converse: { messages } } }));
    if (!traits.countTokens) {
      expect((await failure(send)).message).toBe("The provided model doesn't support counting tokens.");
    } else {
      expect((await send()).inputTokens).toBeGreaterThan(0);
    }
  });
});
