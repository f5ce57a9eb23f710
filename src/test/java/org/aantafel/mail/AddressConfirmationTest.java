package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An address receives the meetings' mail only after its owner confirmed it with the link in the one mail it gets
 * first; asking for that mail again is limited per seat and per address, so nobody can flood a mailbox with it.
 */
class AddressConfirmationTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static Vertx vertx;
  private static TestServer server;
  private static MailCalls calls;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemoryWithSmtp(vertx, SMTP.getSmtp().getPort());
    calls = new MailCalls(server, SMTP);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void theOwnerConfirmsByTheLinkAndOnlyThenReceivesTheMeetingsMail() {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    String seat = calls.seat(board, "anna", "Anna");
    HttpResponse<Buffer> left = calls.leaveAddress(board, seat, "anna@confirm.test");
    assertEquals(202, left.statusCode(), left.bodyAsString());
    assertEquals(new JsonObject().put("confirmed", false), left.bodyAsJsonObject());
    ReceivedMail confirmation = calls.awaitMail("anna@confirm.test", 1).get(0);
    assertEquals("Bevestig je e-mailadres voor Aan Tafel", confirmation.subject(), "Dutch when the page says nothing");
    assertEquals(new JsonObject().put("sent", 0), calls.send(board, "agenda").bodyAsJsonObject(), "not confirmed");

    String secret = calls.confirmationSecret("anna@confirm.test");
    assertEquals(404, calls.confirm("x" + secret.substring(1)).statusCode(), "a secret nobody was sent");
    assertEquals(400, calls.confirm("not a secret!").statusCode());
    assertEquals(204, calls.confirm(secret).statusCode());
    assertEquals(404, calls.confirm(secret).statusCode(), "a link confirms once");

    HttpResponse<Buffer> again = calls.leaveAddress(board, seat, "Anna@Confirm.test");
    assertEquals(200, again.statusCode(), again.bodyAsString());
    assertEquals(new JsonObject().put("confirmed", true), again.bodyAsJsonObject(), "the same address stays confirmed");
    assertEquals(new JsonObject().put("sent", 1), calls.send(board, "agenda").bodyAsJsonObject());
    assertEquals("Agenda: Zorgoverleg Sam", calls.awaitMail("anna@confirm.test", 2).get(1).subject());
    calls.assertNoMoreThan("anna@confirm.test", 2);
  }

  @Test
  void theMailIsInThePagesLanguageAndAskingAgainIsLimitedPerSeat() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek");
    String seat = calls.seat(board, "bram", "Bram");
    HttpResponse<Buffer> left = await(MailCalls.bearer(server.http().put(server.port(), "localhost",
            "/api/boards/" + board.id() + "/contact"), board.token("participant")).putHeader("X-Seat", seat)
        .sendJsonObject(new JsonObject().put("email", "bram@confirm.test").put("language", "en")));
    assertEquals(202, left.statusCode(), left.bodyAsString());
    ReceivedMail confirmation = calls.awaitMail("bram@confirm.test", 1).get(0);
    assertEquals("Confirm your e-mail address for Aan Tafel", confirmation.subject());
    assertTrue(confirmation.text().contains(server.baseUrl() + "/confirm.html#"), confirmation.text());

    HttpResponse<Buffer> soon = calls.leaveAddress(board, seat, "bram@confirm.test");
    assertEquals(429, soon.statusCode(), soon.bodyAsString());
    long retryAfter = Long.parseLong(soon.getHeader("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= SendLimits.SEAT_PERIOD.toSeconds() + 1, "Retry-After " + retryAfter);
    assertTrue(soon.bodyAsJsonObject().getJsonObject("error").getString("message")
        .startsWith("a confirmation e-mail was sent a moment ago"), soon.bodyAsString());
    HttpResponse<Buffer> otherAddress = calls.leaveAddress(board, seat, "bram.other@confirm.test");
    assertEquals(429, otherAddress.statusCode(), "another address from the same seat counts the same");
    assertEquals(400, await(MailCalls.bearer(server.http().put(server.port(), "localhost",
            "/api/boards/" + board.id() + "/contact"), board.token("participant")).putHeader("X-Seat", seat)
        .sendJsonObject(new JsonObject().put("email", "bram@confirm.test").put("language", "de"))).statusCode());
    calls.assertNoMoreThan("bram@confirm.test", 1);
    assertEquals(0, calls.mailsTo("bram.other@confirm.test").size());
  }

  @Test
  void manySeatsCannotFloodOneMailboxWithConfirmations() {
    String victim = "flooded@confirm.test";
    CreatedBoard board = server.createBoard("Flood");
    CreatedBoard another = server.createBoard("Flood elsewhere");
    for (int i = 0; i < SendLimits.CONFIRMATIONS_PER_ADDRESS_PER_DAY; i++) {
      HttpResponse<Buffer> left = calls.leaveAddress(i % 2 == 0 ? board : another,
          calls.seat(i % 2 == 0 ? board : another, "seat" + i, "Seat " + i), victim);
      assertEquals(202, left.statusCode(), left.bodyAsString());
    }
    HttpResponse<Buffer> refused = calls.leaveAddress(board, calls.seat(board, "oneMore", "One more"), victim);
    assertEquals(429, refused.statusCode(), refused.bodyAsString());
    assertTrue(Long.parseLong(refused.getHeader("Retry-After")) <= 86_400, refused.getHeader("Retry-After"));
    assertTrue(refused.bodyAsJsonObject().getJsonObject("error").getString("message")
        .contains("this address has received 3 confirmation e-mails in the last 24 hours"), refused.bodyAsString());
    calls.awaitMail(victim, SendLimits.CONFIRMATIONS_PER_ADDRESS_PER_DAY);
    calls.assertNoMoreThan(victim, SendLimits.CONFIRMATIONS_PER_ADDRESS_PER_DAY);

    HttpResponse<Buffer> someoneElse = calls.leaveAddress(board, calls.seat(board, "cees", "Cees"),
        "cees@confirm.test");
    assertEquals(202, someoneElse.statusCode(), "the same board still confirms other addresses");
  }

  /**
   * Without a configured public URL the link's host would be whatever the request's Host header says, and a client
   * that talks to the server directly writes that itself: the school's sender would mail a link to any site.
   */
  @Test
  void aHostHeaderCannotChooseWhereTheLinksInAMailLead() {
    CreatedBoard board = server.createBoard("Zorgoverleg");
    String seat = calls.seat(board, "dirk", "Dirk");
    HttpResponse<Buffer> refused = await(MailCalls.bearer(server.http().put(server.port(), "localhost",
            "/api/boards/" + board.id() + "/contact").virtualHost("evil.test"), board.token("participant"))
        .putHeader("X-Seat", seat).sendJsonObject(new JsonObject().put("email", "dirk@confirm.test")));
    assertEquals(503, refused.statusCode(), refused.bodyAsString());
    assertEquals("this server sends no e-mail until its public address is configured (AANTAFEL_PUBLIC_URL)",
        refused.bodyAsJsonObject().getJsonObject("error").getString("message"));
    HttpResponse<Buffer> agenda = await(MailCalls.bearer(server.http().post(server.port(), "localhost",
            "/api/boards/" + board.id() + "/mail/agenda").virtualHost("evil.test"), board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("joinToken", board.token("participant"))));
    assertEquals(503, agenda.statusCode(), agenda.bodyAsString());

    HttpResponse<Buffer> left = calls.leaveAddress(board, seat, "dirk@confirm.test");
    assertEquals(202, left.statusCode(), "the same request to this machine's own name: " + left.bodyAsString());
    assertTrue(calls.confirmationSecret("dirk@confirm.test").length() > 0);
    assertTrue(calls.awaitMail("dirk@confirm.test", 1).get(0).text().contains(server.baseUrl() + "/confirm.html#"));
    calls.assertNoMoreThan("dirk@confirm.test", 1);
  }

  /** The invitation to a next meeting too: without a public URL a follow-up asked for as another host mails nothing. */
  @Test
  void aHostHeaderCannotChooseWhereAnInvitationLeads() {
    CreatedBoard board = server.createBoard("Zorgoverleg Eva");
    String seat = calls.seat(board, "eva", "Eva");
    calls.leaveConfirmedAddress(board, seat, "eva@confirm.test");
    int before = calls.mailsTo("eva@confirm.test").size();

    HttpResponse<Buffer> planned = await(MailCalls.bearer(server.http().post(server.port(), "localhost",
            "/api/boards/" + board.id() + "/follow-up").virtualHost("evil.test"), board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("scheduledAt", "2027-03-01T09:00")));
    assertEquals(201, planned.statusCode(), "the next meeting is planned: " + planned.bodyAsString());
    calls.assertNoMoreThan("eva@confirm.test", before);

    HttpResponse<Buffer> next = await(MailCalls.bearer(server.http().post(server.port(), "localhost",
            "/api/boards/" + planned.bodyAsJsonObject().getString("boardId") + "/follow-up"),
        planned.bodyAsJsonObject().getJsonObject("links").getString("facilitator").split("#")[1].split("\\.")[0])
        .sendJsonObject(new JsonObject().put("scheduledAt", "2027-04-01T09:00")));
    assertEquals(201, next.statusCode(), next.bodyAsString());
    assertTrue(calls.awaitMail("eva@confirm.test", before + 1).get(before).text().contains(server.baseUrl() + "/b/"),
        "asked for as this machine itself, the invitation goes out with a link to it");
  }
}
