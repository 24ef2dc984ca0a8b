# Seed 000_e9234cc82ae9fe13.txt, section "2. The Python Implementation" (InvokeModel, Amazon Titan Text Express).
# Verbatim; only the indentation of the `body` dict is restored.
# Against real Bedrock (reference/SEED_NOTES.md): works. 200 with
# {"inputTextTokenCount", "results": [{"tokenCount", "outputText", "completionReason"}]};
# the program prints results[0].outputText and exits 0.
import boto3
import json
# Use 'bedrock-runtime' to call models
client = boto3.client("bedrock-runtime", region_name="us-east-1")
model_id = "amazon.titan-text-express-v1"
# Model-specific payload
body = {
    "inputText": "Explain quantum physics in 2 sentences.",
    "textGenerationConfig": {
        "maxTokenCount": 512,
        "temperature": 0.5
    }
}
response = client.invoke_model(
    modelId=model_id,
    contentType="application/json",
    accept="application/json",
    body=json.dumps(body)
)
# Parse the response body stream
response_body = json.loads(response["body"].read())
print(response_body["results"][0]["outputText"])
