# Seed 001_a2ada44f921cc1dd.txt, section "Invoke model with streaming code example", Python
# (InvokeModelWithResponseStream, Claude v2). Verbatim; the seed text lost its line breaks, restored here.
# Against real Bedrock (reference/SEED_NOTES.md): works. Each event is {"chunk": {"bytes": ...}}; the
# program prints each decoded chunk as a dict: {'completion': '...', 'stop_reason': None, 'stop': None} ...,
# the last one with 'stop_reason': 'stop_sequence', 'stop': '\n\nHuman:' and
# 'amazon-bedrock-invocationMetrics'. Exits 0.
import boto3
import json
brt = boto3.client(service_name='bedrock-runtime')
body = json.dumps({
    'prompt': '\n\nHuman: write an essay for living on mars in 1000 words\n\nAssistant:',
    'max_tokens_to_sample': 4000
})
response = brt.invoke_model_with_response_stream(
    modelId='anthropic.claude-v2',
    body=body
)
stream = response.get('body')
if stream:
    for event in stream:
        chunk = event.get('chunk')
        if chunk:
            print(json.loads(chunk.get('bytes').decode()))
