package com.acme.billing.config;

import java.util.Map;
import java.util.Properties;

public final class MailConfig {

    private MailConfig() {}

    public static Properties smtp() {
        Map<String, String> env = System.getenv();
        Properties p = new Properties();
        p.put("mail.smtp.host", env.getOrDefault("SMTP_HOST", "smtp.sendgrid.net"));
        p.put("mail.smtp.port", "587");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.user", "apikey");
        p.put("mail.smtp.password", env.getOrDefault("SENDGRID_API_KEY", "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"));
        //                                                                  ^ secret
        return p;
    }
}
