-- 004: outbound integrations
CREATE TABLE integrations (
    id        serial PRIMARY KEY,
    name      text NOT NULL UNIQUE,
    base_url  text NOT NULL,
    token     text
);

INSERT INTO integrations (name, base_url, token) VALUES
    ('github', 'https://api.github.com', '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'),
--                                          ^ secret
    ('sendgrid', 'https://api.sendgrid.com/v3', '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'),
--                                                 ^ secret
    ('status-page', 'https://status.acme.io/api', NULL);
