import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';

export function k8sFixes(_finding: Finding, _doc: FixDocument, _workspace: FixWorkspace): Fix[] {
  return [];
}
