import boto3
import pytest
from moto import mock_aws

FAKE_ACCESS_KEY_ID = "testing"
FAKE_SECRET_ACCESS_KEY = "testing"


@pytest.fixture(autouse=True)
def aws_credentials(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY_ID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", FAKE_SECRET_ACCESS_KEY)
    monkeypatch.setenv("AWS_SECURITY_TOKEN", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("INGEST_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/ingest")


@mock_aws
def test_handler_forwards_each_record():
    s3 = boto3.client("s3", region_name="eu-central-1", aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                      aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    s3.create_bucket(Bucket="partner", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    s3.put_object(Bucket="partner", Key="a.json", Body=b"{}")
    from src import handler

    out = handler.handler({"Records": [{"s3": {"bucket": {"name": "partner"}, "object": {"key": "a.json"}}}]}, None)
    assert out == {"processed": 1}
