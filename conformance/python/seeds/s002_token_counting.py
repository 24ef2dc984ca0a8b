# Seed 002_83253cd8b225fd03.txt, section "Token Counting" (InvokeModel with max_tokens 1).
# The example is a fragment that uses the `client` and `json` of the seed's first example ("Basic
# InvokeModel Call"); those setup lines are copied from there. The rest is verbatim; only the
# indentation is restored.
# Against real Bedrock (reference/SEED_NOTES.md): "anthropic_version": "bedrock-2023-06-01" gets 400
# ValidationException "Invalid API version: bedrock-2023-06-01", uncaught: exit 1, nothing printed.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')

# Count tokens for Claude
response = client.invoke_model(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    body=json.dumps({
        "anthropic_version": "bedrock-2023-06-01",
        "max_tokens": 1,
        "messages": [
            {"role": "user", "content": "What is AI?"}
        ]
    })
)
result = json.loads(response['body'].read())
input_tokens = result['usage']['input_tokens']
output_tokens = result['usage']['output_tokens']
print(f"Input: {input_tokens}, Output: {output_tokens}")
