# NOT verbatim: seed 002_83253cd8b225fd03.txt, "Converse Stream API", with `content` as a list
# ([{"text": ...}]); everything else as in s002_converse_stream.py.
# Against real Bedrock (reference/SEED_NOTES.md: "Its ConverseStream example is valid: prints the text
# deltas", which holds once `content` is a list): prints the text deltas (no trailing newline), exit 0.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')

# Streaming with Converse
response = client.converse_stream(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=[
        {"role": "user", "content": [{"text": "Explain quantum computing in detail"}]}
    ],
    inferenceConfig={
        "maxTokens": 2048,
        "temperature": 0.7
    }
)
# Process stream
for event in response['stream']:
    if 'contentBlockDelta' in event:
        print(event['contentBlockDelta']['delta']['text'], end='', flush=True)
