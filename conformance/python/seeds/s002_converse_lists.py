# NOT verbatim: seed 002_83253cd8b225fd03.txt, "Converse API (Multi-turn Conversations)", with the fix
# SEED_NOTES names: `content` and `system` as lists ([{"text": ...}]); everything else as in
# s002_converse.py.
# Against real Bedrock (reference/SEED_NOTES.md): "with lists it works, multi-turn included": prints
# the first answer, then the second, exit 0.
import boto3
client = boto3.client('bedrock-runtime', region_name='us-east-1')
# Start a conversation
messages = [
    {
        "role": "user",
        "content": [{"text": "What is AWS Bedrock?"}]
    }
]
response = client.converse(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=messages,
    system=[{"text": "You are a helpful AWS expert."}],
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
    "content": [{"text": assistant_message}]
})
messages.append({
    "role": "user",
    "content": [{"text": "How does it compare to OpenAI?"}]
})
response = client.converse(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=messages,
    system=[{"text": "You are a helpful AWS expert."}],
    inferenceConfig={
        "maxTokens": 1024,
        "temperature": 0.7
    }
)
print(response['output']['message']['content'][0]['text'])
