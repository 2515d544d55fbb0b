from aws_cdk import Stack, aws_iam as iam, aws_s3 as s3
from constructs import Construct


class StorageStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        exports = s3.Bucket(self, "Exports", enforce_ssl=True)

        reader = iam.Role(
            self,
            "ExportReader",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
        )
        reader.add_to_policy(
            iam.PolicyStatement(
                actions=["s3:GetObject"],
                resources=[exports.arn_for_objects("daily/*")],
            )
        )

        janitor = iam.Role(
            self,
            "Janitor",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
        )
        janitor.add_to_policy(
            iam.PolicyStatement(
                actions=["s3:*"],
                #         ^ iam
                resources=["*"],
            )
        )
        janitor.add_to_policy(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                actions=["s3:DeleteBucket"],
                resources=["*"],
            )
        )
