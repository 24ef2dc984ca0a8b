// The request headers an InvokeModel answer reports back. InvokeModel and its stream model two
// response headers (SPEC.md §2, service model 2026-07-31): X-Amzn-Bedrock-PerformanceConfig-Latency
// and X-Amzn-Bedrock-Service-Tier, the setting that served the request. The emulator serves every
// request as asked, so each is the request's own value; a request without the header, or with a
// value outside the model's enum, gets none back (no capture shows either header).
import type { Context } from 'hono';

const ECHOED: Array<[string, readonly string[]]> = [
  ['X-Amzn-Bedrock-PerformanceConfig-Latency', ['standard', 'optimized']],
  ['X-Amzn-Bedrock-Service-Tier', ['priority', 'default', 'flex', 'reserved']],
];

export function echoedHeaders(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of ECHOED) {
    const value = c.req.header(name);
    if (value !== undefined && values.includes(value)) out[name] = value;
  }
  return out;
}
