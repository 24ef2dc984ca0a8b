# Seed 002_83253cd8b225fd03.txt, section "InvokeModel API" > "Basic InvokeModel Call" (Claude 3 Sonnet).
# Verbatim; only the indentation is restored.
# Against real Bedrock (reference/SEED_NOTES.md): the body's "anthropic_version": "bedrock-2023-06-01"
# is refused: 400 ValidationException "Invalid API version: bedrock-2023-06-01" (boto/boto3#4218).
# Nothing catches it, so boto3 raises ValidationException and the program exits 1 without printing.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')
# Invoke Claude 3 Sonnet
response = client.invoke_model(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    body=json.dumps({
        "anthropic_version": "bedrock-2023-06-01",
        "max_tokens": 1024,
        "messages": [
            {
                "role": "user",
                "content": "What is machine learning?"
            }
        ]
    })
)
# Parse response
result = json.loads(response['body'].read())
print(result['content'][0]['text'])
