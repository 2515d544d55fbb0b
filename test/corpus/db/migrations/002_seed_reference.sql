-- 002: reference data
INSERT INTO currencies (code, name, minor_units) VALUES
    ('EUR', 'Euro', 2),
    ('USD', 'US dollar', 2),
    ('JPY', 'Japanese yen', 0);

INSERT INTO users (id, email, password_hash) VALUES
    ('9132f4ae-4a10-496f-aed8-5511ce2b0a10', 'system@acme.io', '!'),
    ('aa218639-e338-499b-ad3e-bae352c85822', 'importer@acme.io', '!');

INSERT INTO api_keys (id, user_id, prefix, key_hash, scopes) VALUES
    ('9ca5f998-7997-46d6-994a-0ff264107b2c', (SELECT id FROM users WHERE email = 'importer@acme.io'), 'imp_7f3a', '58544ee58e2e5e722412b1f9adfeaa70fd2cbe39c3d0826673559145ed4cf2aa', '{orders:write}');
