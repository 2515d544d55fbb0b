'use strict';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
};

module.exports = {
  port: Number(process.env.PORT ?? 8080),
  mongoUri: required('MONGODB_URI'),
  jwt: {
    secret: required('JWT_SIGNING_SECRET'),
    expiresIn: '15m',
    refreshExpiresIn: '30d',
    algorithm: 'HS256',
  },
  github: {
    token: process.env.GITHUB_TOKEN,
    org: 'acme-corp',
  },
  slack: {
    botToken: process.env.SLACK_BOT_TOKEN,
    signingSecret: process.env.SLACK_SIGNING_SECRET,
    channel: '#orders-alerts',
  },
  passwordPolicy: { minLength: 12, requireSymbol: true, historySize: 5 },
  tokenHeader: 'x-api-token',
  secretHeaderName: 'x-webhook-secret',
};
