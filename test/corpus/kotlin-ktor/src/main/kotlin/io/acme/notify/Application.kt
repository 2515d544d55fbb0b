package io.acme.notify

import io.ktor.server.application.*
import io.ktor.server.engine.*
import io.ktor.server.netty.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

data class MailSettings(val host: String, val user: String, val password: String)

val mailgunKey: String = System.getenv("MAILGUN_API_KEY") ?: "key-02eec1477c456ab7799c5355c33e67d7"
//                                                              ^ secret
val webhookSigningKey: String = System.getenv("WEBHOOK_SIGNING_KEY") ?: error("WEBHOOK_SIGNING_KEY is required")

fun Application.module() {
    val settings = MailSettings(
        host = environment.config.property("mail.host").getString(),
        user = environment.config.property("mail.user").getString(),
        password = environment.config.property("mail.password").getString(),
    )
    routing {
        get("/healthz") { call.respondText("ok") }
        post("/send") {
            call.respondText("queued for ${settings.user}")
        }
    }
}

fun main() {
    embeddedServer(Netty, port = 8082, module = Application::module).start(wait = true)
}
