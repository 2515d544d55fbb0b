// Keys that look like secrets yet are public by design: they ship to every browser that loads the
// page. Pusher app keys, Algolia search-only keys, CAPTCHA site keys, publishable and anon keys,
// Firebase web API keys. Reporting them teaches users to ignore findings; each has a secret
// counterpart (app secret, admin key, secret key) that is reported.
import { splitWords } from './names';

/** Why a key under `name` is public by design, or null when the name does not say so. */
export function publicKeyName(name: string): string | null {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (last !== 'key' || words.includes('secret') || words.includes('private') || words.includes('admin')) return null;
  if (words.includes('pusher')) return 'a Pusher app key, public by design (the app secret is the credential)';
  const search = words.includes('search');
  if (search && (words.includes('only') || ['algolia', 'typesense', 'meilisearch', 'meili'].some((w) => words.includes(w)))) {
    return 'a search-only key, public by design (the admin key is the credential)';
  }
  // `searchKey`, `search_api_key` alone: the name Algolia's and Typesense's clients give the public key.
  if (search && words.length <= 3 && words.every((w) => w === 'search' || w === 'api' || w === 'key')) {
    return 'a search-only key, public by design (the admin key is the credential)';
  }
  if (words[words.length - 2] === 'site') {
    return 'a CAPTCHA site key, public by design (the secret key is the credential)';
  }
  if (words.includes('publishable')) return 'a publishable key, public by design (the secret key is the credential)';
  if (words.includes('anon')) return 'an anonymous-role key, public by design (the service key is the credential)';
  return null;
}

const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
const FIREBASE_WEB_CONFIG = /firebase|authDomain|auth_domain|messagingSenderId|messaging_sender_id/i;

/** Lines around an `apiKey` that are searched for the rest of a Firebase configuration. */
export const FIREBASE_CONFIG_REACH = 5;

/**
 * A Google API key in a Firebase web app's configuration (`firebaseConfig`, `FIREBASE_API_KEY`):
 * it identifies the project to Google and is public by design; access is controlled by security
 * rules and by the key's API and referrer restrictions. `line` holds the key; `around` is the text
 * within `FIREBASE_CONFIG_REACH` lines of it.
 */
export function isFirebaseWebKey(value: string, line: string, around: () => string): boolean {
  if (!GOOGLE_API_KEY.test(value)) return false;
  return FIREBASE_WEB_CONFIG.test(line) || (/api_?key/i.test(line) && FIREBASE_WEB_CONFIG.test(around()));
}

export const FIREBASE_WEB_KEY_REASON =
  'a Firebase web API key, public by design (restrict it to your apps and APIs in the Google Cloud console)';
