package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.IntStream;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail to confirmed addresses is limited too, per board and per day and for the whole server, and counted in
 * PostgreSQL when the request arrives: requests at the same moment cannot all slip under a limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailSendLimitTest {
  /** The server's daily backstop, small so that the second test reaches it. */
  private static final int MAILS_PER_DAY = 14;

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static Vertx vertx;
  private static TestServer server;
  private static MailCalls calls;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.start(vertx, new JsonObject().put("smtpHost", "127.0.0.1")
        .put("smtpPort", SMTP.getSmtp().getPort()).put("smtpFrom", "aantafel@school.test")
        .put("smtpStartTls", "disabled").put("mailsPerDay", MAILS_PER_DAY));
    calls = new MailCalls(server, SMTP);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  @Order(1)
  void aBoardSendsTenMailingsADayHoweverManyRequestsArriveAtOnce() {
    CreatedBoard board = server.createBoard("Zorgoverleg");
    calls.leaveConfirmedAddress(board, calls.seat(board, "anna", "Anna"), "anna@limit.test");

    int asked = SendLimits.MAILINGS_PER_BOARD_PER_DAY + 3;
    List<Future<HttpResponse<Buffer>>> all = IntStream.range(0, asked).mapToObj(i ->
        MailCalls.bearer(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/mail/agenda"),
            board.token("facilitator")).sendJsonObject(new JsonObject().put("joinToken", board.token("participant"))))
        .toList();
    await(Future.join(all));
    List<Integer> codes = all.stream().map(answer -> answer.result().statusCode()).sorted().toList();
    assertEquals(SendLimits.MAILINGS_PER_BOARD_PER_DAY, codes.stream().filter(code -> code == 200).count(), codes.toString());
    assertEquals(3, codes.stream().filter(code -> code == 429).count(), codes.toString());
    HttpResponse<Buffer> refused = all.stream().map(Future::result).filter(r -> r.statusCode() == 429).findFirst()
        .orElseThrow();
    long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 24 * 3_600, "at most a day: " + retryAfter);
    assertEquals("this meeting has sent 10 e-mails in the last 24 hours, the most one meeting may send in a day; try again later",
        refused.bodyAsJsonObject().getJsonObject("error").getString("message"));

    assertEquals(200, calls.close(board).statusCode(), "closing works; only its record is not mailed");
    calls.awaitMail("anna@limit.test", 1 + SendLimits.MAILINGS_PER_BOARD_PER_DAY);
    calls.assertNoMoreThan("anna@limit.test", 1 + SendLimits.MAILINGS_PER_BOARD_PER_DAY);
  }

  @Test
  @Order(2)
  void theServerSendsNoMoreMessagesInADayThanItsLimit() {
    // The test before used 10 of the server's 14 messages of the last 24 hours.
    CreatedBoard board = server.createBoard("Startgesprek");
    for (int i = 0; i < 3; i++) {
      calls.leaveConfirmedAddress(board, calls.seat(board, "p" + i, "Person " + i), "person" + i + "@server.test");
    }
    assertEquals(new JsonObject().put("sent", 3), calls.send(board, "agenda").bodyAsJsonObject());
    HttpResponse<Buffer> refused = calls.send(board, "agenda");
    assertEquals(429, refused.statusCode(), "3 more do not fit in the day's 14: " + refused.bodyAsString());
    assertEquals("this server has sent all the e-mail it may send in a day; try again later",
        refused.bodyAsJsonObject().getJsonObject("error").getString("message"));
    assertTrue(Long.parseLong(refused.getHeader("Retry-After")) >= 1);

    CreatedBoard another = server.createBoard("Klein overleg");
    calls.leaveConfirmedAddress(another, calls.seat(another, "q", "Q"), "q@server.test");
    assertEquals(new JsonObject().put("sent", 1), calls.send(another, "agenda").bodyAsJsonObject(),
        "the limit counts messages: one more still fits");
    assertEquals(429, calls.send(another, "agenda").statusCode());
    calls.assertNoMoreThan("q@server.test", 2);
    for (int i = 0; i < 3; i++) {
      assertEquals(2, calls.mailsTo("person" + i + "@server.test").size(), "the confirmation and one agenda");
    }
  }
}
