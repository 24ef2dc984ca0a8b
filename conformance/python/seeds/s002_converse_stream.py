# Seed 002_83253cd8b225fd03.txt, section "Converse Stream API" (ConverseStream).
# The example is a fragment that uses the `client` of the seed's first example ("Basic InvokeModel
# Call"); those setup lines are copied from there. The rest is verbatim; only the indentation is restored.
# reference/SEED_NOTES.md says this example is valid and prints the text deltas. It is not: like the
# seed's Converse example it passes `content` as a string, and boto3 refuses it before sending anything:
# botocore.exceptions.ParamValidationError "Invalid type for parameter messages[0].content, value:
# Explain quantum computing in detail, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>".
# Exit 1, nothing printed, against AWS and the emulator alike (the refusal is in the client).
# s002_converse_stream_lists.py is the example with `content` as a list, which prints the deltas.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')

# Streaming with Converse
response = client.converse_stream(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    messages=[
        {"role": "user", "content": "Explain quantum computing in detail"}
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
