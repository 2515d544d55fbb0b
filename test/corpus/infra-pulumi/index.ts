// @ts-nocheck
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const dbPassword = config.requireSecret('dbPassword');

export const db = new aws.rds.Instance('orders', {
  engine: 'postgres',
  instanceClass: config.require('dbInstanceClass'),
  allocatedStorage: 100,
  username: 'orders_admin',
  password: dbPassword,
  skipFinalSnapshot: false,
});

export const connectionString = pulumi.secret(pulumi.interpolate`postgres://orders_admin:${dbPassword}@${db.endpoint}/orders`);
