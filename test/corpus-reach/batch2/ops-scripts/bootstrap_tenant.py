"""Bootstraps a tenant sandbox account: a role the tenant's own account can assume."""
import argparse
import json

import boto3

iam = boto3.client("iam")

SANDBOX_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "SandboxData",
            "Effect": "Allow",
            "Action": "s3:*",
            #         ^ iam
            "Resource": "*",
        },
        {
            "Sid": "WhoAmI",
            "Effect": "Allow",
            "Action": "sts:GetCallerIdentity",
            "Resource": "*",
        },
    ],
}


def bootstrap(tenant: str, tenant_account: str) -> str:
    role = iam.create_role(
        RoleName=f"sandbox-{tenant}",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:aws:iam::{tenant_account}:root"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            }
        ),
        MaxSessionDuration=43200,
        #                  ^ lifecycle
        Tags=[{"Key": "tenant", "Value": tenant}],
    )
    iam.put_role_policy(
        RoleName=f"sandbox-{tenant}",
        PolicyName="sandbox",
        PolicyDocument=json.dumps(SANDBOX_POLICY),
    )
    return role["Role"]["Arn"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("tenant")
    parser.add_argument("account")
    args = parser.parse_args()
    print(bootstrap(args.tenant, args.account))
