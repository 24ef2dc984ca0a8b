// The model catalog's vocabulary. One entry per foundation model Bedrock serves; the same data
// answers the runtime (which family speaks for a model, its limits, whether it streams, whether a
// bare id may be invoked on demand) and the control plane (ListFoundationModels & co., SPEC.md §9).

/** Which module in src/families speaks this model's native InvokeModel body. */
export type FamilyName =
  | 'anthropic-messages'
  | 'anthropic-text'
  | 'titan-text'
  | 'titan-embed'
  | 'nova-embed'
  | 'nova'
  | 'llama'
  | 'mistral-text'
  | 'mistral-chat'
  | 'cohere-command'
  | 'cohere-command-r'
  | 'cohere-embed'
  | 'cohere-rerank'
  | 'ai21-j2'
  | 'ai21-jamba'
  | 'deepseek'
  | 'openai'
  | 'palmyra'
  | 'sagemaker-completions';

export type Modality = 'TEXT' | 'IMAGE' | 'EMBEDDING' | 'VIDEO' | 'AUDIO' | 'SPEECH';
/** Real ListFoundationModels also reports INFERENCE_PROFILE for models served only through profiles. */
export type InferenceType = 'ON_DEMAND' | 'PROVISIONED' | 'INFERENCE_PROFILE';
export type Customization = 'FINE_TUNING' | 'CONTINUED_PRE_TRAINING' | 'DISTILLATION';
/** Geography prefixes of system-defined cross-region inference profiles. */
export type ProfileGeo = 'us' | 'eu' | 'apac' | 'us-gov' | 'global' | 'jp' | 'au' | 'ca';

export interface ModelEntry {
  /** Base model id, e.g. `anthropic.claude-3-sonnet-20240229-v1:0`. */
  modelId: string;
  /** `providerName` as the control plane reports it (the service model says ≤ 20 chars; real names run longer), e.g. `Anthropic`, `Amazon`. */
  provider: string;
  /** `modelName` as the control plane reports it (the service model says ≤ 20 chars; real names run longer), e.g. `Claude 3 Sonnet`. */
  name: string;
  family: FamilyName;
  input: Modality[];
  output: Modality[];
  /** `responseStreamingSupported`; false for Jurassic-2 and embedding/rerank models. */
  streaming: boolean;
  inferenceTypes: InferenceType[];
  customizations: Customization[];
  lifecycle: 'ACTIVE' | 'LEGACY';
  /** Context window in tokens. */
  contextWindow: number;
  /** Largest max-output-tokens value the model accepts. */
  maxOutputTokens: number;
  /** A lower limit Converse enforces for `inferenceConfig.maxTokens`, where it differs from
   *  InvokeModel's (Claude 3.5 Sonnet v1 and 3.5 Haiku: 4096). */
  converseMaxOutputTokens?: number;
  /** Geographies that have a system-defined cross-region profile `{geo}.{modelId}`. */
  profiles: ProfileGeo[];
  /** Regions where the bare id is invoked on demand although the model is served only through
   *  profiles elsewhere (e.g. Claude 3.5 Sonnet v2 in us-west-2). */
  onDemandRegions?: string[];
  /** The name the model reports about itself in native bodies (Anthropic `model`, OpenAI `model`). */
  responseModelName?: string;
  /** Embedding dimension (embedding models only). */
  embeddingDimension?: number;
}
