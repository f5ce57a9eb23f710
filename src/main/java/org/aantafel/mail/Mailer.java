package org.aantafel.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.aantafel.MailSettings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The school's SMTP server. Each recipient gets a message of their own, so nobody learns the addresses of the others
 * at the table (parents, school and care do not necessarily share them).
 */
final class Mailer {
  private static final System.Logger LOG = System.getLogger(Mailer.class.getName());
  private final MailClient client;
  private final String from;

  private Mailer(MailClient client, String from) {
    this.client = client;
    this.from = from;
  }

  /** Empty when no SMTP host is configured: then the server offers no e-mail at all. */
  static Optional<Mailer> create(Vertx vertx, MailSettings settings) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    MailConfig config = new MailConfig()
        .setHostname(settings.host())
        .setPort(settings.port())
        .setStarttls(StartTLSOptions.valueOf(settings.startTls().toUpperCase(Locale.ROOT)))
        .setLogin(settings.username().isBlank() ? LoginOption.DISABLED : LoginOption.REQUIRED);
    if (!settings.username().isBlank()) {
      config.setUsername(settings.username()).setPassword(settings.password());
    }
    // Not shared by name: the server makes one Mailer for all its HTTP verticles, and a second server in the same
    // Vert.x (as in tests) must not be handed the first one's configuration.
    return Optional.of(new Mailer(MailClient.create(vertx, config), settings.from()));
  }

  String from() {
    return from;
  }

  /**
   * Sends a copy of the message to each address. Answers how many were accepted by the mail server; fails only when
   * there were addresses and none was accepted.
   */
  Future<Integer> sendEach(List<String> recipients, MailMessage message) {
    List<Future<Boolean>> sent = recipients.stream().map(to -> client.sendMail(new MailMessage(message)
            .setFrom(from).setTo(to))
        .map(result -> true)
        .recover(e -> {
          // Neither subject nor address: both can name a child or a parent, and logs are kept longer than mail.
          LOG.log(System.Logger.Level.WARNING, "the mail server did not accept a message: {0}",
              Redacted.failure(e));
          return Future.succeededFuture(false);
        }))
        .toList();
    return Future.all(sent).compose(all -> {
      int accepted = (int) sent.stream().filter(Future::result).count();
      return accepted == 0 && !recipients.isEmpty()
          ? Future.failedFuture(new MailNotAccepted())
          : Future.succeededFuture(accepted);
    });
  }

  Future<Void> close() {
    return client.close();
  }
}
