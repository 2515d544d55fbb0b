// The provider-format catalogue, ordered from most to least specific: when two formats match the
// same value, the detector keeps the earlier one (a Slack webhook before a URL with a password,
// a service-account key before a bare PEM block, a Supabase service key before any JWT).
import type { SecretFormat } from '../format';
import { AI_FORMATS } from './ai';
import { CLOUD_FORMATS } from './cloud';
import { DATABASE_FORMATS } from './databases';
import { DEVTOOLS_FORMATS } from './devtools';
import { KEY_FORMATS } from './keys';
import { MESSAGING_FORMATS } from './messaging';
import { PACKAGE_FORMATS } from './packages';
import { PAYMENT_FORMATS } from './payments';
import { PLATFORM_FORMATS } from './platforms';
import { SAAS_FORMATS } from './saas';
import { VCS_FORMATS } from './vcs';

export const SECRET_FORMATS: readonly SecretFormat[] = [
  ...VCS_FORMATS,
  ...PACKAGE_FORMATS,
  ...AI_FORMATS,
  ...CLOUD_FORMATS,
  ...PLATFORM_FORMATS,
  ...PAYMENT_FORMATS,
  ...MESSAGING_FORMATS,
  ...DEVTOOLS_FORMATS,
  ...SAAS_FORMATS,
  ...KEY_FORMATS,
  ...DATABASE_FORMATS,
];
