import { Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export class DevToolsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const cache = new s3.Bucket(this, 'BuildCache', { enforceSSL: true });

    const cacheReader = new iam.Role(this, 'CacheReader', {
      assumedBy: new iam.AnyPrincipal(),
      //         ^ iam
    });
    cacheReader.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [cache.arnForObjects('cache/*')],
      }),
    );

    const cacheWriter = new iam.Role(this, 'CacheWriter', {
      assumedBy: new iam.ArnPrincipal(`arn:aws:iam::${this.account}:role/ci-runner`),
    });
    cache.grantReadWrite(cacheWriter, 'cache/*');
  }
}
