-- 003: database roles for the services
CREATE ROLE orders_app LOGIN PASSWORD 'Nimbus@2738ihHsDT';
--                                       ^ secret
CREATE ROLE reporting_ro LOGIN PASSWORD 'Reporting#Q3-2024';
--                                       ^ secret
CREATE ROLE migrator LOGIN PASSWORD NULL;
GRANT CONNECT ON DATABASE orders TO orders_app, reporting_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting_ro;
ALTER ROLE migrator SET statement_timeout = '5min';
