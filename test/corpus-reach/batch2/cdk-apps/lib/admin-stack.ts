import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class AdminStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const breakGlass = new iam.Role(this, 'BreakGlass', {
      assumedBy: new iam.AccountPrincipal(this.account),
      maxSessionDuration: Duration.hours(12),
      //                  ^ lifecycle
    });
    breakGlass.addManagedPolicy(
      iam.ManagedPolicy.fromManagedPolicyArn(this, 'Admin', 'arn:aws:iam::aws:policy/AdministratorAccess'),
      //                                                     ^ iam
    );

    const identityTeam = new iam.Group(this, 'IdentityTeam');
    identityTeam.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('IAMFullAccess'));
    //                                                                       ^ iam

    const auditor = new iam.Role(this, 'Auditor', {
      assumedBy: new iam.AccountPrincipal(this.account),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit')],
    });

    const exporter = new iam.User(this, 'LegacyExporter');
    const exporterKey = new iam.AccessKey(this, 'LegacyExporterKey', { user: exporter });
    //                  ^ lifecycle
    new secretsmanager.Secret(this, 'LegacyExporterKeySecret', {
    //  ^ lifecycle
      secretStringValue: exporterKey.secretAccessKey,
    });
  }
}
