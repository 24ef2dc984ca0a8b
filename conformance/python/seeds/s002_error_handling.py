# Seed 002_83253cd8b225fd03.txt, section "Error Handling". Verbatim (indentation restored), except one
# line: the example calls json.dumps but imports only boto3 and ClientError, relying on the `import
# json` of the seed's first example; that import is added here, or the program would die with a
# NameError before sending anything.
# Against real Bedrock (reference/SEED_NOTES.md): "anthropic_version": "bedrock-2023-06-01" gets 400
# ValidationException "Invalid API version: bedrock-2023-06-01"; the except branch prints
# "Invalid request format. Check model ID and body." and the program exits 0.
import json  # from the seed's "Basic InvokeModel Call" example
import boto3
from botocore.exceptions import ClientError
client = boto3.client('bedrock-runtime', region_name='us-east-1')
try:
    response = client.invoke_model(
        modelId='anthropic.claude-3-sonnet-20240229-v1:0',
        body=json.dumps({
            "anthropic_version": "bedrock-2023-06-01",
            "max_tokens": 1024,
            "messages": [{"role": "user", "content": "Hello"}]
        })
    )
except ClientError as e:
    error_code = e.response['Error']['Code']
    if error_code == 'AccessDeniedException':
        print("Model access not enabled. Request access in AWS Console.")
    elif error_code == 'ThrottlingException':
        print("Rate limit exceeded. Implement exponential backoff.")
    elif error_code == 'ValidationException':
        print("Invalid request format. Check model ID and body.")
    else:
        print(f"Error: {error_code}")
