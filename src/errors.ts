// Errors as data: one type carrying the exception name, HTTP status and message, and a table of
// constructors holding AWS's exact wording. Rendering (HTTP response or event-stream exception
// frame) happens in one place each: src/http/error-response.ts and src/stream/frames.ts.

/** Exception shapes of bedrock-runtime and their HTTP status (SPEC.md §4.1). */
const STATUS = {
  ValidationException: 400,
  ServiceQuotaExceededException: 400,
  ConflictException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
  // Not modeled: Coral's answer to JSON of the wrong type, before any validation.
  SerializationException: 400,
} as const;

export type ErrorName = keyof typeof STATUS;

export const isErrorName = (name: string): name is ErrorName => Object.hasOwn(STATUS, name);
/** Every error name a fault or rule may use (issue 9: a mistyped one is refused at start). */
export const errorNames = (): ErrorName[] => Object.keys(STATUS) as ErrorName[];

export class BedrockError extends Error {
  override readonly name: ErrorName;
  readonly status: number;
  /** Extra top-level members of the error body, e.g. `originalStatusCode` (SPEC.md §4.2). */
  readonly fields: Record<string, unknown>;
  /** The coral namespace in x-amzn-ErrorType: `com.amazon.bedrock` unless the auth layer answers. */
  readonly namespace: string;
  /** `message`, except for some auth-layer errors that send `Message` (REAL_ERROR_MESSAGES.md). */
  readonly messageKey: 'message' | 'Message';

  constructor(
    name: ErrorName,
    message: string,
    fields: Record<string, unknown> = {},
    origin: { namespace?: string; messageKey?: 'message' | 'Message' } = {},
  ) {
    super(message);
    this.name = name;
    this.status = STATUS[name];
    this.fields = fields;
    this.namespace = origin.namespace ?? 'com.amazon.bedrock';
    this.messageKey = origin.messageKey ?? 'message';
  }
}

const validation = (message: string) => new BedrockError('ValidationException', message);

/** The exact messages real Bedrock sends; the source of each is cited beside it. */
export const Errors = {
  // REAL_ERROR_MESSAGES.md, "Recorded with headers" (otel-python-contrib invalid-model cassettes).
  invalidModelId: () => validation('The provided model identifier is invalid.'),
  // REAL_ERROR_MESSAGES.md: note the typographic apostrophe U+2019 in "isn’t".
  onDemandNotSupported: (modelId: string) =>
    validation(
      `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. ` +
        'Retry your request with the ID or ARN of an inference profile that contains this model.',
    ),
  /** InvokeModel body failing the model's JSON schema; `detail` is the everit text (src/schema). */
  malformedInput: (detail: string) =>
    validation(`Malformed input request: ${detail}, please reformat your input and try again.`),
  // A body that is not JSON: no parser detail, a comma instead of a colon (New Relic's recorded
  // Bedrock responses to `{ Malformed Request Body`, Content-Length 80).
  malformedJson: () => validation('Malformed input request, please reformat your input and try again.'),
  // Quoted many times (vercel/ai#2772, litellm#5656, …) for Claude, Llama, Titan Premier.
  maxTokensExceeded: (limit: number) =>
    validation(
      `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`,
    ),
  // No trailing period, for both (aws/aws-sdk-ruby#3033; a proxy changelog for Accept).
  unsupportedContentType: () => validation('The provided Content Type is invalid or not supported for this model'),
  unsupportedAccept: () => validation('The provided Accept Type is invalid or not supported for this model'),
  // Titan Embeddings over their input limit: the "400 Bad Request: " prefix and the trailing space are
  // part of the message (amazon-bedrock-workshop#136; src/errors.evidence.md §8).
  tooManyInputTokens: (max: number, count: number) =>
    validation(`400 Bad Request: Too many input tokens. Max input tokens: ${max}, request input token count: ${count} `),
  // --- Claude (Anthropic-side checks surface unprefixed on InvokeModel; src/errors.evidence.md §3) ---
  // boto/boto3#4218; SEED_NOTES.md seed 002.
  claudeInvalidApiVersion: (value: string) => validation(`Invalid API version: ${value}`),
  // QuantumNous/new-api#3339 (InvokeModel, 400); SEED_NOTES.md seed 002.
  claudeApiVersionRequired: () => validation('anthropic_version: Field required'),
  // langchain#19549, aws/fmeval#286: a Text Completions body sent to a Messages-only Claude.
  claudeUseMessagesApi: (model: string) => validation(`"${model}" is not supported on this API. Please use the Messages API instead.`),
  // Giskard-AI/giskard-oss#1933, anthropic-sdk-typescript#565 (InvokeModel).
  claudeRolesAlternate: (role: string) =>
    validation(`messages: roles must alternate between "user" and "assistant", but found multiple "${role}" roles in a row`),
  // langchain4j#1864 (Bedrock, Java SDK, 400, 2024-10); anthropic-sdk-typescript#622 (Claude 3 Haiku, 2024-12).
  claudeFirstMessageUser: () => validation('messages: first message must use the "user" role'),
  // konveyor/kai#645 (InvokeModel, 2025-02).
  claudeEmptyContent: (index: number) =>
    validation(`messages.${index}: all messages must have non-empty content except for the optional final assistant message`),
  // open-webui#2459, opencode#15715.
  claudeEmptyTextBlock: () => validation('messages: text content blocks must be non-empty'),
  // EndemicMedia/claudecoder#5 (Bedrock), LibreChat#8346 (Converse, with the "The model returned…" prefix).
  claudeThinkingBudgetMin: () => validation('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024'),
  // vercel/ai#7927 (Bedrock, 2025-08, docs.anthropic.com); 2026 copies link docs.claude.com.
  claudeThinkingBudgetAboveMax: () =>
    validation(
      '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at ' +
        'https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size',
    ),
  // Claude Text Completions, 2024+ wording (spring-projects/spring-ai#404; SEED_NOTES.md seed 001).
  claudePromptStart: () => validation('prompt must start with "\n\nHuman:" turn after an optional system prompt'),
  // Anthropic's request validation (pydantic) on newer Claude models through InvokeModel, unprefixed:
  // `output_config.effort: Extra inputs are not permitted` (anthropics/claude-code-action#1005, 2026-03).
  claudeExtraInput: (path: string) => validation(`${path}: Extra inputs are not permitted`),
  // An anthropic_beta flag Bedrock does not serve for the model (farion1231/cc-switch#707, 2026-01:
  // "ValidationException: invalid beta flag", InvokeModelWithResponseStream, 400).
  claudeInvalidBeta: () => validation('invalid beta flag'),
  // Opus 4.7+ (logancyang/obsidian-copilot#2600: `{"message":"`temperature` is deprecated for this model."}`,
  // InvokeModelWithResponseStream, 400, 2026-06; promptfoo/promptfoo#10307, InvokeModel, Opus 5, 2026-08).
  // Sonnet 5 on Bedrock, 2026-07 (earendil-works/pi#6212, ConverseStream; unprefixed here as the
  // Anthropic-side errors are on InvokeModel).
  claudeThinkingAdaptiveOnly: () =>
    validation('"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.'),
  claudeTemperatureDeprecated: () => validation('`temperature` is deprecated for this model.'),
  // Opus 4.1, Sonnet/Haiku/Opus 4.5, Sonnet 4.6 (src/catalog/claude-rules.ts refusesTemperatureWithTopP):
  // through Converse `The model returned the following errors: ` + these words (BerriAI/litellm#15070,
  // 2025-09-30; mem0ai/mem0#3891, 2026-01-09); Anthropic's API gives the same words unprefixed
  // (ogkalu2/comic-translate#366, 2025-11-19).
  claudeTemperatureWithTopP: () => validation('`temperature` and `top_p` cannot both be specified for this model. Please use only one.'),
  // With the period: Content-Length 53 in a 2025 capture (amazon-bedrock-client-for-mac#112).
  streamingNotSupported: () => validation('The model is unsupported for streaming.'),
  // InvokeModel, Claude 3 Haiku (aws/aws-sdk-js-v3#6266); Converse adds the model prefix.
  inputTooLong: () => validation('Input is too long for requested model.'),
  internal: () =>
    new BedrockError('InternalServerException', 'The system encountered an unexpected error during processing. Try your request again.'),
  // Bedrock's front end answers a route it does not know with a 400 ValidationException
  // (seen on the control plane in 2025: "ValidationException: Unknown operation").
  unknownOperation: () => validation('Unknown operation'),
  // Coral's deserializer, coral.service namespace and `Message` like other front-end errors.
  // Unverified wording: no Bedrock sighting (the SDKs never send a wrong JSON type).
  serialization: (expected: string) =>
    new BedrockError('SerializationException', `Start of ${expected} not found where expected.`, {}, { namespace: 'com.amazon.coral.service', messageKey: 'Message' }),
  // The API-key-era front end, seen with headers in 2026 (karthink/gptel#1397): capital-M
  // `Message`, the coral.service namespace, Content-Length 45.
  missingAuthorization: () =>
    new BedrockError('AccessDeniedException', 'Authorization header is missing', {}, { namespace: 'com.amazon.coral.service', messageKey: 'Message' }),
  // Branch `rules` (issue 8): Nova 2's reasoning limit through Converse, Cohere Embed v4's own wording.
  // Nova 2 with reasoningConfig high and an output limit (vercel/ai fixture
  // amazon-bedrock-nova-2-high-reasoning-validation-error, Converse, with the model prefix, 2026).
  novaHighReasoningMaxTokens: () =>
    validation("`maxTokens` must be unset when reasoningConfig type is 'enabled' and maxReasoningEffort is 'high'. Please consult our documentation at https://docs.aws.amazon.com/nova/latest/userguide"),
  // Cohere Embed v4's refusal of a body it cannot read (vercel/ai fixture
  // amazon-bedrock-cohere-v4-application-inference-profile-error, 2026: a Titan `{"inputText"}` body).
  cohereEmbedV4Malformed: () => validation('Malformed request. Please check your parameter/values and try again.'),
} as const;

/** Any thrown value as a BedrockError; unknown failures become InternalServerException. */
export function asBedrockError(err: unknown): BedrockError {
  return err instanceof BedrockError ? err : Errors.internal();
}

/** Converse / ConverseStream refusals (REAL_ERROR_MESSAGES.md, src/converse.evidence.md). */
export const ConverseErrors = {
  mustStartWithUser: () =>
    validation('A conversation must start with a user message. Try again with a conversation that starts with a user message.'),
  mustAlternate: () =>
    validation('A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.'),
  // vercel/ai fixture recorded 2026-08-05 with headers; the index is the message's, 0-based.
  emptyContent: (index: number) =>
    validation(`The content field in the Message object at messages.${index} is empty. Add a ContentBlock object to the content field and try again.`),
  userReasoning: () => validation('User messages cannot contain reasoning content. Please remove the reasoning content and try again.'),
  duplicateToolUseIds: (index: number, id: string) => validation(`The toolUse blocks at messages.${index}.content contain duplicate Ids: ${id}`),
  toolConfigRequired: () => validation('The toolConfig field must be defined when using toolUse and toolResult content blocks.'),
  toolResultsExceedToolUses: (index: number) =>
    validation(`The number of toolResult blocks at messages.${index}.content exceeds the number of toolUse blocks of previous turn.`),
  blankText: (index: number, block: number) =>
    validation(`The text field in the ContentBlock object at messages.${index}.content.${block} is blank. Add text to the text field, and try again.`),
  lastTurnMustBeUser: () =>
    validation('The model that you are using requires the last turn in the conversation to be a user message. Add a user message to the conversation and try again.'),
  noSystemMessages: () =>
    validation("This model doesn't support system messages. Try again without a system message or use a model that supports system messages."),
  noHistory: () => validation("This model doesn't support conversation history. Try again with input that only includes one user message."),
  documentNeedsText: () => validation('A text block must be included when using documents. Add a text block and retry your request.'),
  documentName: () =>
    validation(
      "The document file name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one consecutive whitespace character. Check that the file name conforms to these restrictions and retry your request.",
    ),
  duplicateDocumentNames: () => validation("Messages can't contain duplicate document names."),
  tooManyDocuments: () => validation("You can't include more than 5 documents in a request."),
  missingToolResults: (index: number, ids: string[]) =>
    validation(`Expected toolResult blocks at messages.${index}.content for the following Ids: ${ids.join(', ')}`),
  /** A parameter the model does not take, e.g. `temperature` (vercel/ai fixtures). */
  unsupportedField: (field: string) => validation(`This model doesn't support the ${field} field. Remove ${field} and try again.`),
  unsupportedUserContent: (kind: string) => validation(`This model doesn't support the ${kind} field for user messages. Remove ${kind} and try again.`),
  // pydantic-ai's recorded Bedrock exchanges (test_multimodal_tool_returns, 2026-03-16, Claude Sonnet 4.5):
  // a video block in a user message or inside a tool result.
  unsupportedContentBlock: (kind: string) => validation(`This model doesn't support the ${kind} content block that you provided. Update the content block and try again.`),
  noToolUse: () => validation("This model doesn't support tool use."),
  // Unverified wording: no sighting of an outputConfig schema that is not JSON.
  invalidOutputSchema: () => validation('The provided JSON schema in outputConfig.textFormat is not valid JSON.'),
  // Unverified wording: SPEC.md §3 says a malformed pointer is refused with 400, not how.
  invalidFieldPath: (path: string) => validation(`The additionalModelResponseFieldPaths value ${path} is not a valid JSON Pointer.`),
  /** A refusal of the model itself, passed through by Converse with this prefix (evidence §3). */
  fromModel: (message: string) => validation(`The model returned the following errors: ${message}`),
  // vercel/ai fixture amazon-bedrock-issue-11227-opus-4-5-error (Converse, Claude Opus 4.5).
  thinkingWithForcedTool: () => validation('The model returned the following errors: Thinking may not be enabled when tool_choice forces tool use.'),
  // Quoted for Converse (evidence §7, "Errors tied to thinking").
  thinkingTemperature: () => validation('The model returned the following errors: `temperature` may only be set to 1 when thinking is enabled.'),
  // ModelOps error table (evidence §3, "prompt too long (Converse)").
  inputTooLong: () => validation(`The model returned the following errors: ${Errors.inputTooLong().message}`),
  // aws/aws-sdk-java-v2#6370: Claude Sonnet 4, a converse input with a document.
  countTokensDocument: () => validation('Document input not supported for token counting'),
  noStreamingToolUse: () => validation("This model doesn't support tool use in streaming mode."),
  // Content-Length 65 in a recorded response (src/converse.evidence.md §5).
  countTokensUnsupported: () => validation("The provided model doesn't support counting tokens."),
  // Unverified: no sighting of an `input` union with no member set.
  countTokensInputRequired: () => validation("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null"),
  unsupportedModel: () =>
    validation("This action doesn't support the model that you provided. Try again with a supported text or chat model."),
  // Issue 8: quarkus-langchain4j#1983 (2025-11, Java SDK message, Llama 3.2 11B), langchain-aws#1118
  // (2026-06, Mistral Large 24.02, Llama 3.2 90B); the index counts merged turns.
  mixedToolUseTurn: (index: number) =>
    validation(`messages.${index}.content: Conversation blocks and tool use blocks cannot be provided in the same turn.`),
  // vercel/ai fixture issue-17267-tool-choice-conflict (Claude Sonnet 4.6, 2026).
  additionalFieldConflict: (extra: string, existing: string) =>
    validation(`The additional field ${extra} conflicts with the existing field ${existing}. Remove ${extra} and try again.`),
  // strands harness-sdk#1223 (2025-11, Llama 4 Maverick); litellm#6053 (2024-10).
  mixedToolResultTurn: (index: number) =>
    validation(`messages.${index}.content: Conversation blocks and tool result blocks cannot be provided in the same turn.`),
  // Replay of real recordings (issue 8): pydantic/pydantic-ai cassette
  // test_anthropic_bedrock_count_tokens_rejects_server_tools (2026-06-25, CountTokens invokeModel body on
  // anthropic.claude-sonnet-4-20250514-v1:0 with a `web_search_20250305` tool, 400, unprefixed).
  countTokensToolTag: (index: number, tag: string) =>
    validation(
      `tools.${index}: Input tag '${tag}' found using 'type' does not match any of the expected tags: ` +
        "'bash_20250124', 'custom', 'text_editor_20250124', 'text_editor_20250429', 'text_editor_20250728'",
    ),
} as const;

/**
 * Tool input schemas that are no JSON Schema (src/schema/tool-schema.ts; src/errors.evidence.md §11).
 * `path` is where the schema sits: `toolConfig.tools.N.toolSpec.inputSchema` (Converse) or
 * `tools.N.custom.input_schema` (Claude's native body).
 */
export const ToolSchemaErrors = {
  // aws/aws-sdk-net#3377 and aws/aws-tools-for-powershell#354 (Converse, `json` sent as a string).
  converseNotObject: (path: string) => validation(`The format of the value at ${path}.json is invalid. Provide a json object for the field and try again.`),
  // cognitect-labs/aws-api#272 (2025-07, Claude), aaif-goose/goose#5064 (2025-10), alibaba/spring-ai-alibaba#3082
  // (2025-11, Claude 4.5) and #4317 (2026-02), earendil-works/pi#8279 (2026-08, GLM-5: root `type` absent).
  converseRootType: (path: string) => validation(`The value at ${path}.json.type must be one of the following: object.`),
  // maximhq/bifrost#1720 (2026-02, Converse, Claude Sonnet 4.5): `$.properties: null found, object expected`.
  // Unverified: how several problems are joined (one sighting, one problem), the detail of other problems.
  converseInvalid: (path: string, problems: string[]) =>
    validation(`The json schema definition at ${path} is invalid. Fix the following errors and try again: ${problems.join(', ')}`),
  // Anthropic's check, quoted from 2025-02 to 2026-05 (anthropic-sdk-java#241: property values given as
  // strings; claude-code#54439, #63673: docs.claude.com link). On Bedrock through Converse with the model
  // prefix (acomagu/vscode-as-mcp-server#6, 2025-05); unprefixed on InvokeModel like Anthropic's other
  // checks (§3.1). Unverified for InvokeModel: no sighting there.
  claudeInvalid: (path: string) =>
    validation(
      `${path}: JSON schema is invalid. It must match JSON Schema draft 2020-12 (https://json-schema.org/draft/2020-12). ` +
        'Learn more about tool use at https://docs.claude.com/en/docs/tool-use.',
    ),
  // Quoted by zerdos/spike.land#1911 (2025-07), Anthropic's field-validation form.
  claudeRootType: (path: string) => validation(`${path}.type: Input should be 'object'`),
  // aaif-goose/goose#2150 (Bedrock Converse, Claude 3.5 Sonnet, 2025-04, with the model prefix); Anthropic
  // still in 2026 (claude-code#40075, kenn-io/kata#365).
  claudeTopLevelCombinator: (path: string) => validation(`${path}: input_schema does not support oneOf, allOf, or anyOf at the top level`),
} as const;

/** Every error name a scripted fault (rule, fixture) may use. */
export const ERROR_NAMES = Object.keys(STATUS) as ErrorName[];

/** HTTP status of an error name (AWS's, SPEC.md §4.1). */
export const statusOf = (name: ErrorName): number => STATUS[name];

/**
 * The message a scripted error carries when the script gives none (issue 9 rules): AWS's own
 * wording for each error where one is recorded (REAL_ERROR_MESSAGES.md, quoted sources there),
 * else a neutral sentence (marked "no sighting").
 */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorName, string> = {
  // no sighting of a generic one: validation messages always name the problem
  ValidationException: 'The request failed validation.',
  // no sighting
  ServiceQuotaExceededException: 'Your request exceeds the service quota for your account. You can view your quotas at https://console.aws.amazon.com/servicequotas/.',
  // no sighting
  ConflictException: 'The request could not be completed because of a conflict.',
  // aws-samples/generative-ai-to-build-a-devsecops-chatbot#3, andrewyng/aisuite#174
  AccessDeniedException: "You don't have access to the model with the specified model ID.",
  // truera/trulens#779 (2024-01)
  ResourceNotFoundException: 'Could not resolve the foundation model from the provided model identifier.',
  // aws-samples/amazon-nova-samples#147
  ModelTimeoutException: 'Model has timed out in processing the request. Try your request again.',
  // langchain-ai/langchainjs#2768, aws/aws-sdk-js-v3#6266
  ModelErrorException: 'The system encountered an unexpected error during processing. Try your request again.',
  ModelStreamErrorException: 'The system encountered an unexpected error during processing. Try your request again.',
  // aws-sdk-rust panic dump with headers (REAL_ERROR_MESSAGES.md, 2025-01-16)
  ThrottlingException: 'Too many requests, please wait before trying again.',
  // no sighting
  ModelNotReadyException: 'Model is not ready to serve inference requests. Try your request again.',
  // no sighting of Bedrock's; "Internal error" is a hand-made pydantic-ai cassette
  InternalServerException: 'The server encountered an internal error while processing the request.',
  // darko-mesaros/bedrust#47, danny-avila/LibreChat#4217
  ServiceUnavailableException: 'Bedrock is unable to process your request.',
  SerializationException: 'Start of structure or map found where not expected.',
};
