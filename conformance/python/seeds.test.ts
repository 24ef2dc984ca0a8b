// The seeds verbatim (issue 4, item 5): every Python example of ../shared/seeds, copied as a standalone
// program under ./seeds/, runs unchanged with boto3 (latest from PyPI, in the project-local .venv that
// support/python-venv.ts builds from ./requirements.txt) against the emulator, and its outcome is the
// one real Bedrock gives, as ../shared/reference/SEED_NOTES.md states it example by example: success
// where Bedrock succeeds, the same error where Bedrock refuses, the same client-side failure where
// boto3 refuses before sending.
// The AWS CLI example of seed 001 runs too (see the CLI describe below for why it runs twice).
//
// The programs see only the standard configuration a user would export: the two endpoint variables,
// the region, dummy credentials, PATH and a temporary HOME (so no ~/.aws config or credentials leak in).
// Under BEDROCK_TARGET=aws the same programs get the caller's own AWS_* variables and HOME instead
// (target.ts, programEnv), and only the [aws] checks run: what holds whatever the model says. The
// [emulator] checks add what needs the emulator: stdout equal to the same request's reply (the
// emulator's replies are deterministic, a real model's are not) and its request log.
//
// Python is needed: without python3 or its venv/pip this file skips with a message naming what is
// missing, except on CI (CI=true), where that is a failure.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireModel, useTarget } from '../support/emulator.js';
import { awsIt, emulatorDescribe, emulatorIt } from '../support/markers.js';
import { CI, ensureVenv, exec, INSTALL_TIMEOUT, missingPython, RUN_TIMEOUT, VENV_BIN, VENV_PYTHON } from '../support/python-venv.js';

const SEEDS = fileURLToPath(new URL('./seeds/', import.meta.url));

const missing = missingPython();
if (missing && !CI) console.warn(`conformance/python/seeds.test.ts skipped: ${missing}`);

// Registered only when skipping, so that the skip and its reason show in the report.
if (missing && !CI) {
  emulatorDescribe('seeds verbatim with boto3 and the AWS CLI', () => {
    it.skip(`skipped: ${missing} (on CI this is a failure)`, () => {});
  });
}

/** The emulator's request log ("InvokeModel anthropic.claude-v2 200 1.0ms"), to see what was sent. */
const requests: string[] = [];
const t = useTarget({ logLevel: 'info', logger: (line) => requests.push(line) });

describe.skipIf(missing && !CI)('seeds verbatim with boto3 and the AWS CLI', () => {
  let home: string;
  let workdir: string;

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true and ${missing}: Python with venv and pip is required on CI`);
    await ensureVenv();
    home = mkdtempSync(join(tmpdir(), 'seeds-home-'));
    workdir = mkdtempSync(join(tmpdir(), 'seeds-cwd-'));
  }, INSTALL_TIMEOUT + 20_000);

  afterAll(async () => {
    for (const dir of [home, workdir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Exactly the environment a user would set up, and nothing else of ours. */
  const env = (): NodeJS.ProcessEnv => ({
    PATH: `${VENV_BIN}${delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    ...t.programEnv(),
  });

  const python = (program: string) => exec(VENV_PYTHON, [join(SEEDS, program)], { cwd: workdir, env: env() });
  /** Runs a program that must succeed: exit 0 and nothing on stderr. */
  const pythonOk = async (program: string) => {
    const r = await python(program);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r;
  };

  /** The same request sent with the JS SDK: what the program should have printed a field of. */
  async function invoke(modelId: string, body: unknown): Promise<any> {
    const res = await t.h1.send(new InvokeModelCommand({ modelId, body: JSON.stringify(body) }));
    return JSON.parse(new TextDecoder().decode(res.body));
  }

  /** The uncaught boto3 ClientError for Claude 3's refusal of seed 002's anthropic_version. */
  const invalidApiVersion = (operation: string) =>
    `botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the ${operation} operation: Invalid API version: bedrock-2023-06-01`;

  describe('seed 000 (Titan Text Express InvokeModel)', () => {
    awsIt('s000_invoke_titan.py prints a text', async () => {
      await requireModel('amazon.titan-text-express-v1');
      const r = await pythonOk('s000_invoke_titan.py');
      expect(r.stdout.trim()).not.toBe('');
    }, RUN_TIMEOUT);

    emulatorIt('s000_invoke_titan.py prints results[0].outputText', async () => {
      const r = await pythonOk('s000_invoke_titan.py');
      const expected = await invoke('amazon.titan-text-express-v1', {
        inputText: 'Explain quantum physics in 2 sentences.',
        textGenerationConfig: { maxTokenCount: 512, temperature: 0.5 },
      });
      expect(Object.keys(expected)).toEqual(['inputTextTokenCount', 'results']);
      expect(['FINISH', 'LENGTH']).toContain(expected.results[0].completionReason);
      expect(expected.results[0].outputText.trim()).not.toBe('');
      expect(r.stdout).toBe(`${expected.results[0].outputText}\n`);
    }, RUN_TIMEOUT);
  });

  describe('seed 001 (Claude v2 Text Completions)', () => {
    awsIt('s001_invoke_claude_v2.py prints a completion', async () => {
      await requireModel('anthropic.claude-v2');
      const r = await pythonOk('s001_invoke_claude_v2.py');
      expect(r.stdout.trim()).not.toBe('');
    }, RUN_TIMEOUT);

    emulatorIt('s001_invoke_claude_v2.py prints the completion', async () => {
      const r = await pythonOk('s001_invoke_claude_v2.py');
      const expected = await invoke('anthropic.claude-v2', {
        prompt: '\n\nHuman: explain black holes to 8th graders\n\nAssistant:',
        max_tokens_to_sample: 300,
        temperature: 0.1,
        top_p: 0.9,
      });
      expect(Object.keys(expected)).toEqual(['completion', 'stop_reason', 'stop']);
      expect(expected.completion.trim()).not.toBe('');
      expect(r.stdout).toBe(`${expected.completion}\n`);
    }, RUN_TIMEOUT);

    awsIt('s001_stream_claude_v2.py prints each chunk as a dict; the last one has the stop and the metrics', async () => {
      await requireModel('anthropic.claude-v2');
      const r = await pythonOk('s001_stream_claude_v2.py');
      const lines = r.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBeGreaterThan(1);
      const last = lines.pop()!;
      for (const line of lines) expect(line).toMatch(/^\{'completion': (['"]).*\1, 'stop_reason': None, 'stop': None\}$/);
      // A real model may also run out of max_tokens_to_sample before it stops.
      expect(last).toMatch(
        /^\{'completion': (['"]).*\1, 'stop_reason': '(stop_sequence|max_tokens)', 'stop': ('\\n\\nHuman:'|None), 'amazon-bedrock-invocationMetrics': \{'inputTokenCount': \d+, 'outputTokenCount': \d+, 'invocationLatency': \d+, 'firstByteLatency': \d+\}\}$/,
      );
    }, RUN_TIMEOUT);

    emulatorIt('s001_stream_claude_v2.py prints each chunk as a dict; the last one stops on the sequence, with metrics', async () => {
      const r = await pythonOk('s001_stream_claude_v2.py');
      const lines = r.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBeGreaterThan(1);
      const last = lines.pop()!;
      // Python's repr of the decoded chunks, key order as Bedrock sends them.
      for (const line of lines) expect(line).toMatch(/^\{'completion': (['"]).*\1, 'stop_reason': None, 'stop': None\}$/);
      expect(last).toMatch(
        /^\{'completion': (['"]).*\1, 'stop_reason': 'stop_sequence', 'stop': '\\n\\nHuman:', 'amazon-bedrock-invocationMetrics': \{'inputTokenCount': \d+, 'outputTokenCount': \d+, 'invocationLatency': \d+, 'firstByteLatency': \d+\}\}$/,
      );
    }, RUN_TIMEOUT);
  });

  describe('seed 002 (Claude 3 Sonnet: InvokeModel, Converse, streaming, errors, token counting)', () => {
    // The seed's Claude bodies say "anthropic_version": "bedrock-2023-06-01"; Bedrock takes only
    // bedrock-2023-05-31 and answers 400 ValidationException "Invalid API version: <value>".
    awsIt('s002_invoke_claude3.py dies on 400 ValidationException "Invalid API version: bedrock-2023-06-01"', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await python('s002_invoke_claude3.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Traceback');
      expect(r.stderr.trimEnd().split('\n').pop()).toBe(invalidApiVersion('InvokeModel'));
    }, RUN_TIMEOUT);

    awsIt('(fixed: anthropic_version bedrock-2023-05-31) s002_invoke_claude3_valid_version.py prints a text', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await pythonOk('s002_invoke_claude3_valid_version.py');
      expect(r.stdout.trim()).not.toBe('');
    }, RUN_TIMEOUT);

    emulatorIt('(fixed: anthropic_version bedrock-2023-05-31) s002_invoke_claude3_valid_version.py prints content[0].text', async () => {
      const r = await pythonOk('s002_invoke_claude3_valid_version.py');
      const expected = await invoke('anthropic.claude-3-sonnet-20240229-v1:0', {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'What is machine learning?' }],
      });
      expect(Object.keys(expected)).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
      expect(expected.content[0].type).toBe('text');
      expect(r.stdout).toBe(`${expected.content[0].text}\n`);
    }, RUN_TIMEOUT);

    awsIt('s002_converse.py: boto3 refuses string content and system before sending (ParamValidationError)', async () => {
      const r = await python('s002_converse.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('botocore.exceptions.ParamValidationError: Parameter validation failed:');
      expect(r.stderr).toContain(
        "Invalid type for parameter messages[0].content, value: What is AWS Bedrock?, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      );
      expect(r.stderr).toContain(
        "Invalid type for parameter system, value: You are a helpful AWS expert., type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      );
    }, RUN_TIMEOUT);

    emulatorIt('s002_converse.py: boto3 refuses string content and system before sending (ParamValidationError)', async () => {
      const before = requests.length;
      const r = await python('s002_converse.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('botocore.exceptions.ParamValidationError: Parameter validation failed:');
      expect(r.stderr).toContain(
        "Invalid type for parameter messages[0].content, value: What is AWS Bedrock?, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      );
      expect(r.stderr).toContain(
        "Invalid type for parameter system, value: You are a helpful AWS expert., type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      );
      expect(requests.slice(before)).toEqual([]); // nothing reached the service
    }, RUN_TIMEOUT);

    awsIt('(fixed: content and system as lists) s002_converse_lists.py holds a two-turn conversation', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await pythonOk('s002_converse_lists.py');
      const lines = r.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.every((line) => line.trim() !== '')).toBe(true);
    }, RUN_TIMEOUT);

    emulatorIt('(fixed: content and system as lists) s002_converse_lists.py holds a two-turn conversation', async () => {
      const before = requests.length;
      const r = await pythonOk('s002_converse_lists.py');
      const lines = r.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.every((line) => line.trim() !== '')).toBe(true);
      expect(requests.slice(before).map((l) => l.replace(/ [\d.]+ms$/, ''))).toEqual([
        'Converse anthropic.claude-3-sonnet-20240229-v1:0 200',
        'Converse anthropic.claude-3-sonnet-20240229-v1:0 200',
      ]);
    }, RUN_TIMEOUT);

    awsIt('s002_stream_invoke.py dies on 400 ValidationException "Invalid API version: bedrock-2023-06-01"', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await python('s002_stream_invoke.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n').pop()).toBe(invalidApiVersion('InvokeModelWithResponseStream'));
    }, RUN_TIMEOUT);

    awsIt('(fixed: anthropic_version bedrock-2023-05-31) s002_stream_invoke_valid_version.py prints nothing but a newline: the events are chunks, not contentBlockDelta', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await pythonOk('s002_stream_invoke_valid_version.py');
      expect(r.stdout).toBe('\n');
    }, RUN_TIMEOUT);

    emulatorIt('(fixed: anthropic_version bedrock-2023-05-31) s002_stream_invoke_valid_version.py prints nothing but a newline: the events are chunks, not contentBlockDelta', async () => {
      const before = requests.length;
      const r = await pythonOk('s002_stream_invoke_valid_version.py');
      expect(r.stdout).toBe('\n');
      expect(requests.slice(before).map((l) => l.replace(/ [\d.]+ms$/, ''))).toEqual([
        'InvokeModelWithResponseStream anthropic.claude-3-sonnet-20240229-v1:0 200',
      ]);
    }, RUN_TIMEOUT);

    // SEED_NOTES says this example is valid and prints the text deltas, but it passes `content` as a
    // string like the Converse example, and boto3 refuses it client-side, against AWS as here.
    // What this asserts is boto3's own behaviour (no emulator involved); see the program's header.
    awsIt('s002_converse_stream.py: boto3 refuses string content before sending (ParamValidationError; SEED_NOTES says it works)', async () => {
      const r = await python('s002_converse_stream.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n').slice(-2)).toEqual([
        'botocore.exceptions.ParamValidationError: Parameter validation failed:',
        "Invalid type for parameter messages[0].content, value: Explain quantum computing in detail, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      ]);
    }, RUN_TIMEOUT);

    emulatorIt('s002_converse_stream.py: boto3 refuses string content before sending (ParamValidationError; SEED_NOTES says it works)', async () => {
      const before = requests.length;
      const r = await python('s002_converse_stream.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n').slice(-2)).toEqual([
        'botocore.exceptions.ParamValidationError: Parameter validation failed:',
        "Invalid type for parameter messages[0].content, value: Explain quantum computing in detail, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
      ]);
      expect(requests.slice(before)).toEqual([]);
    }, RUN_TIMEOUT);

    awsIt('(fixed: content as a list) s002_converse_stream_lists.py prints the text deltas', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await pythonOk('s002_converse_stream_lists.py');
      expect(r.stdout.trim()).not.toBe('');
      expect(r.stdout.endsWith('\n')).toBe(false); // print(..., end='') and no final newline
    }, RUN_TIMEOUT);

    emulatorIt('(fixed: content as a list) s002_converse_stream_lists.py prints the text deltas', async () => {
      const before = requests.length;
      const r = await pythonOk('s002_converse_stream_lists.py');
      expect(r.stdout.trim()).not.toBe('');
      expect(r.stdout.endsWith('\n')).toBe(false); // print(..., end='') and no final newline
      expect(requests.slice(before).map((l) => l.replace(/ [\d.]+ms$/, ''))).toEqual([
        'ConverseStream anthropic.claude-3-sonnet-20240229-v1:0 200',
      ]);
    }, RUN_TIMEOUT);

    awsIt('s002_error_handling.py takes its ValidationException branch', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await pythonOk('s002_error_handling.py');
      expect(r.stdout).toBe('Invalid request format. Check model ID and body.\n');
    }, RUN_TIMEOUT);

    awsIt('s002_token_counting.py dies on 400 ValidationException "Invalid API version: bedrock-2023-06-01"', async () => {
      await requireModel('anthropic.claude-3-sonnet-20240229-v1:0');
      const r = await python('s002_token_counting.py');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n').pop()).toBe(invalidApiVersion('InvokeModel'));
    }, RUN_TIMEOUT);
  });

  describe('seed 003 (Nova Micro notebook: InvokeModel and InvokeModelWithResponseStream)', () => {
    awsIt('s003_nova_invoke_and_stream.py shows the response with its x-amzn-bedrock headers, the body, then the streamed text', async () => {
      await requireModel('amazon.nova-micro-v1:0');
      const r = await pythonOk('s003_nova_invoke_and_stream.py');
      const [invoked, body, text, streamed, ...rest] = r.stdout.split('\n');
      // In [7]: the InvokeModel response, with the headers Bedrock sends.
      expect(invoked).toMatch(/^\{'ResponseMetadata': \{'RequestId': '[0-9a-f-]{36}', 'HTTPStatusCode': 200, 'HTTPHeaders': \{/);
      expect(invoked).toContain("'content-type': 'application/json'");
      expect(invoked).toMatch(/'x-amzn-bedrock-invocation-latency': '\d+'/);
      expect(invoked).toContain("'x-amzn-bedrock-cache-write-input-token-count': '0'");
      expect(invoked).toContain("'x-amzn-bedrock-cache-read-input-token-count': '0'");
      // boto3 keeps the headers in wire order, and the seed shows Bedrock's.
      const headerNames = (line: string) => [...(/'HTTPHeaders': \{([^}]*)\}/.exec(line)?.[1] ?? '').matchAll(/'([a-z0-9-]+)': /g)].map((h) => h[1]);
      expect(headerNames(invoked)).toEqual([
        'date', 'content-type', 'content-length', 'connection', 'x-amzn-requestid', 'x-amzn-bedrock-invocation-latency',
        'x-amzn-bedrock-cache-write-input-token-count', 'x-amzn-bedrock-cache-read-input-token-count',
        'x-amzn-bedrock-output-token-count', 'x-amzn-bedrock-input-token-count',
      ]);
      const outputHeader = Number(/'x-amzn-bedrock-output-token-count': '(\d+)'/.exec(invoked)?.[1]);
      const inputHeader = Number(/'x-amzn-bedrock-input-token-count': '(\d+)'/.exec(invoked)?.[1]);
      expect(invoked).toMatch(/'RetryAttempts': 0\}, 'contentType': 'application\/json', 'body': <botocore\.response\.StreamingBody object at 0x[0-9a-f]+>\}$/);
      // In [8]: the body, whose usage agrees with the headers.
      const m = /^\{'output': \{'message': \{'content': \[\{'text': (['"]).+\1\}\], 'role': 'assistant'\}\}, 'stopReason': '(max_tokens|end_turn)', 'usage': \{'inputTokens': (\d+), 'outputTokens': (\d+), 'totalTokens': (\d+), 'cacheReadInputTokenCount': 0, 'cacheWriteInputTokenCount': 0\}\}$/.exec(body);
      expect(m, body).not.toBeNull();
      const [stopReason, inputTokens, outputTokens, totalTokens] = [m![2], Number(m![3]), Number(m![4]), Number(m![5])];
      expect([inputTokens, outputTokens]).toEqual([inputHeader, outputHeader]);
      expect(totalTokens).toBe(inputTokens + outputTokens);
      if (stopReason === 'max_tokens') expect(outputTokens).toBe(50);
      else expect(outputTokens).toBeLessThanOrEqual(50);
      // In [9]: the text itself.
      expect(text.trim()).not.toBe('');
      if (!/['"\\]/.test(text.slice(0, 20))) expect(body).toContain(text.slice(0, 20));
      // In [11]: the stream response.
      expect(streamed).toContain("'HTTPStatusCode': 200");
      expect(streamed).toContain("'content-type': 'application/vnd.amazon.eventstream'");
      expect(streamed).toContain("'x-amzn-bedrock-content-type': 'application/json'");
      expect(headerNames(streamed)).toEqual(['date', 'content-type', 'transfer-encoding', 'connection', 'x-amzn-requestid', 'x-amzn-bedrock-content-type']);
      expect(streamed).toMatch(/'contentType': 'application\/json', 'body': <botocore\.eventstream\.EventStream object at 0x[0-9a-f]+>\}$/);
      // In [12]: the text deltas, printed with end='' (no final newline).
      expect(rest.length).toBe(1);
      expect(rest[0].trim()).not.toBe('');
    }, RUN_TIMEOUT);
  });

  // The AWS CLI example of seed 001:
  //   aws bedrock-runtime invoke-model --model-id anthropic.claude-v2 --body '{"prompt": ...}'
  //     --cli-binary-format raw-in-base64-out invoke-model-output.txt
  // --cli-binary-format is an AWS CLI v2 option. The CLI on PyPI (`awscli`) is v1, which does not know
  // it; v2 is not on PyPI, and Debian's awscli (2.9.19) predates Bedrock (no bedrock-runtime command).
  // So with the CLI from PyPI:
  // 1. the command as the seed writes it fails in the CLI's argument parser, before anything is sent:
  //    exit 255, "Unknown options: --cli-binary-format, ...". That is also its outcome against AWS.
  // 2. without the flag it works: v1 passes a blob parameter given as a string through as its bytes,
  //    which is exactly what `--cli-binary-format raw-in-base64-out` asks v2 to do. The CLI writes the
  //    response body to invoke-model-output.txt and prints the rest of the response (contentType).
  // Both run through `sh -c` with the command line as the seed has it (its `\` continuations joined),
  // in a temporary working directory so the output file does not land in the repository.
  describe('seed 001 AWS CLI example (AWS CLI v1 from PyPI)', () => {
    const BODY = `'{"prompt": "\\n\\nHuman: story of two dogs\\n\\nAssistant:", "max_tokens_to_sample" : 300}'`;
    const VERBATIM = `aws bedrock-runtime invoke-model --model-id anthropic.claude-v2 --body ${BODY} --cli-binary-format raw-in-base64-out invoke-model-output.txt`;
    const WITHOUT_FLAG = `aws bedrock-runtime invoke-model --model-id anthropic.claude-v2 --body ${BODY} invoke-model-output.txt`;
    const shell = (command: string, cwd: string) => exec('/bin/sh', ['-c', command], { cwd, env: env() });

    awsIt('the CLI installed is v1 (which is why the flag is unknown)', async () => {
      const r = await shell('aws --version', workdir);
      expect(r.code).toBe(0);
      expect(`${r.stdout}${r.stderr}`).toMatch(/^aws-cli\/1\./);
    }, RUN_TIMEOUT);

    awsIt('verbatim: v1 refuses --cli-binary-format before sending (exit 255), writing nothing', async () => {
      const cwd = mkdtempSync(join(workdir, 'cli-verbatim-'));
      const r = await shell(VERBATIM, cwd);
      expect(r.code).toBe(255);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Unknown options: --cli-binary-format');
      expect(existsSync(join(cwd, 'invoke-model-output.txt'))).toBe(false);
    }, RUN_TIMEOUT);

    emulatorIt('verbatim: v1 refuses --cli-binary-format before sending (exit 255), writing nothing', async () => {
      const cwd = mkdtempSync(join(workdir, 'cli-verbatim-'));
      const before = requests.length;
      const r = await shell(VERBATIM, cwd);
      expect(r.code).toBe(255);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Unknown options: --cli-binary-format');
      expect(existsSync(join(cwd, 'invoke-model-output.txt'))).toBe(false);
      expect(requests.slice(before)).toEqual([]);
    }, RUN_TIMEOUT);

    awsIt('without the v2-only flag: writes a completion body to invoke-model-output.txt and prints the contentType', async () => {
      await requireModel('anthropic.claude-v2');
      const cwd = mkdtempSync(join(workdir, 'cli-v1-'));
      const r = await shell(WITHOUT_FLAG, cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ contentType: 'application/json' });
      const written = JSON.parse(readFileSync(join(cwd, 'invoke-model-output.txt'), 'utf8'));
      expect(Object.keys(written)).toEqual(['completion', 'stop_reason', 'stop']);
      expect(typeof written.completion).toBe('string');
      expect(written.completion.trim()).not.toBe('');
    }, RUN_TIMEOUT);

    emulatorIt('without the v2-only flag: writes the completion body to invoke-model-output.txt and prints the contentType', async () => {
      const cwd = mkdtempSync(join(workdir, 'cli-v1-'));
      const before = requests.length;
      const r = await shell(WITHOUT_FLAG, cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ contentType: 'application/json' });
      const written = JSON.parse(readFileSync(join(cwd, 'invoke-model-output.txt'), 'utf8'));
      expect(Object.keys(written)).toEqual(['completion', 'stop_reason', 'stop']);
      expect(typeof written.completion).toBe('string');
      expect(written.completion.trim()).not.toBe('');
      expect(written.stop_reason).toBe('stop_sequence');
      expect(written.stop).toBe('\n\nHuman:');
      expect(requests.slice(before).map((l) => l.replace(/ [\d.]+ms$/, ''))).toEqual(['InvokeModel anthropic.claude-v2 200']);
    }, RUN_TIMEOUT);
  });
});
