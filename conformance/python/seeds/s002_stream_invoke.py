# Seed 002_83253cd8b225fd03.txt, section "Streaming Responses" (InvokeModelWithResponseStream).
# The example is a fragment that uses the `client` and `json` of the seed's first example ("Basic
# InvokeModel Call"); those three setup lines are copied from there. The rest is verbatim; only the
# indentation is restored.
# Against real Bedrock (reference/SEED_NOTES.md): the body's "anthropic_version": "bedrock-2023-06-01"
# is refused with 400 ValidationException "Invalid API version: bedrock-2023-06-01", raised by
# invoke_model_with_response_stream(): exit 1, nothing printed. (Even with a valid version the loop
# prints nothing but the final newline, since the events are `chunk`s: s002_stream_invoke_valid_version.py.)
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')

# Streaming with InvokeModel
response = client.invoke_model_with_response_stream(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    body=json.dumps({
        "anthropic_version": "bedrock-2023-06-01",
        "max_tokens": 1024,
        "messages": [
            {"role": "user", "content": "Write a 500-word essay on AI"}
        ]
    })
)
# Process stream
for event in response['body']:
    if 'contentBlockDelta' in event:
        delta = event['contentBlockDelta']['delta']
        if 'text' in delta:
            print(delta['text'], end='', flush=True)
print()  # Newline after streaming completes
