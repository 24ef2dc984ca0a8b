# NOT verbatim: seed 002_83253cd8b225fd03.txt, "Streaming Responses", with "anthropic_version":
# "bedrock-2023-05-31" instead of "bedrock-2023-06-01"; everything else as in s002_stream_invoke.py.
# Against real Bedrock (reference/SEED_NOTES.md): the request works, but the loop looks for
# `contentBlockDelta` in each event while InvokeModelWithResponseStream's events are `chunk`s, so it
# prints nothing but the final newline. Exit 0.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')

# Streaming with InvokeModel
response = client.invoke_model_with_response_stream(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    body=json.dumps({
        "anthropic_version": "bedrock-2023-05-31",
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
