import { google } from 'googleapis';

const oauth2 = new google.auth.OAuth2(
  process.env.GOOGLE_CLIENT_ID,
  process.env.GOOGLE_CLIENT_SECRET,
  'https://app.acme-labs.io/oauth/google/callback',
);

export function driveConsentUrl(state: string): string {
  return oauth2.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/drive.readonly', 'openid', 'email'],
    state,
  });
}

export function adminConsentUrl(state: string): string {
  return oauth2.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/cloud-platform'],
    //                                        ^ agent
    state,
  });
}
