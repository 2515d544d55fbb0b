package io.acme.field

import org.junit.Assert.assertEquals
import org.junit.Test

class LoginValidatorTest {
    private val validator = LoginValidator()

    @Test
    fun rejectsShortPassword() {
        assertEquals(false, validator.isValid(email = "tech@example.com", password = "abc"))
    }

    @Test
    fun acceptsLongPassword() {
        val password = "example-password-123"
        assertEquals(true, validator.isValid(email = "tech@example.com", password = password))
    }
}
