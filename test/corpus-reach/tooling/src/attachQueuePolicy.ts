import { IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';

const client = new IAMClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });

export async function grantQueueConsumer(roleName: string, queueArn: string): Promise<void> {
  await client.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: 'queue-consumer',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
            Resource: queueArn,
          },
          {
            Effect: 'Allow',
            Action: 'cloudwatch:PutMetricData',
            Resource: '*',
          },
        ],
      }),
    }),
  );
}
