package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.Eventually;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.aantafel.testsupport.BusClient.await;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the e-mail tests do over the real HTTP API and bus, and what they read back from the test's SMTP server. */
final class MailCalls {
  private static final Pattern CONFIRM_LINK = Pattern.compile("/confirm\\.html#([A-Za-z0-9_-]+)");

  private final TestServer server;
  private final GreenMailExtension smtp;

  MailCalls(TestServer server, GreenMailExtension smtp) {
    this.server = server;
    this.smtp = smtp;
  }

  /** A person takes a seat with the participant link, over a socket of their own that closes again. */
  String seat(CreatedBoard board, String name) {
    return seat(board, "c" + Integer.toHexString(name.hashCode()), name);
  }

  String seat(CreatedBoard board, String clientId, String name) {
    BusClient bus = server.bus();
    try {
      return bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
              .put("token", board.token("participant")).put("clientId", clientId).put("name", name)
              .put("role", "parent").putNull("seat"))
          .getJsonObject("you").getString("seat");
    } finally {
      bus.close();
    }
  }

  HttpResponse<Buffer> leaveAddress(CreatedBoard board, String seat, String email) {
    return await(bearer(server.http().put(server.port(), "localhost", "/api/boards/" + board.id() + "/contact"),
        board.token("participant")).putHeader("X-Seat", seat).sendJsonObject(new JsonObject().put("email", email)));
  }

  /** kind: agenda or invitation, sent by the facilitator with the board's participant link in it. */
  HttpResponse<Buffer> send(CreatedBoard board, String kind) {
    return await(bearer(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/mail/" + kind),
        board.token("facilitator")).sendJsonObject(new JsonObject().put("joinToken", board.token("participant"))));
  }

  HttpResponse<Buffer> close(CreatedBoard board) {
    return await(bearer(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close"),
        board.token("facilitator")).send());
  }

  HttpResponse<Buffer> reopen(CreatedBoard board) {
    return await(bearer(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/reopen"),
        board.token("facilitator")).send());
  }

  HttpResponse<Buffer> confirm(String secret) {
    return await(server.http().post(server.port(), "localhost", "/api/contacts/confirm")
        .sendJsonObject(new JsonObject().put("token", secret)));
  }

  /** The secret in the confirmation link of the one confirmation mail this address received. */
  String confirmationSecret(String to) {
    ReceivedMail mail = awaitMail(to, 1).get(0);
    Matcher link = CONFIRM_LINK.matcher(mail.text());
    if (!link.find()) {
      throw new AssertionError("no confirmation link in " + mail.text());
    }
    return link.group(1);
  }

  /** Leaves the address and confirms it with the link from the mail, as its owner would. */
  void leaveConfirmedAddress(CreatedBoard board, String seat, String email) {
    int before = mailsTo(email).size();
    HttpResponse<Buffer> left = leaveAddress(board, seat, email);
    if (left.statusCode() / 100 != 2) {
      throw new AssertionError(left.statusCode() + " " + left.bodyAsString());
    }
    List<ReceivedMail> mails = awaitMail(email, before + 1);
    Matcher link = CONFIRM_LINK.matcher(mails.get(mails.size() - 1).text());
    if (!link.find() || confirm(link.group(1)).statusCode() != 204) {
      throw new AssertionError("the address was not confirmed");
    }
  }

  /** Waits until at least that many mails reached the address. */
  List<ReceivedMail> awaitMail(String to, int count) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to), mails -> mails.size() >= count);
  }

  /** Watches a fixed window, in which the address must never have received more than that many mails. */
  void assertNoMoreThan(String to, int count) {
    Eventually.throughout(() -> assertTrue(mailsTo(to).size() <= count, to + " received " + mailsTo(to).size()));
  }

  /** The same for all mails the server sent, to anyone. */
  void assertNoMoreMailsThan(int count) {
    Eventually.throughout(() -> assertTrue(smtp.getReceivedMessages().length <= count,
        "the server sent " + smtp.getReceivedMessages().length));
  }

  List<ReceivedMail> mailsTo(String to) {
    return Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.to().contains(to)).toList();
  }

  static HttpRequest<Buffer> bearer(HttpRequest<Buffer> request, String token) {
    return request.putHeader("Authorization", "Bearer " + token);
  }
}
