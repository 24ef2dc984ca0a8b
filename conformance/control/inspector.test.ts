// Issue 9, the live inspector page at /_emulator/, in a real headless browser: Debian's chromium
// driven by puppeteer-core (tests only; .ci/run installs chromium). The page loads, shows requests
// the official JS SDK just made, filters them and opens a row to its request and response (a
// stream's events listed); a screenshot is saved for a person to look at. Emulator-only.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { emulatorDescribe } from '../support/markers.js';
import { credentials } from '../support/target.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NOVA = 'amazon.nova-micro-v1:0';
const LITE = 'us.amazon.nova-lite-v1:0';
// Outside CI a missing browser skips with this message; on CI (.ci/run installs it) it fails.
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`;
const user = (text: string) => [{ role: 'user' as const, content: [{ text }] }];

/** The table's rows as their cell texts, newest first, as a person sees them. */
const rowsOf = (page: Page) =>
  page.$$eval('tr.entry', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));

emulatorDescribe('inspector page /_emulator/ in headless chromium', () => {
  let emulator: RunningEmulator;
  let client: BedrockRuntimeClient;
  let browser: Browser | undefined;
  let page: Page;
  const shots = mkdtempSync(join(tmpdir(), 'inspector-'));

  beforeAll(async () => {
    emulator = await startEmulator();
    client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: emulator.url, credentials });
    if (missing) {
      if (process.env.CI) throw new Error(`on CI the inspector test needs chromium: ${missing}`);
      return;
    }
    // Tests run as root here: chromium refuses to start sandboxed as root.
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    client?.destroy();
    await emulator?.close();
  });

  it('loads, lists the calls the JS SDK just made, filters by model, and opens a row to request and response', async (ctx) => {
    if (!browser) return ctx.skip(missing);
    emulator.rules.add({ id: 'paris', match: { prompt: 'capital of France' }, reply: { text: 'Paris.' } });
    await page.goto(`${emulator.url}/_emulator/`);
    expect(await page.title()).toBe('bedrock-emulator inspector');
    await page.waitForSelector('#empty', { visible: true });

    // Made after the page loaded: it must update live.
    await client.send(new ConverseCommand({ modelId: NOVA, messages: user('What is the capital of France?'), inferenceConfig: { maxTokens: 20 } }));
    const stream = await client.send(new ConverseStreamCommand({ modelId: LITE, messages: user('Say hello'), inferenceConfig: { maxTokens: 20 } }));
    for await (const _ of stream.stream!);

    // Exactly these two: the page itself (and its icon) never enter the journal.
    await page.waitForFunction(() => document.querySelectorAll('tr.entry').length === 2, { timeout: 10_000 }).catch(async (err) => {
      throw new Error(`${err.message}; rows: ${JSON.stringify(await rowsOf(page))}`);
    });
    const [streamRow, converseRow] = await rowsOf(page);
    expect(converseRow).toEqual(['1', expect.any(String), 'Converse', NOVA, '200', '', expect.stringMatching(/^\d+(\.\d+)? ms$/), 'paris']);
    expect(streamRow.slice(2, 6)).toEqual(['ConverseStream', LITE, '200', '']);

    // Filter by model: only the Converse call stays.
    await page.select('#f-model', NOVA);
    expect((await rowsOf(page)).map((cells) => cells[2])).toEqual(['Converse']);
    expect(await page.$eval('#count', (el) => el.textContent)).toBe('1 of 2 requests');

    // Open it: the request body as sent, the response summary with the rule's reply.
    await page.click('tr.entry[data-seq="1"]');
    await page.waitForSelector('tr.detail pre.request');
    const request = JSON.parse(await page.$eval('tr.detail pre.request', (el) => el.textContent ?? ''));
    expect(request).toEqual({ messages: user('What is the capital of France?'), inferenceConfig: { maxTokens: 20 } });
    const response = JSON.parse(await page.$eval('tr.detail pre.response', (el) => el.textContent ?? ''));
    expect(response).toMatchObject({ status: 200, ruleId: 'paris', reply: { text: 'Paris.', stopReason: 'end_turn' } });
    expect(await page.$eval('tr.detail pre.headers', (el) => el.textContent)).toContain('"authorization": "AKIDEXAMPLE"');
    await page.click('tr.entry[data-seq="1"]'); // closes it
    await page.waitForSelector('tr.detail', { hidden: true });

    // The stream's row lists its events, in the order they were sent.
    await page.select('#f-model', '');
    await page.select('#f-operation', 'ConverseStream');
    await page.click('tr.entry[data-seq="2"]');
    await page.waitForSelector('tr.detail ol.events li');
    const events = await page.$$eval('tr.detail ol.events li', (items) => items.map((li) => li.textContent));
    // A text block opens with its first delta (no contentBlockStart for text in Converse streams).
    expect(events.slice(0, 2)).toEqual(['messageStart', 'contentBlockDelta']);
    expect(events.slice(-2)).toEqual(['messageStop', 'metadata']);
    expect(events).toContain('contentBlockStop');

    const file = join(shots, 'inspector.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    console.log(`inspector screenshot: ${file}`);
  }, 60_000);

  // What the page lists under "Stream events": the journal's streamEvents, as sent (no browser needed).
  it('the journal entry of a stream lists its events, a scripted exception frame and a scripted cut', async () => {
    emulator.reset();
    emulator.rules.add({ match: { prompt: 'fail' }, reply: { text: 'one two three' }, streamError: { afterEvents: 2 } });
    emulator.rules.add({ match: { prompt: 'drop' }, reply: { text: 'one two three' }, drop: { afterEvents: 1 } });
    const failing = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('fail please') }));
    await expect(async () => {
      for await (const _ of failing.stream!);
    }).rejects.toThrow();
    const dropped = await client.send(new ConverseStreamCommand({ modelId: NOVA, messages: user('drop please') }));
    await expect(async () => {
      for await (const _ of dropped.stream!);
    }).rejects.toThrow();
    const entries = emulator.requests({ operation: 'ConverseStream' });
    expect(entries[0].streamEvents).toEqual(['messageStart', 'contentBlockDelta', 'exception:modelStreamErrorException']);
    expect(entries.at(-1)!.streamEvents).toEqual(['messageStart', 'cut']);
  }, 30_000);

  it('starts over when the journal is cleared', async (ctx) => {
    if (!browser) return ctx.skip(missing);
    await page.select('#f-operation', '');
    await page.waitForFunction(() => document.querySelectorAll('tr.entry').length >= 1);
    emulator.reset();
    await page.waitForSelector('#empty', { visible: true, timeout: 10_000 });
    expect(await rowsOf(page)).toEqual([]);
  }, 30_000);
});
