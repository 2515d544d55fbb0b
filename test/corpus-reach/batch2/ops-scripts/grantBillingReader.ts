import { AttachRolePolicyCommand, CreatePolicyCommand, IAMClient } from '@aws-sdk/client-iam';

const iam = new IAMClient({});

export async function grantBillingReader(roleName: string, reportBucket: string): Promise<void> {
  const created = await iam.send(
    new CreatePolicyCommand({
      PolicyName: `${roleName}-cur-reader`,
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject'],
            Resource: `arn:aws:s3:::${reportBucket}/cur/*`,
          },
          {
            Effect: 'Allow',
            Action: ['s3:ListBucket'],
            Resource: `arn:aws:s3:::${reportBucket}`,
            Condition: { StringLike: { 's3:prefix': ['cur/*'] } },
          },
          {
            Effect: 'Allow',
            Action: ['ce:GetCostAndUsage', 'ce:GetDimensionValues'],
            Resource: '*',
          },
        ],
      }),
    }),
  );

  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: roleName,
      PolicyArn: created.Policy!.Arn!,
    }),
  );
  await iam.send(
    new AttachRolePolicyCommand({
      RoleName: roleName,
      PolicyArn: 'arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess',
    }),
  );
}
