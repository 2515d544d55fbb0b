package com.acme.billing.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration
public class DataSourceConfig {

    @Value("${spring.datasource.password}")
    private String password;

    @Bean
    @Profile("!legacy")
    public DataSource dataSource(@Value("${spring.datasource.url}") String url) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername("billing_app");
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(20);
        return new HikariDataSource(cfg);
    }

    /** The reconciliation job still talks to the old Oracle warehouse. */
    @Bean
    @Profile("legacy")
    public DataSource legacyDataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:oracle:thin:recon/Harbor-1535dMzVJ8@//dwh-ora.acme.internal:1521/DWHPRD");
        //                                       ^ secret
        cfg.setMaximumPoolSize(4);
        return new HikariDataSource(cfg);
    }

    @Bean
    @Profile("reporting")
    public DataSource reportingDataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:sqlserver://reporting.acme.internal:1433;databaseName=Billing;user=report_ro;password=Nimbus+2888ixz6Xk;encrypt=true");
        //                                                                                                           ^ secret
        return new HikariDataSource(cfg);
    }
}
