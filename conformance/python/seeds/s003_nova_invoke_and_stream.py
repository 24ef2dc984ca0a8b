# Seed 003_e7e3cbd84523a613.txt, a notebook: "Invoke Model" and "invoke_stream" (InvokeModel and
# InvokeModelWithResponseStream, Amazon Nova Micro). The code cells In [3] to In [12], verbatim, in order.
# Left out: In [1] `!pip install boto3` (a notebook shell command). Cells that only display a value
# (In [7] `model_invoke`, In [8] `response`, In [9] `response[...]`, In [11] `model_stream`) are wrapped
# in print(), which is what the notebook shows.
# Against real Bedrock (reference/SEED_NOTES.md): works. InvokeModel answers 200 with the headers
# x-amzn-bedrock-invocation-latency, -output-token-count, -input-token-count,
# -cache-read-input-token-count, -cache-write-input-token-count and the body {"output": {"message":
# {"content": [{"text"}], "role": "assistant"}}, "stopReason": "max_tokens" | "end_turn", "usage":
# {"inputTokens", "outputTokens", "totalTokens", "cacheReadInputTokenCount", "cacheWriteInputTokenCount"}};
# the stream's `chunk`s decode to messageStart, contentBlockDelta, contentBlockStop, messageStop,
# metadata, and the loop prints the text deltas. Exit 0.

# In [3]
import boto3
import json

# In [4]
bedrock_runtime = boto3.client('bedrock-runtime')
model_id = "amazon.nova-micro-v1:0"

# In [5]
payload = {
    "messages":[{"role":"user",
                 "content":[{"text":"what is capital of Nepal"}]}],
    "inferenceConfig":{
        "maxTokens":50,
        "temperature":0.5,
        "topP":0.9
    }
}

# In [6]
model_invoke = bedrock_runtime.invoke_model(modelId=model_id, body=json.dumps(payload))

# In [7]
print(model_invoke)

# In [8]
response = json.loads(model_invoke['body'].read())
print(response)

# In [9]
print(response['output']['message']['content'][0]['text'])

# In [10]
model_stream = bedrock_runtime.invoke_model_with_response_stream(modelId=model_id, body=json.dumps(payload))

# In [11]
print(model_stream)

# In [12]
full_text = ""
for event in model_stream["body"]:
    if "chunk" in event:
        chunk = event["chunk"]["bytes"]
        data = json.loads(chunk.decode("utf-8"))
        if "contentBlockDelta" in data:
            delta = data["contentBlockDelta"]["delta"]
            if "text" in delta:
                print(delta["text"], end="", flush=True)
                full_text += delta["text"]
