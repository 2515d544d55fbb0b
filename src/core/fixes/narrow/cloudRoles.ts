// Narrowing fixes for GCP and Azure grants: a basic or admin role replaced by a narrower one, the
// cloud-platform scope by the scopes a VM's agents need, an Azure role at subscription scope by Reader
// or by the same role on a resource group of the same file, a custom role's `*` by `*/read`. Public
// members (`allUsers`) get no fix: removing them breaks whatever is meant to be public.
import { CLOUD_REMEDY } from '../../iam/cloud/remedy';
import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';
import { azureActionFixes, azureAssignmentFixes } from './cloudRolesAzure';
import { gcpRoleFixes, gcpScopeFixes } from './cloudRolesGcp';

export function cloudRoleFixes(finding: Finding, doc: FixDocument, _workspace: FixWorkspace): Fix[] {
  switch (finding.remedy?.kind) {
    case CLOUD_REMEDY.gcpRole: return gcpRoleFixes(finding, doc);
    case CLOUD_REMEDY.gcpScope: return gcpScopeFixes(finding, doc);
    case CLOUD_REMEDY.azureAssignment: return azureAssignmentFixes(finding, doc);
    case CLOUD_REMEDY.azureAction: return azureActionFixes(finding, doc);
    default: return [];
  }
}
