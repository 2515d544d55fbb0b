// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { buildApp } from '../src/app';

const FAKE_JWT_SECRET = 'test-secret-do-not-use';
const fakeGithubToken = 'ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake1234';

vi.mock('../src/config', () => ({
  jwt: { secret: FAKE_JWT_SECRET, expiresIn: '1m' },
  github: { token: fakeGithubToken },
  mongoUri: 'mongodb://localhost:27017/test',
}));

describe('POST /login', () => {
  it('rejects a wrong password', async () => {
    const app = await buildApp();
    const res = await request(app).post('/login').send({ email: 'user@example.com', password: 'not-the-password' });
    expect(res.status).toBe(401);
  });

  it('issues a token for the seeded user', async () => {
    const app = await buildApp({ seed: [{ email: 'seed@example.com', password: 'Passw0rd!-test-only' }] });
    const res = await request(app).post('/login').send({ email: 'seed@example.com', password: 'Passw0rd!-test-only' });
    expect(res.body.token).toMatch(/^eyJ/);
  });
});
