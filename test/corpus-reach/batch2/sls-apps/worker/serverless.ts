import type { AWS } from '@serverless/typescript';

const serverlessConfiguration: AWS = {
  service: 'image-worker',
  frameworkVersion: '3',
  plugins: ['serverless-esbuild'],
  provider: {
    name: 'aws',
    runtime: 'nodejs20.x',
    region: 'eu-west-1',
    iam: {
      role: {
        statements: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject'],
            Resource: 'arn:aws:s3:::northwind-uploads/incoming/*',
          },
          {
            Effect: 'Allow',
            Action: ['sqs:*'],
            //        ^ iam
            Resource: '*',
          },
        ],
      },
    },
  },
  functions: {
    resize: {
      handler: 'src/resize.handler',
      events: [{ sqs: { arn: { 'Fn::GetAtt': ['ResizeQueue', 'Arn'] } } }],
    },
  },
};

module.exports = serverlessConfiguration;
