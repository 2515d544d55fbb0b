import { createClient } from 'redis';

export const redis = createClient({
  socket: { host: 'chat-redis.prod.acme.internal', port: 6380, tls: true },
  username: 'chat',
  password: 'Kestrel-9-Parsnip',
  //         ^ secret
});

export const pubsub = createClient({ url: process.env.REDIS_URL });

redis.on('error', (err) => console.error('redis error', err.message));
