import json
import os

import boto3

REGION = os.environ.get("AWS_REGION", "eu-west-1")

# The partner bucket lives in their account; they gave us an IAM user instead of a role.
partner_s3 = boto3.client(
    "s3",
    region_name="eu-central-1",
    aws_access_key_id="AKIAAHBQN3I3QGUSZMZA",
    #                    ^ secret
    aws_secret_access_key="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",
    #                        ^ secret
)

sqs = boto3.client("sqs", region_name=REGION)
QUEUE_URL = os.environ["INGEST_QUEUE_URL"]


def handler(event, context):
    records = event.get("Records", [])
    for record in records:
        bucket = record["s3"]["bucket"]["name"]
        key = record["s3"]["object"]["key"]
        body = partner_s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"key": key, "size": len(body)}))
    return {"processed": len(records)}
