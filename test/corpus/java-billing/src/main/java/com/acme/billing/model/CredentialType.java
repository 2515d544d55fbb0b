package com.acme.billing.model;

public enum CredentialType {
    PASSWORD("password"),
    API_KEY("api_key"),
    CLIENT_SECRET("client_secret"),
    REFRESH_TOKEN("refresh_token");

    public static final String PASSWORD_PARAM = "password";
    public static final String TOKEN_ENDPOINT = "https://auth.acme.io/oauth2/token";
    public static final String DEFAULT_SECRET_PATH = "secret/data/billing";

    private final String wireName;

    CredentialType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
