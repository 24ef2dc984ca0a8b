// How the JS ecosystem tests point a framework at Bedrock: the way a user would, from the standard
// AWS configuration. programEnv() (support/target.ts) is that configuration: under the emulator its
// endpoint variable, region and dummy keys; under BEDROCK_TARGET=aws the caller's own AWS_* variables
// (an AWS_ENDPOINT_URL_BEDROCK_RUNTIME among them when the caller set one, as CI's second run does).
// Credentials come from the official JS client that useTarget() built, so that under
// BEDROCK_TARGET=aws the SDK's own chain (env, ~/.aws, SSO, IMDS) resolves them.
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import { createAmazonBedrockAnthropic } from '@ai-sdk/amazon-bedrock/anthropic';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { ChatBedrockConverse, type ChatBedrockConverseInput } from '@langchain/aws';
import { Bedrock } from '@llamaindex/aws';
import type { TestTarget } from '../support/target.js';

/** The runtime endpoint a user has configured, if any (undefined: the framework's default AWS URL). */
export const endpointOf = (t: TestTarget): string | undefined => t.programEnv().AWS_ENDPOINT_URL_BEDROCK_RUNTIME || undefined;

/**
 * The Vercel AI SDK's Bedrock provider. It reads AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself when
 * `baseURL` is omitted; passing it keeps the test process's own environment out of it.
 */
export async function vercelBedrock(t: TestTarget) {
  return createAmazonBedrock({
    region: await t.h2.config.region(),
    baseURL: endpointOf(t),
    credentialProvider: async () => {
      const c = await t.h2.config.credentials();
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
    },
  });
}

/** The same SDK's Anthropic provider: Claude's native Messages body over InvokeModel. */
export async function vercelBedrockAnthropic(t: TestTarget) {
  return createAmazonBedrockAnthropic({
    region: await t.h2.config.region(),
    baseURL: endpointOf(t),
    credentialProvider: async () => {
      const c = await t.h2.config.credentials();
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
    },
  });
}

/**
 * Anthropic's Bedrock client. It does not read AWS_ENDPOINT_URL_BEDROCK_RUNTIME (its own variable is
 * ANTHROPIC_BEDROCK_BASE_URL): a user pointing it anywhere but AWS passes `baseURL`.
 */
export async function anthropicBedrock(t: TestTarget) {
  const c = await t.h2.config.credentials();
  return new AnthropicBedrock({
    awsRegion: await t.h2.config.region(),
    baseURL: endpointOf(t),
    awsAccessKey: c.accessKeyId,
    awsSecretKey: c.secretAccessKey,
    awsSessionToken: c.sessionToken ?? null,
    maxRetries: 0,
  });
}

/**
 * A BedrockRuntimeClient as a user of a framework builds one to hand it (`client:`), from the standard
 * configuration: the JS SDK's default settings, the target's region and credential chain, and the
 * runtime endpoint the user configured (undefined: the SDK resolves it, AWS's own by default).
 */
export async function runtimeClientFor(t: TestTarget) {
  return new BedrockRuntimeClient({ region: await t.h2.config.region(), endpoint: endpointOf(t), credentials: t.h2.config.credentials });
}

/**
 * LangChain JS's ChatBedrockConverse (@langchain/aws). It builds its own client with
 * `endpoint: endpointHost ? https://… : undefined` over any `clientOptions.endpoint`, so a user pointing
 * it elsewhere passes a `client:` (or sets AWS_ENDPOINT_URL_BEDROCK_RUNTIME, which the JS SDK reads);
 * it needs `region` (or AWS_DEFAULT_REGION) even then: its constructor throws without one.
 */
export async function langchainConverse(t: TestTarget, fields: Omit<ChatBedrockConverseInput, 'client' | 'region'>) {
  return new ChatBedrockConverse({ ...fields, region: await t.h2.config.region(), client: await runtimeClientFor(t) });
}

/**
 * LlamaIndex TS's Bedrock LLM (@llamaindex/aws). Its constructor hands every option it does not know
 * to `new BedrockRuntimeClient(...)`, so `region`, `endpoint` and `credentials` go there as the JS SDK
 * takes them. It maps the model id through its own table first and refuses, before any request, a
 * `us.` profile id missing from it ("Provider us for model … is not supported").
 */
export async function llamaindexBedrock(t: TestTarget, model: string, maxTokens: number) {
  return new Bedrock({ model, maxTokens, region: await t.h2.config.region(), endpoint: endpointOf(t), credentials: t.h2.config.credentials } as ConstructorParameters<typeof Bedrock>[0]);
}
