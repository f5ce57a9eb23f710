package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 17, point 11: anyone who makes a board took 10 seats, left 10 outside addresses and sent the agenda five
 * times, and the school's SMTP server sent 60 mails with a phishing link, from the school's own sender. Now an
 * address receives nothing of a meeting until its owner confirmed it by a link, and the one mail it does receive,
 * the confirmation, carries nothing an attacker wrote. Closing again and again, or planning a next meeting with a
 * date (which invites the series), reaches no unconfirmed address either.
 */
class MailRelayAttackTest {
  private static final String PHISH = "Your child's account is blocked: log in at https://evil.test/login";
  private static final int VICTIMS = 10;

  @RegisterExtension
  final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Vertx vertx;
  private TestServer server;
  private MailCalls calls;

  @BeforeEach
  void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.startInMemoryWithSmtp(vertx, smtp.getSmtp().getPort());
    calls = new MailCalls(server, smtp);
  }

  @AfterEach
  void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void outsideAddressesGetOneConfirmationWithNothingOfTheMeetingAndNoAgendaOrRecord() {
    CreatedBoard board = server.createBoard(PHISH);
    List<String> victims = new ArrayList<>();
    for (int i = 0; i < VICTIMS; i++) {
      String seat = calls.seat(board, "seat" + i, "Log in at https://evil.test " + i);
      String victim = "victim" + i + "@outside.test";
      HttpResponse<Buffer> left = calls.leaveAddress(board, seat, victim);
      assertEquals(2, left.statusCode() / 100, left.bodyAsString());
      victims.add(victim);
    }
    for (int i = 0; i < 5; i++) {
      HttpResponse<Buffer> agenda = calls.send(board, "agenda");
      assertEquals(200, agenda.statusCode(), agenda.bodyAsString());
      assertEquals(new JsonObject().put("sent", 0), agenda.bodyAsJsonObject(), "nobody confirmed an address");
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(200, calls.close(board).statusCode(), "every close would mail the record");
      assertEquals(200, calls.reopen(board).statusCode());
    }
    HttpResponse<Buffer> followUp = await(MailCalls.bearer(server.http().post(server.port(), "localhost",
            "/api/boards/" + board.id() + "/follow-up"), board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("title", PHISH).put("scheduledAt", "2027-03-01T09:00")));
    assertEquals(201, followUp.statusCode(), "a next meeting with a date would invite the series");

    for (String victim : victims) {
      ReceivedMail confirmation = calls.awaitMail(victim, 1).get(0);
      String whole = confirmation.subject() + "\n" + confirmation.text();
      assertFalse(whole.contains("evil.test"), whole);
      assertFalse(whole.contains("blocked"), whole);
      assertFalse(whole.contains(board.id()), "not even which board: " + whole);
      assertEquals(List.of(), List.copyOf(confirmation.attachments().keySet()));
    }
    calls.assertNoMoreMailsThan(VICTIMS);
  }
}
