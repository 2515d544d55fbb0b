import { randomBytes } from 'node:crypto';

const AUTHORIZE = 'https://github.com/login/oauth/authorize';

export function signInUrl(clientId: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    scope: 'read:user user:email',
    state: randomBytes(16).toString('hex'),
  });
  return `${AUTHORIZE}?${params}`;
}

export function repoCleanupUrl(clientId: string): string {
  const params = new URLSearchParams({
    client_id: clientId,
    scope: 'public_repo delete_repo',
    //                  ^ agent
    state: randomBytes(16).toString('hex'),
  });
  return `${AUTHORIZE}?${params}`;
}
