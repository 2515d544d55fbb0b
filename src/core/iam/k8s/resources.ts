// Built-in Kubernetes kinds and resources with their API group, to say which RBAC resources the
// objects of a manifest imply (a Deployment beside a Role → `deployments` in `apps`).
export interface GroupResource {
  group: string;
  resource: string;
}

/** Kinds whose objects a workload's controller or operator typically reads. RBAC objects, Secrets, Namespaces and CRDs are left out on purpose. */
const KINDS: Record<string, GroupResource> = {
  Deployment: { group: 'apps', resource: 'deployments' },
  StatefulSet: { group: 'apps', resource: 'statefulsets' },
  DaemonSet: { group: 'apps', resource: 'daemonsets' },
  ReplicaSet: { group: 'apps', resource: 'replicasets' },
  Service: { group: '', resource: 'services' },
  ConfigMap: { group: '', resource: 'configmaps' },
  Pod: { group: '', resource: 'pods' },
  PersistentVolumeClaim: { group: '', resource: 'persistentvolumeclaims' },
  Endpoints: { group: '', resource: 'endpoints' },
  Job: { group: 'batch', resource: 'jobs' },
  CronJob: { group: 'batch', resource: 'cronjobs' },
  Ingress: { group: 'networking.k8s.io', resource: 'ingresses' },
  NetworkPolicy: { group: 'networking.k8s.io', resource: 'networkpolicies' },
  HorizontalPodAutoscaler: { group: 'autoscaling', resource: 'horizontalpodautoscalers' },
  PodDisruptionBudget: { group: 'policy', resource: 'poddisruptionbudgets' },
  EndpointSlice: { group: 'discovery.k8s.io', resource: 'endpointslices' },
};

/** API group of a built-in resource (subresources take their parent's). */
const GROUPS: Record<string, string> = {
  ...Object.fromEntries(Object.values(KINDS).map((k) => [k.resource, k.group])),
  secrets: '', serviceaccounts: '', namespaces: '', nodes: '', events: '', persistentvolumes: '', limitranges: '', resourcequotas: '',
  leases: 'coordination.k8s.io', customresourcedefinitions: 'apiextensions.k8s.io', storageclasses: 'storage.k8s.io',
  roles: 'rbac.authorization.k8s.io', rolebindings: 'rbac.authorization.k8s.io', clusterroles: 'rbac.authorization.k8s.io', clusterrolebindings: 'rbac.authorization.k8s.io',
};

export function resourceOfKind(kind: string): GroupResource | undefined {
  return KINDS[kind];
}

export function groupOfResource(resource: string): string | undefined {
  return GROUPS[resource.split('/')[0].toLowerCase()];
}
