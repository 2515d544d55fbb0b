package com.acme.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.billing.service.TokenService;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String TEST_SECRET = "0123456789abcdef0123456789abcdef-test-only";

    @Test
    void issuesCompactJwt() {
        TokenService svc = new TokenService(TEST_SECRET, "test");
        String jwt = svc.issue("user-1", 60);
        assertThat(jwt.split("\\.")).hasSize(3);
    }

    @Test
    void resetSubjectHasPrefix() {
        TokenService svc = new TokenService(TEST_SECRET, "test");
        assertThat(svc.passwordResetSubject("42")).isEqualTo("password-reset:42");
    }
}
