package io.socialsync.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.socialsync.support.ServerTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With SMTP configured, invitation and reset links go by mail (a real SMTP server: GreenMail), built from the
 * public URL; open registration lets anyone make an account, who then creates a workspace.
 */
class MailedLinksTest extends ServerTest {
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("socialsync.auth.mail-from", () -> "robot@socialsync.test");
        registry.add("socialsync.auth.open-registration", () -> "true");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    private MimeMessage mailTo(String address) {
        // event-driven wait: returns as soon as the message is in
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        return Arrays.stream(SMTP.getReceivedMessagesForDomain(address)).findFirst().orElseThrow();
    }

    private static String token(MimeMessage message) {
        return GreenMailUtil.getBody(message).replaceAll("(?s).*token=([A-Za-z0-9_-]+).*", "$1");
    }

    @Test
    void aRegisteredPersonCreatesAWorkspaceInvitesByMailAndResetsByMail() throws Exception {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        var anonymous = admin.withKey(null);
        var registered = anonymous.post("/auth/register", "{\"email\":\"" + owner
                + "\",\"display_name\":\"Owner\",\"password\":\"eight chars ok\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(anonymous.post("/auth/register", "{\"email\":\"" + owner.toUpperCase()
                + "\",\"display_name\":\"Again\",\"password\":\"eight chars ok\"}").status()).isEqualTo(409);

        var noWorkspace = admin.withKey(anonymous.post("/auth/login", "{\"email\":\"" + owner
                + "\",\"password\":\"eight chars ok\"}").json().get("access_token").asString());
        assertThat(noWorkspace.get("/jobs").status()).as("no workspace yet").isEqualTo(403);
        long ws = noWorkspace.post("/workspaces", "{\"name\":\"mail-" + UUID.randomUUID() + "\"}")
                .json().get("id").asLong();
        var inWs = admin.withKey(anonymous.post("/auth/login", "{\"email\":\"" + owner
                + "\",\"password\":\"eight chars ok\",\"workspace_id\":" + ws + "}").json().get("access_token")
                .asString());

        String guest = "guest-" + UUID.randomUUID() + "@example.com";
        var invited = inWs.post("/workspaces/" + ws + "/invitations", "{\"email\":\"" + guest + "\",\"role\":\"viewer\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("mailed").asBoolean()).isTrue();
        MimeMessage invitation = mailTo(guest);
        assertThat(invitation.getFrom()[0].toString()).isEqualTo("robot@socialsync.test");
        assertThat(GreenMailUtil.getBody(invitation)).contains("http://localhost:" + port + "/app/invitations/accept?token=");
        var accepted = anonymous.post("/auth/invitations/accept", "{\"token\":\"" + token(invitation)
                + "\",\"display_name\":\"Guest\",\"password\":\"guest password\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(admin.withKey(accepted.json().get("access_token").asString()).get("/auth/me").json()
                .get("role").asString()).isEqualTo("viewer");

        SMTP.purgeEmailFromAllMailboxes();
        assertThat(anonymous.post("/auth/password-reset", "{\"email\":\"" + guest + "\"}").status()).isEqualTo(202);
        MimeMessage reset = mailTo(guest);
        assertThat(GreenMailUtil.getBody(reset)).contains("http://localhost:" + port + "/app/password-reset/confirm?token=");
        assertThat(anonymous.post("/auth/password-reset/confirm", "{\"token\":\"" + token(reset)
                + "\",\"password\":\"new guest password\"}").status()).isEqualTo(204);
        assertThat(anonymous.post("/auth/login", "{\"email\":\"" + guest
                + "\",\"password\":\"new guest password\"}").status()).isEqualTo(200);
    }
}
