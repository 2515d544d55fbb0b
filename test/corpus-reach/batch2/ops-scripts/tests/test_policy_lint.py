"""Unit tests for the in-house policy linter used in the deploy pipeline."""
import pytest

from ops_scripts.policy_lint import lint


def test_rejects_star_action():
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    assert "star-action" in {f.rule for f in lint(policy)}


def test_rejects_iam_wildcard():
    statement = {"Effect": "Allow", "Action": ["iam:*"], "Resource": "*"}
    assert lint({"Version": "2012-10-17", "Statement": [statement]})


def test_accepts_describe_on_star():
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*"}]}
    assert lint(policy) == []


@pytest.mark.parametrize("action", ["s3:GetObject", "sqs:SendMessage"])
def test_accepts_scoped(action):
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "arn:aws:s3:::b/*"}]}
    assert lint(policy) == []
