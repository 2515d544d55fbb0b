// @ts-nocheck
// Identifiers and look-ups that look like secrets but are not.
import { randomUUID } from 'node:crypto';
import { findSession, getToken } from './session';

export const tokenizationId = 'f865288c4b7e4d0a9c1f2e3d4b5a6978';
export const ANALYTICS_WRITE_KEY_HEADER = 'x-analytics-write-key';
export const PASSWORD_RESET_PATH = '/auth/password/reset';
export const passwordRegex = /^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{12,128}$/;

export async function handler(req) {
  const session = await findSession(req.cookies.sid);
  const token = getToken(req.headers.authorization);
  const apiKey = req.headers['x-api-key'] ?? session?.apiKey;
  const secret = this.config.webhookSecret;
  const password = req.body.password;
  const { clientSecret } = await createIntent(req.body.amount);
  return { session, token, apiKey, secret, password, clientSecret, requestId: randomUUID() };
}

export const ROUTE_HASHES = {
  '/': '5dc739e52c861d56c80c7040cf8fefa5ff25dc99',
  '/pricing': '9e34dfcaa6a5290a7d2382b35a479f99058ac15f',
  '/login': '92f73167cefd4c8f427a355b5a7a6c7279073b6a',
};
