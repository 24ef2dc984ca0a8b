// ApplyGuardrail: POST /guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply (SPEC.md §2).
// Guardrails are not emulated (README): every guardrail is one with no policy configured, so it
// never intervenes. The answer has the shape of real ones (Arize-ai/openinference cassettes
// test_apply_guardrails*.yaml and test_apply_success_guardrails.yaml, recorded 2026-04-09): keys in
// that order, `blockedResponse` and `output` beside the service model's members, one assessment
// naming the guardrail, null for every policy it does not have, zero policy units.
import type { Context } from 'hono';
import { checkConstraints } from '../converse/coral.js';
import { APPLY_GUARDRAIL_REQUEST } from '../converse/converse-shapes.js';
import { callerRegion } from '../http/region.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { readJson } from './prepare-converse.js';

const ARN = /^arn:(aws(?:-[^:]+)?):bedrock:([a-z0-9-]{1,20}):([0-9]{12}):guardrail\/([a-z0-9]+)$/;

const NO_UNITS = {
  automatedReasoningPolicies: 0,
  automatedReasoningPolicyUnits: 0,
  contentPolicyImageUnits: 0,
  contentPolicyUnits: 0,
  contextualGroundingPolicyUnits: 0,
  sensitiveInformationPolicyFreeUnits: 0,
  sensitiveInformationPolicyUnits: 0,
  topicPolicyUnits: 0,
  wordPolicyUnits: 0,
};

export const applyGuardrail = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const guardrailIdentifier = c.req.param('guardrailIdentifier') ?? '';
  const guardrailVersion = c.req.param('guardrailVersion') ?? '';
  c.set('modelId', guardrailIdentifier);
  const body = await readJson(c);
  checkConstraints(APPLY_GUARDRAIL_REQUEST, { ...body, guardrailIdentifier, guardrailVersion });
  const arn = ARN.exec(guardrailIdentifier);
  const region = arn?.[2] ?? callerRegion(c.req.header('authorization'), runtime.settings.region);
  const guardrailId = arn?.[4] ?? guardrailIdentifier;
  const guardrailArn = arn ? guardrailIdentifier : `arn:aws:bedrock:${region}:${runtime.settings.accountId}:guardrail/${guardrailId}`;
  // Characters of the text blocks: all of them are guarded (the recorded coverage: guarded = total).
  const characters = (body.content as Array<{ text?: { text?: string } }>).reduce((n, block) => n + (block.text?.text?.length ?? 0), 0);
  const guardrailCoverage = { images: null, textCharacters: { guarded: characters, total: characters } };
  return jsonReply(
    200,
    {
      action: 'NONE',
      actionReason: 'No action.',
      assessments: [
        {
          appliedGuardrailDetails: { guardrailArn, guardrailId, guardrailOrigin: ['REQUEST'], guardrailOwnership: 'SELF', guardrailVersion },
          automatedReasoningPolicy: null,
          contentPolicy: null,
          contextualGroundingPolicy: null,
          invocationMetrics: { guardrailCoverage, guardrailProcessingLatency: 1, usage: NO_UNITS },
          sensitiveInformationPolicy: null,
          topicPolicy: null,
          wordPolicy: null,
        },
      ],
      blockedResponse: null,
      guardrailCoverage,
      output: [],
      outputs: [],
      usage: NO_UNITS,
    },
    c.get('requestId'),
  );
};
