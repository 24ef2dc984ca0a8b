# Seed 001_a2ada44f921cc1dd.txt, section "Invoke model code examples", Python (InvokeModel, Claude v2
# Text Completions). Verbatim; the seed text lost its line breaks (all on one line), restored here.
# Against real Bedrock (reference/SEED_NOTES.md): works; prints `completion` and exits 0.
import boto3
import json
brt = boto3.client(service_name='bedrock-runtime')
body = json.dumps({
    "prompt": "\n\nHuman: explain black holes to 8th graders\n\nAssistant:",
    "max_tokens_to_sample": 300,
    "temperature": 0.1,
    "top_p": 0.9,
})
modelId = 'anthropic.claude-v2'
accept = 'application/json'
contentType = 'application/json'
response = brt.invoke_model(body=body, modelId=modelId, accept=accept, contentType=contentType)
response_body = json.loads(response.get('body').read())
# text
print(response_body.get('completion'))
