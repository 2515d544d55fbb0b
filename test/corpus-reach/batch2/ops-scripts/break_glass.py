"""Incident break-glass: grant the on-call role admin for the duration of an incident."""
import sys

import boto3

ADMIN_POLICY_ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
#                                        ^ iam


def open_incident(role_name: str) -> None:
    iam = boto3.client("iam")
    iam.attach_role_policy(RoleName=role_name, PolicyArn=ADMIN_POLICY_ARN)


def close_incident(role_name: str) -> None:
    iam = boto3.client("iam")
    iam.detach_role_policy(RoleName=role_name, PolicyArn=ADMIN_POLICY_ARN)


def incident_session(role_arn: str, ticket: str):
    sts = boto3.client("sts")
    return sts.assume_role(RoleArn=role_arn, RoleSessionName=f"incident-{ticket}", DurationSeconds=3600)


if __name__ == "__main__":
    {"open": open_incident, "close": close_incident}[sys.argv[1]](sys.argv[2])
