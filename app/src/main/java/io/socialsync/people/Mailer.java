package io.socialsync.people;

import io.socialsync.config.SocialSyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Invitation and reset links. Spring Boot makes a mail sender only when {@code spring.mail.host} is set; without
 * one nothing is mailed and the CLI prints the link instead. Links start with SOCIALSYNC_PUBLIC_URL.
 */
@Component
public class Mailer {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private final ObjectProvider<JavaMailSender> sender;
    private final SocialSyncProperties properties;
    private final AuthProperties settings;

    public Mailer(ObjectProvider<JavaMailSender> sender, SocialSyncProperties properties, AuthProperties settings) {
        this.sender = sender;
        this.properties = properties;
        this.settings = settings;
    }

    String link(String path, String token) {
        String base = properties.storage().publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path + "?token=" + token;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** @return whether the mail was handed to the SMTP server; a failure is logged, the link still works */
    boolean send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        var message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("could not mail '{}': {}", subject, e.getMessage());
            return false;
        }
    }
}
