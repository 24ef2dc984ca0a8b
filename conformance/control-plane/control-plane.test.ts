// The control-plane subset on the runtime's port (SPEC.md §9), through the official `bedrock`
// client: what the seeds rely on to check `responseStreamingSupported`.
import {
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
} from '@aws-sdk/client-bedrock';
import { describe, expect } from 'vitest';
import { failure, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();

describe('ListFoundationModels / GetFoundationModel', () => {
  awsIt('lists every model with the FoundationModelSummary members in order', async () => {
    await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
    const res = await t.bedrock.send(new ListFoundationModelsCommand({}));
    const summaries = res.modelSummaries ?? [];
    expect(summaries.length).toBeGreaterThan(50);
    const claude = summaries.find((m) => m.modelId === 'anthropic.claude-3-sonnet-20240229-v1:0');
    expect(claude).toMatchObject({
      modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0',
      providerName: 'Anthropic',
      responseStreamingSupported: true,
      inputModalities: expect.arrayContaining(['TEXT']),
      modelLifecycle: { status: expect.stringMatching(/^(ACTIVE|LEGACY)$/) },
    });
  });

  awsIt('reports responseStreamingSupported false for Jurassic-2 and embeddings, as the seeds say', async () => {
    await requireModel('ai21.j2-mid-v1', 'amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3');
    for (const id of ['ai21.j2-mid-v1', 'amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']) {
      const res = await t.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: id }));
      expect(res.modelDetails?.responseStreamingSupported, id).toBe(false);
    }
  });

  awsIt('applies the filters, case-insensitively for the provider', async () => {
    const res = await t.bedrock.send(new ListFoundationModelsCommand({ byProvider: 'anthropic', byOutputModality: 'TEXT' }));
    expect(res.modelSummaries!.length).toBeGreaterThan(5);
    expect(res.modelSummaries!.every((m) => m.providerName === 'Anthropic')).toBe(true);
    const embeddings = await t.bedrock.send(new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }));
    expect(embeddings.modelSummaries!.every((m) => m.outputModalities?.includes('EMBEDDING'))).toBe(true);
  });

  awsIt('refuses a filter outside its enum with the coral constraint message', async () => {
    const err = await failure(() => t.bedrock.send(new ListFoundationModelsCommand({ byOutputModality: 'VIDEO' as any })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe("1 validation error detected: Value 'VIDEO' at 'byOutputModality' failed to satisfy constraint: Member must satisfy enum value set: [TEXT, IMAGE, EMBEDDING]");
  });

  emulatorIt('reads a model by ARN and uses the region of the caller', async () => {
    const { BedrockClient } = await import('@aws-sdk/client-bedrock');
    const west = new BedrockClient({ region: 'us-west-2', endpoint: t.url, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const res = await west.send(new GetFoundationModelCommand({ modelIdentifier: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-text-express-v1' }));
    west.destroy();
    expect(res.modelDetails?.modelArn).toBe('arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-text-express-v1');
  });

  // The part of the test above that needs no second region: a foundation-model ARN in the client's own region.
  awsIt('reads a model by its foundation-model ARN', async () => {
    await requireModel('amazon.titan-text-express-v1');
    const arn = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1';
    const res = await t.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: arn }));
    expect(res.modelDetails).toMatchObject({ modelArn: arn, modelId: 'amazon.titan-text-express-v1', providerName: 'Amazon' });
  });

  awsIt('refuses an unknown model', async () => {
    const err = await failure(() => t.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: 'nope.nope-v1' })));
    expect(err.name).toBe('ValidationException');
  });
});

describe('ListInferenceProfiles / GetInferenceProfile', () => {
  awsIt('lists system-defined profiles and pages through them', async () => {
    const ids: string[] = [];
    for await (const page of paginateListInferenceProfiles({ client: t.bedrock, pageSize: 10 }, {})) {
      expect(page.inferenceProfileSummaries!.length).toBeLessThanOrEqual(10);
      ids.push(...page.inferenceProfileSummaries!.map((p) => p.inferenceProfileId!));
    }
    expect(ids).toContain('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(new Set(ids).size).toBe(ids.length);
  });

  emulatorIt('returns no application profiles', async () => {
    const res = await t.bedrock.send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(res.inferenceProfileSummaries).toEqual([]);
  });

  emulatorIt('reads a profile whose models are foundation-model ARNs', async () => {
    const res = await t.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0' }));
    expect(res.type).toBe('SYSTEM_DEFINED');
    expect(res.status).toBe('ACTIVE');
    expect(res.createdAt).toBeInstanceOf(Date);
    expect(res.inferenceProfileArn).toBe('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    expect(res.models![0].modelArn).toMatch(/^arn:aws:bedrock:us-[a-z]+-\d::foundation-model\/anthropic\.claude-3-7-sonnet-20250219-v1:0$/);
  });

  // The same read in any account: the account number in the ARN is the caller's.
  awsIt('reads a system profile whose models are foundation-model ARNs', async () => {
    await requireModel('us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    const id = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
    const res = await t.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: id }));
    expect(res.inferenceProfileId).toBe(id);
    expect(res.type).toBe('SYSTEM_DEFINED');
    expect(res.status).toBe('ACTIVE');
    expect(res.createdAt).toBeInstanceOf(Date);
    expect(res.inferenceProfileArn).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:inference-profile\/us\.anthropic\.claude-3-7-sonnet-20250219-v1:0$/);
    expect(res.models!.length).toBeGreaterThan(1);
    for (const m of res.models!) expect(m.modelArn).toMatch(/^arn:aws:bedrock:us-[a-z]+-\d::foundation-model\/anthropic\.claude-3-7-sonnet-20250219-v1:0$/);
  });

  awsIt('refuses an unknown profile with 404', async () => {
    const err = await failure(() => t.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: 'us.nope.nope-v1' })));
    expect(err.name).toBe('ResourceNotFoundException');
    expect(err.$metadata.httpStatusCode).toBe(404);
  });
});
