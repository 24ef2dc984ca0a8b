# Seed 002_83253cd8b225fd03.txt, section "Converse API (Multi-turn Conversations)". Verbatim; only the
# indentation is restored.
# Against real Bedrock (reference/SEED_NOTES.md): `content` and `system` are strings where the API
# takes lists, and boto3 refuses the first converse() call before sending anything:
# botocore.exceptions.ParamValidationError (content and system must be lists). Exit 1, nothing printed.
import boto3
client = boto3.client('bedrock-runtime', region_name='us-east-1')
# Start a conversation
messages = [
    {
        "role": "user",
        "content": "What is AWS Bedrock?"
    }
]
response = client.converse(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=messages,
    system="You are a helpful AWS expert.",
    inferenceConfig={
        "maxTokens": 1024,
        "temperature": 0.7
    }
)
assistant_message = response['output']['message']['content'][0]['text']
print(assistant_message)
# Continue conversation
messages.append({
    "role": "assistant",
    "content": assistant_message
})
messages.append({
    "role": "user",
    "content": "How does it compare to OpenAI?"
})
response = client.converse(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=messages,
    system="You are a helpful AWS expert.",
    inferenceConfig={
        "maxTokens": 1024,
        "temperature": 0.7
    }
)
print(response['output']['message']['content'][0]['text'])
