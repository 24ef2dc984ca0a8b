// The one target switch of the suite. BEDROCK_TARGET=emulator (the default) starts the emulator
// in-process on port 0 for each test file and stops it after; BEDROCK_TARGET=aws builds the very same
// clients from the standard AWS configuration only (credential chain, region, and whatever the SDK
// itself reads, such as AWS_ENDPOINT_URL_BEDROCK_RUNTIME): no endpoint, no credentials, nothing
// emulator-specific. Test files never look at the target; markers.ts decides what runs where.
import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach, TestRunner } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';
import { withCostReport } from './cost-report.js';
import { attachSnapshots, snapshotMode, useSnapshots } from './snapshots.js';

export type TargetName = 'emulator' | 'aws';

function parseTarget(value: string | undefined): TargetName {
  if (value === undefined || value === '' || value === 'emulator') return 'emulator';
  if (value === 'aws') return 'aws';
  throw new Error(`BEDROCK_TARGET must be "emulator" (the default) or "aws", not ${JSON.stringify(value)}`);
}

/** Which Bedrock the suite talks to. */
export const TARGET: TargetName = parseTarget(process.env.BEDROCK_TARGET);

/** Contract snapshots: recorded (CONTRACT_SNAPSHOTS=record, aws), compared (emulator) or off. */
const SNAPSHOTS = snapshotMode(TARGET);

/** Dummy credentials for the in-process emulator (it checks only that requests are signed). */
export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface TestTarget {
  /** The emulator's URL; emulator-only tests (raw HTTP) use it. Throws under BEDROCK_TARGET=aws. */
  url: string;
  /** The default client: HTTP/2 with prior knowledge. */
  h2: BedrockRuntimeClient;
  /** The same client over HTTP/1.1, as boto3 and the CLI speak. */
  h1: BedrockRuntimeClient;
  /** The control-plane client (`bedrock`). */
  bedrock: BedrockClient;
  /** Both runtime clients, for tests that must hold on either protocol. */
  clients: Array<[string, BedrockRuntimeClient]>;
  /**
   * The standard AWS configuration for a program run as a child process (boto3, the AWS CLI): under
   * the emulator its two endpoint variables, a region and dummy credentials; under BEDROCK_TARGET=aws
   * the caller's own AWS_* variables and HOME (for ~/.aws), so the program resolves what the SDK would.
   */
  programEnv(): NodeJS.ProcessEnv;
}

/**
 * Client configuration under BEDROCK_TARGET=aws: the SDK's own chains, plus retries on throttling
 * (the standard retry strategy, five attempts). The JS SDK reads the region from AWS_REGION or the
 * profile, not from AWS_DEFAULT_REGION as boto3 and the CLI do; that one variable is passed on so
 * that one environment serves all three.
 */
function awsConfig() {
  const region = process.env.AWS_REGION ? undefined : process.env.AWS_DEFAULT_REGION;
  return { maxAttempts: 5, retryMode: 'standard' as const, ...(region ? { region } : {}) };
}

/**
 * useTarget() with the emulator's log collected, one line per request ("Converse <model> 200",
 * a 4xx adding its error), the timing taken out: what an [emulator] twin reads to check which
 * operations a program called and that none was refused or retried. Empty under BEDROCK_TARGET=aws.
 */
export function useLoggedTarget(): { t: TestTarget; requests: string[] } {
  const requests: string[] = [];
  const t = useTarget({ logLevel: 'info', logger: (line) => requests.push(line.replace(/ [\d.]+ms(?= |$)/, '')) });
  return { t, requests };
}

/**
 * Registers beforeAll/afterAll hooks that build the clients for the current target; read the fields
 * inside tests. `options` configure the in-process emulator; under BEDROCK_TARGET=aws they are
 * ignored (tests that depend on them are emulator-only).
 */
export function useTarget(options: EmulatorOptions = {}): TestTarget {
  let emulator: RunningEmulator | undefined;
  let url: string | undefined;
  const target = {
    clients: [],
    get url(): string {
      if (url === undefined) throw new Error('t.url exists only under BEDROCK_TARGET=emulator: a test that uses it must be emulator-only');
      return url;
    },
    programEnv(): NodeJS.ProcessEnv {
      if (TARGET === 'aws') {
        const own = Object.entries(process.env).filter(([k]) => k.startsWith('AWS_'));
        return { ...Object.fromEntries(own), HOME: process.env.HOME };
      }
      return {
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME: target.url,
        AWS_ENDPOINT_URL_BEDROCK: target.url,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      };
    },
  } as unknown as TestTarget;
  beforeAll(async () => {
    let common: Record<string, unknown>;
    if (TARGET === 'aws') {
      common = awsConfig();
    } else {
      emulator = await startEmulator(withCostReport(options));
      url = emulator.url;
      common = { region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 };
    }
    target.h2 = new BedrockRuntimeClient(common);
    target.h1 = new BedrockRuntimeClient({ ...common, requestHandler: new NodeHttpHandler() });
    target.bedrock = new BedrockClient(common);
    // Contract snapshots (snapshots.ts): every answer of an [aws] test is recorded or compared.
    if (SNAPSHOTS !== 'off') for (const client of [target.h2, target.h1, target.bedrock]) attachSnapshots(client);
    target.clients.push(['HTTP/2', target.h2], ['HTTP/1.1', target.h1]);
  });
  useSnapshots(SNAPSHOTS);
  afterAll(async () => {
    target.h2?.destroy();
    target.h1?.destroy();
    target.bedrock?.destroy();
    await emulator?.close();
  });
  return target;
}

interface Preflight {
  /** Set when the AWS-validated tests cannot run at all (no credentials, no region). */
  skip?: string;
  /** The model ids ListFoundationModels returns in the region. */
  models?: Set<string>;
}

let preflightOnce: Promise<Preflight> | undefined;

/**
 * Under BEDROCK_TARGET=aws, checks once per test file that credentials and a region resolve, and
 * lists the region's foundation models. Bad credentials (ListFoundationModels refused) are an error,
 * not a skip. Under BEDROCK_TARGET=emulator it does nothing.
 */
export function preflight(): Promise<Preflight> {
  if (TARGET !== 'aws') return Promise.resolve({});
  preflightOnce ??= (async () => {
    const bedrock = new BedrockClient(awsConfig());
    try {
      try {
        await bedrock.config.credentials();
      } catch (err) {
        return {
          skip: `BEDROCK_TARGET=aws: no AWS credentials found (standard chain: env, ~/.aws, SSO, IMDS; ${(err as Error).message}) — skipping the AWS-validated tests`,
        };
      }
      try {
        await bedrock.config.region();
      } catch {
        return { skip: 'BEDROCK_TARGET=aws: no AWS region (set AWS_REGION or AWS_DEFAULT_REGION, or region in ~/.aws/config) — skipping the AWS-validated tests' };
      }
      const listed = await bedrock.send(new ListFoundationModelsCommand({}));
      return { models: new Set((listed.modelSummaries ?? []).map((m) => m.modelId!).filter(Boolean)) };
    } finally {
      bedrock.destroy();
    }
  })();
  return preflightOnce;
}

/** The reason every AWS-validated test skips, if any; known once preflight() resolved. */
export async function awsSkipReason(): Promise<string | undefined> {
  return (await preflight()).skip;
}

const GEOGRAPHIES = new Set(['us', 'eu', 'apac', 'us-gov', 'jp', 'au', 'ca', 'global']);

/** The base model id behind a model id, a foundation-model ARN or a system inference profile. */
export function baseModelId(modelId: string): string {
  let id = modelId.replace(/^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(foundation-model|inference-profile)\//, '');
  const dot = id.indexOf('.');
  if (dot > 0 && GEOGRAPHIES.has(id.slice(0, dot)) && id.indexOf('.', dot + 1) > 0) id = id.slice(dot + 1);
  return id;
}

async function missingModels(modelIds: string[]): Promise<string[]> {
  const { models } = await preflight();
  if (!models) return [];
  return modelIds.filter((id) => !models.has(baseModelId(id)));
}

const missingMessage = (missing: string[]) =>
  `BEDROCK_TARGET=aws: ${missing.join(', ')} not offered in this region (ListFoundationModels) — enable it or pick another region`;

/**
 * Declares the models a test needs. Under BEDROCK_TARGET=aws a test skips, naming the model, when
 * ListFoundationModels does not list it; under the emulator it does nothing. Call it inside a test
 * (`await requireModel(id)`), or inside a describe to cover each of its tests.
 */
export async function requireModel(...modelIds: string[]): Promise<void> {
  if (TARGET !== 'aws') return;
  const test = TestRunner.getCurrentTest();
  if (test) {
    const missing = await missingModels(modelIds);
    if (missing.length) test.context.skip(missingMessage(missing));
    return;
  }
  beforeEach(async (ctx) => {
    const missing = await missingModels(modelIds);
    if (missing.length) ctx.skip(missingMessage(missing));
  });
}
