// The emulator as a library: everything that knows Bedrock.
export { createApp } from './app.js';
export { BedrockError, Errors } from './errors.js';
export { FixtureStore, builtinFixturesDir } from './responder/fixtures.js';
export { createResponder } from './responder/responder.js';
export type { Conversation, Reply, Responder } from './responder/types.js';
export { DEFAULT_SETTINGS, type Runtime, type Settings } from './runtime.js';
