// bedrock-emulator [--port N] [--host H] [--fixtures DIR] [--rules FILE] [--journal FILE] [--log-level silent|error|info|debug] [--seed N] [--version]
import { parseArgs } from './config.js';
import { startEmulator } from './index.js';
import { packageVersion } from './version.js';

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if ('help' in parsed) {
    process.stdout.write(parsed.help);
    return;
  }
  if ('version' in parsed) {
    process.stdout.write(`bedrock-emulator ${packageVersion()}\n`);
    return;
  }
  if ('error' in parsed) {
    process.stderr.write(`bedrock-emulator: ${parsed.error}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator(parsed.options);
  process.stdout.write(
    `bedrock-emulator listening on ${emulator.url}\n` +
      `export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${emulator.url}\n` +
      `export AWS_ENDPOINT_URL_BEDROCK=${emulator.url}\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (parsed.options.logLevel !== 'silent') process.stderr.write(`${signal}: shutting down\n`);
    emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`bedrock-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
