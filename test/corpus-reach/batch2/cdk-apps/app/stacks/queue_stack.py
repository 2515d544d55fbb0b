from aws_cdk import Duration, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class QueueStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        jobs = sqs.Queue(self, "Jobs", visibility_timeout=Duration.minutes(5))

        producer = iam.Role(
            self,
            "Producer",
            assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("CloudWatchReadOnlyAccess"),
            ],
        )
        producer.add_to_policy(
            iam.PolicyStatement(
                actions=["sqs:SendMessage", "sqs:GetQueueUrl"],
                resources=[jobs.queue_arn],
            )
        )

        operator = iam.Role(
            self,
            "Operator",
            assumed_by=iam.AccountRootPrincipal(),
            max_session_duration=Duration.hours(1),
        )
        operator.add_to_policy(
            iam.PolicyStatement(
                not_actions=["iam:*", "organizations:*"],
                # ^ iam
                resources=["*"],
            )
        )

        admin = iam.Role(
            self,
            "QueueAdmin",
            assumed_by=iam.AccountRootPrincipal(),
            managed_policies=[
                iam.ManagedPolicy.from_aws_managed_policy_name("AdministratorAccess"),
                #                                               ^ iam
            ],
        )
