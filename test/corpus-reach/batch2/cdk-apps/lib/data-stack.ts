import { Stack, StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const table = new dynamodb.Table(this, 'Customers', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    const api = new lambda.Function(this, 'CustomersApi', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/customers-api'),
    });
    table.grantReadData(api);

    const migrator = new lambda.Function(this, 'Migrator', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'migrate.handler',
      code: lambda.Code.fromAsset('dist/migrator'),
    });

    migrator.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:*'],
        //         ^ iam
        resources: ['*'],
      }),
    );

    migrator.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['*'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:RequestedRegion': this.region } },
      }),
    );

    migrator.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ecr:GetAuthorizationToken', 'cloudwatch:PutMetricData'],
        resources: ['*'],
      }),
    );

    migrator.role?.addManagedPolicy(
      iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole'),
    );
  }
}
