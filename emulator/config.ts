// Command-line and environment configuration of the runnable emulator.
import type { EmulatorOptions, LogLevel } from './index.js';

export const USAGE = `Usage: bedrock-emulator [options]

  --port N              port to listen on (default 4010; 0 picks a free port)   env BEDROCK_EMULATOR_PORT
  --host H              address to bind (default 127.0.0.1)                      env BEDROCK_EMULATOR_HOST
  --fixtures DIR        folder of reply fixtures searched before the built-in ones
  --rules FILE          JSON rules (scripted replies, errors, pacing), reloaded when the file changes
  --journal FILE        append every request the emulator answers to FILE as JSON lines
  --log-level LEVEL     silent | error | info | debug (default info): info logs a line per
                        request, debug also the request and response bodies
  --seed N              the same ids (request, message, tool-use ids) and timestamps on
                        every run
  --region R            region used in ARNs when a request names none (default us-east-1)
  --account-id ID       account id in generated ARNs (default 123456789012)
  --custom-model ID     base model that provisioned/custom/imported/application-profile ARNs
                        stand for (default anthropic.claude-3-haiku-20240307-v1:0)
  --allow-anonymous     answer requests that carry no Authorization header (Bedrock
                        refuses them with 403 AccessDeniedException)
  --realistic-pacing    pace every answer at its model's typical Bedrock speed (time to
                        first token, tokens/s); a fixture's or rule's pacing wins
  --version             print the version
  -h, --help            show this help
`;

const LEVELS: LogLevel[] = ['silent', 'error', 'info', 'debug'];
const VALUED = ['--port', '--host', '--fixtures', '--log-level', '--region', '--account-id', '--custom-model', '--seed', '--rules', '--journal'];

type Parsed = { options: EmulatorOptions } | { help: string } | { version: true } | { error: string };

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const options: EmulatorOptions = {
    port: env.BEDROCK_EMULATOR_PORT ? Number(env.BEDROCK_EMULATOR_PORT) : 4010,
    host: env.BEDROCK_EMULATOR_HOST || '127.0.0.1',
    logLevel: 'info',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: USAGE };
    if (arg === '--realistic-pacing') {
      options.realisticPacing = true;
      continue;
    }
    if (arg === '--version') return { version: true };
    if (arg === '--allow-anonymous') {
      options.requireAuth = false;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!VALUED.includes(flag)) return { error: `unknown option ${flag}\n\n${USAGE}` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { error: `${flag} needs a value\n\n${USAGE}` };
    switch (flag) {
      case '--port':
        options.port = Number(value);
        break;
      case '--host':
        options.host = value;
        break;
      case '--fixtures':
        options.fixtures = value;
        break;
      case '--rules':
        options.rulesFile = value;
        break;
      case '--journal':
        options.journalFile = value;
        break;
      case '--log-level':
        if (!LEVELS.includes(value as LogLevel)) return { error: `--log-level must be one of ${LEVELS.join(', ')}` };
        options.logLevel = value as LogLevel;
        break;
      case '--region':
        options.region = value;
        break;
      case '--account-id':
        options.accountId = value;
        break;
      case '--seed':
        if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) return { error: '--seed must be an integer 0..4294967295' };
        options.seed = Number(value);
        break;
      case '--custom-model':
        options.customModelId = value;
        break;
      default:
        return { error: `unknown option ${flag}\n\n${USAGE}` };
    }
  }
  if (!Number.isInteger(options.port) || options.port! < 0 || options.port! > 65535) return { error: 'port must be an integer 0..65535' };
  return { options };
}
