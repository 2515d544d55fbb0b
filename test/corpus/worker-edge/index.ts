// @ts-nocheck
export interface Env {
  UPSTREAM: string;
  UPSTREAM_TOKEN: string;
  ROUTES: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const route = await env.ROUTES.get(url.pathname);
    const target = new URL(route ?? url.pathname, env.UPSTREAM);
    const headers = new Headers(request.headers);
    headers.set('x-upstream-token', env.UPSTREAM_TOKEN);
    headers.set('x-request-id', crypto.randomUUID());
    return fetch(target, { method: request.method, headers, body: request.body });
  },
};
