-- Monthly revenue by currency
SELECT date_trunc('month', o.created_at) AS month,
       o.currency,
       sum(o.total_cents) / 100.0 AS revenue
FROM orders o
WHERE o.status = 'paid'
  AND o.created_at >= now() - interval '12 months'
GROUP BY 1, 2
ORDER BY 1 DESC, 2;

-- Users who have not rotated their API keys in 90 days
SELECT u.email, k.prefix, k.created_at
FROM api_keys k JOIN users u ON u.id = k.user_id
WHERE k.revoked_at IS NULL
  AND k.created_at < now() - interval '90 days';

-- Password reset requests (token column holds a hash, not the token)
SELECT user_id, token_hash, requested_at FROM password_resets WHERE requested_at > now() - interval '1 day';
