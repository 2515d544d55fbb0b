// @ts-nocheck
import Pusher from 'pusher';

const appSecretParts = ['5d2dd5ac2a9aa9e9', 'ef8d20508ba45815'];
//                         ^ secret

export const pusher = new Pusher({
  appId: '1781234',
  key: '376384c8ec9c47ccb750ed9bf738751e',
  secret: appSecretParts.join(''),
  cluster: 'eu',
  useTLS: true,
});

export const OPENAI_KEY = `sk-proj-${'CJzZOJbI2FlYN1axo6Kmvj3yOtHXjMGL'}T3BlbkFJ${'E8dnWxrd4mC1ptw6jDAx4oTWNEZKsG06'}`;
//                                      ^ secret
