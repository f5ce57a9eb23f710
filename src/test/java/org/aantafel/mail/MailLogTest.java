package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.store.AccessTokens;
import org.aantafel.testsupport.AllLogs;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/** Whatever happens to a mail, no e-mail address reaches the log. */
class MailLogTest {
  private static final String ADDRESS = "anna.de.vries@family.test";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @Test
  void aRefusedRecipientIsLoggedWithoutItsAddress() {
    Vertx vertx = Vertx.vertx();
    NetServer refusing = await(refusingSmtpServer(vertx).listen(0, "127.0.0.1"));
    try (TestServer server = TestServer.startWithSmtp(vertx, refusing.actualPort()); AllLogs logs = new AllLogs()) {
      CreatedBoard board = server.createBoard("Zorgoverleg");
      HttpResponse<Buffer> left = contact(server, board);
      assertEquals(502, left.statusCode(), "the confirmation mail was refused: " + left.bodyAsString());
      await().until(() -> logs.text().contains("the mail server did not accept a message: "));
      // As if its owner had confirmed it: the address is confirmed in the store, to see the meetings' mail refused.
      String participantId = participantOf(server, board);
      server.onStore(store -> store.saveContact(board.id(), participantId, ADDRESS, AccessTokens.hash("confirm-it"),
          Instant.now()).compose(saved -> store.confirmContact(AccessTokens.hash("confirm-it"),
          Instant.now().minusSeconds(60))));
      HttpResponse<Buffer> agenda = mail(server, board);
      assertEquals(502, agenda.statusCode(), agenda.bodyAsString());
      close(server, board);
      await().until(() -> logs.text().contains("mailing record version 1 failed"));
      assertTrue(logs.text().contains("the mail server did not accept a message: "), logs.text());
      assertTrue(logs.text().contains("Recipient address rejected"), "the reason is still logged: " + logs.text());
      throughout(() -> {
        assertFalse(logs.text().contains(ADDRESS), logs.text());
        assertFalse(logs.text().contains("@family.test"), logs.text());
      });
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void aSentMailLeavesNoAddressInTheLog() {
    Vertx vertx = Vertx.vertx();
    try (TestServer server = TestServer.startWithSmtp(vertx, SMTP.getSmtp().getPort()); AllLogs logs = new AllLogs()) {
      CreatedBoard board = server.createBoard("Zorgoverleg");
      MailCalls calls = new MailCalls(server, SMTP);
      calls.leaveConfirmedAddress(board, calls.seat(board, "anna", "Anna"), ADDRESS);
      assertEquals(new JsonObject().put("sent", 1), mail(server, board).bodyAsJsonObject());
      close(server, board);
      await().until(() -> SMTP.getReceivedMessages().length == 3);
      // GreenMail, the test's mail server, logs the users it creates; it is not part of Aan Tafel.
      throughout(() -> {
        String ours = String.join("\n", logs.lines().stream().filter(line -> !line.contains("com.icegreen")).toList());
        assertFalse(ours.contains(ADDRESS), ours);
      });
    } finally {
      await(vertx.close());
    }
  }

  /** Refuses every recipient as Postfix does, naming the address in the refusal. */
  private static NetServer refusingSmtpServer(Vertx vertx) {
    return vertx.createNetServer().connectHandler(socket -> {
      socket.handler(RecordParser.newDelimited("\r\n", line -> {
        String command = line.toString().toUpperCase(java.util.Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          socket.write("250 refusing.test\r\n");
        } else if (command.startsWith("RCPT TO:")) {
          String to = line.toString().substring("RCPT TO:".length()).strip();
          socket.write("550 5.1.1 " + to + ": Recipient address rejected: User unknown in local recipient table\r\n");
        } else if (command.startsWith("QUIT")) {
          socket.write("221 bye\r\n").onComplete(v -> socket.close());
        } else {
          socket.write("250 OK\r\n");
        }
      }));
      socket.write("220 refusing.test ESMTP\r\n");
    });
  }

  /** Anna takes a seat, and with it leaves her address. */
  private static HttpResponse<Buffer> contact(TestServer server, CreatedBoard board) {
    BusClient anna = server.bus();
    String seat = anna.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
        .put("token", board.token("participant")).put("clientId", "anna").put("name", "Anna").put("role", "parent")
        .putNull("seat")).getJsonObject("you").getString("seat");
    anna.close();
    return await(server.http().put(server.port(), "localhost", "/api/boards/" + board.id() + "/contact")
        .putHeader("Authorization", "Bearer " + board.token("participant")).putHeader("X-Seat", seat)
        .sendJsonObject(new JsonObject().put("email", ADDRESS)));
  }

  /** Anna's participant id: she is the only one seated. */
  private static String participantOf(TestServer server, CreatedBoard board) {
    return server.onStore(store -> store.participants(board.id()))
        .get(0).participantId();
  }

  private static HttpResponse<Buffer> mail(TestServer server, CreatedBoard board) {
    return await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/mail/agenda")
        .putHeader("Authorization", "Bearer " + board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("joinToken", board.token("participant"))));
  }

  private static void close(TestServer server, CreatedBoard board) {
    assertEquals(200, await(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
        .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()).statusCode());
  }
}
