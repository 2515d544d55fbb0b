// @ts-nocheck
import { Octokit } from '@octokit/rest';

export interface RepoRef {
  owner: string;
  repo: string;
}

export function makeClient(token: string = process.env.GITHUB_TOKEN!): Octokit {
  return new Octokit({ auth: token, userAgent: 'acme-orders/1.0' });
}

export async function latestRelease(client: Octokit, ref: RepoRef): Promise<string | undefined> {
  const { data } = await client.repos.getLatestRelease(ref);
  return data.tag_name;
}

export async function commitStatus(client: Octokit, ref: RepoRef, sha: string, ok: boolean) {
  await client.repos.createCommitStatus({
    ...ref,
    sha,
    state: ok ? 'success' : 'failure',
    context: 'orders/contract-tests',
  });
}

// Example SHA used in the docs for this helper: 3f786850e387550fdab836ed7e6dc881de23001b
export const EXAMPLE_SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
