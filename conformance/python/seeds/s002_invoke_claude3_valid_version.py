# NOT verbatim: seed 002_83253cd8b225fd03.txt, "Basic InvokeModel Call", with the one fix SEED_NOTES
# names ("anthropic_version": "bedrock-2023-05-31" instead of "bedrock-2023-06-01"); everything else as
# in s002_invoke_claude3.py.
# Against real Bedrock (reference/SEED_NOTES.md): works ("content may be a plain string in the
# request"); the response is a Messages API body and the program prints content[0].text, exit 0.
import boto3
import json
client = boto3.client('bedrock-runtime', region_name='us-east-1')
# Invoke Claude 3 Sonnet
response = client.invoke_model(
    modelId='anthropic.claude-3-sonnet-20240229-v1:0',
    body=json.dumps({
        "anthropic_version": "bedrock-2023-05-31",
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
