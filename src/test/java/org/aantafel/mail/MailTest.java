package org.aantafel.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.aantafel.record.PdfText;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.TestServer;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Eventually.throughout;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mail through a real server and PostgreSQL to an SMTP server in the test (GreenMail). */
class MailTest {
  private static final String GOAL = "Everyone knows who calls the GP";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static Vertx vertx;
  private static TestServer server;
  private static MailCalls calls;

  @BeforeAll
  static void startServer() {
    vertx = Vertx.vertx();
    server = TestServer.startWithSmtp(vertx, SMTP.getSmtp().getPort());
    calls = new MailCalls(server, SMTP);
  }

  @AfterAll
  static void stopServer() {
    server.close();
    await(vertx.close());
  }

  @Test
  void theSeriesReceivesTheAgendaTheInvitationAndTheRecord() throws Exception {
    CreatedBoard board = server.createBoard("Zorgoverleg Sam");
    CreatedBoard elsewhere = server.createBoard("Another child");
    BusClient anna = server.bus();
    String annaSeat = join(anna, board, "anna");
    anna.call(Addresses.SUBMIT, new JsonObject().put("boardId", board.id()).put("clientId", "anna").put("seq", 1)
        .put("baseRev", 0).put("ops", new JsonArray()
            .add(new JsonObject().put("type", "text").put("id", "board").put("field", "goal")
                .put("edit", new JsonArray().add(GOAL)))
            .add(item("item1", "Reading at home", "a1", 20))
            .add(item("item2", "Who does what", "a2", 25))
            .add(new JsonObject().put("type", "set").put("id", "board").put("field", "scheduledAt")
                .put("value", "2027-01-15T14:30"))));
    String otherSeat = join(anna, elsewhere, "other");
    anna.close();
    calls.leaveConfirmedAddress(board, annaSeat, "anna@family.test");
    calls.leaveConfirmedAddress(elsewhere, otherSeat, "other@family.test");

    HttpResponse<Buffer> agenda = send(board, "agenda");
    assertEquals(200, agenda.statusCode(), agenda.bodyAsString());
    assertEquals(new JsonObject().put("sent", 1), agenda.bodyAsJsonObject());
    ReceivedMail agendaMail = awaitMail("anna@family.test", "Agenda: Zorgoverleg Sam");
    assertTrue(agendaMail.text().contains("1. Reading at home (20 min)"), agendaMail.text());
    assertTrue(agendaMail.text().contains("2. Who does what (25 min)"), agendaMail.text());
    assertTrue(agendaMail.text().contains(GOAL), agendaMail.text());
    assertTrue(agendaMail.text().contains("Friday 15 January 2027, 14:30"), agendaMail.text());
    String joinLink = "/b/" + board.id() + "#" + board.token("participant");
    assertTrue(agendaMail.text().contains(joinLink), agendaMail.text());

    assertEquals(new JsonObject().put("sent", 1), send(board, "invitation").bodyAsJsonObject());
    ReceivedMail invitation = awaitMail("anna@family.test", "Invitation: Zorgoverleg Sam");
    ReceivedMail.Attachment ics = invitation.attachments().get("invitation.ics");
    assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
    assertTrue(ics.contentType().contains("method=REQUEST"), ics.contentType());
    Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.data(), StandardCharsets.UTF_8)));
    assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
    VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    Instant start = ZonedDateTime.of(2027, 1, 15, 14, 30, 0, 0, ZoneId.of("Europe/Amsterdam")).toInstant();
    assertEquals(start, Instant.from(event.getDateTimeStart().getDate()));
    assertEquals(Duration.ofMinutes(45), Duration.from(event.getDuration().getDuration()));
    assertEquals("Zorgoverleg Sam", event.getSummary().getValue());
    assertTrue(event.getUrl().getValue().endsWith(joinLink), event.getUrl().getValue());
    assertEquals(board.id() + "@aantafel", event.getUid().orElseThrow().getValue());

    HttpResponse<Buffer> closed = server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/close")
        .putHeader("Authorization", "Bearer " + board.token("facilitator")).send()
        .toCompletionStage().toCompletableFuture().get();
    assertEquals(new JsonObject().put("version", 1), closed.bodyAsJsonObject());
    ReceivedMail record = awaitMail("anna@family.test", "Record: Zorgoverleg Sam");
    assertTrue(record.text().contains("Reading at home"), record.text());
    ReceivedMail.Attachment pdf = record.attachments().get("record-1.pdf");
    assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
    assertTrue(PdfText.text(pdf.data()).replaceAll("\\s+", " ").contains(GOAL));

    throughout(() -> assertEquals(1, mailsTo("other@family.test").size(), "another series hears nothing of this "
        + "meeting, only the confirmation of its own address"));

    HttpResponse<Buffer> followUp = server.http().post(server.port(), "localhost",
        "/api/boards/" + board.id() + "/follow-up").putHeader("Authorization", "Bearer " + board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("title", "Zorgoverleg Sam (2)").put("scheduledAt", "2027-03-01T09:00"))
        .toCompletionStage().toCompletableFuture().get();
    assertEquals(201, followUp.statusCode(), followUp.bodyAsString());
    CreatedBoard next = new CreatedBoard(followUp.bodyAsJsonObject());
    ReceivedMail nextInvitation = awaitMail("anna@family.test", "Invitation: Zorgoverleg Sam (2)");
    VEvent nextEvent = (VEvent) new CalendarBuilder().build(new StringReader(new String(
        nextInvitation.attachments().get("invitation.ics").data(), StandardCharsets.UTF_8)))
        .getComponent("VEVENT").orElseThrow();
    assertEquals(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam")).toInstant(),
        Instant.from(nextEvent.getDateTimeStart().getDate()), "planning the next meeting invites the series to it");
    assertTrue(nextEvent.getUrl().getValue().endsWith("/b/" + next.id() + "#" + next.token("participant")),
        nextEvent.getUrl().getValue());
  }

  @Test
  void addressesAreCheckedAndOnlyTheRightLinksMayLeaveOrSendThem() {
    CreatedBoard board = server.createBoard("Driehoeksgesprek");
    BusClient bus = server.bus();
    String seat = join(bus, board, "bram");
    bus.close();
    for (String bad : new String[] {"no-at-sign", "two@@at.test", "a b@c.test", "a@b.test\r\nBcc: x@y.test",
        "x".repeat(250) + "@a.test", ""}) {
      HttpResponse<Buffer> refused = contact(board, "participant", seat, bad);
      assertEquals(400, refused.statusCode(), bad);
      assertEquals(400, refused.bodyAsJsonObject().getJsonObject("error").getInteger("code"));
    }
    assertEquals(403, contact(board, "participant", null, "ok@school.test").statusCode(), "a link without a seat");
    assertEquals(403, contact(board, "participant", "not-a-seat", "ok@school.test").statusCode());
    assertEquals(new JsonObject().put("sent", 0), send(board, "agenda").bodyAsJsonObject(), "nothing was stored");

    assertEquals(403, request(server.http().post(server.port(), "localhost",
        "/api/boards/" + board.id() + "/mail/agenda"), board.token("participant"))
        .sendJsonObject(new JsonObject().put("joinToken", board.token("participant")))
        .toCompletionStage().toCompletableFuture().join().statusCode());
    assertEquals(400, request(server.http().post(server.port(), "localhost",
        "/api/boards/" + board.id() + "/mail/agenda"), board.token("facilitator"))
        .sendJsonObject(new JsonObject().put("joinToken", board.token("viewer")))
        .toCompletionStage().toCompletableFuture().join().statusCode(), "only the participant link is sent");
    HttpResponse<Buffer> unscheduled = send(board, "invitation");
    assertEquals(409, unscheduled.statusCode(), "no invitation without a date and time");

    calls.leaveConfirmedAddress(board, seat, "ok@school.test");
    assertEquals(new JsonObject().put("sent", 1), send(board, "agenda").bodyAsJsonObject());
    HttpResponse<Buffer> removed = await(request(server.http().delete(server.port(), "localhost",
        "/api/boards/" + board.id() + "/contact"), board.token("participant")).putHeader("X-Seat", seat).send());
    assertEquals(204, removed.statusCode());
    assertEquals(new JsonObject().put("sent", 0), send(board, "agenda").bodyAsJsonObject());
  }

  @Test
  void withoutSmtpTheServerOffersNoEmail() {
    Vertx plainVertx = Vertx.vertx();
    try (TestServer plain = TestServer.start(plainVertx)) {
      CreatedBoard board = plain.createBoard("No mail here");
      HttpResponse<Buffer> features = await(plain.http().get(plain.port(), "localhost", "/api/features").send());
      assertEquals(new JsonObject().put("mail", false), features.bodyAsJsonObject());
      HttpResponse<Buffer> contact = await(request(plain.http().put(plain.port(), "localhost",
          "/api/boards/" + board.id() + "/contact"), board.token("participant"))
          .sendJsonObject(new JsonObject().put("participantId", "pAAAAAAAAAAAAAAA").put("email", "a@b.test")));
      assertEquals(404, contact.statusCode());
      assertEquals("e-mail is not configured on this server",
          contact.bodyAsJsonObject().getJsonObject("error").getString("message"));
      for (String mail : new String[] {"agenda", "invitation"}) {
        assertEquals(404, await(request(plain.http().post(plain.port(), "localhost",
            "/api/boards/" + board.id() + "/mail/" + mail), board.token("facilitator"))
            .sendJsonObject(new JsonObject().put("joinToken", board.token("participant")))).statusCode());
      }
    } finally {
      await(plainVertx.close());
    }
    assertEquals(new JsonObject().put("mail", true),
        await(server.http().get(server.port(), "localhost", "/api/features").send()).bodyAsJsonObject());
  }

  private static JsonObject item(String id, String title, String order, int minutes) {
    return new JsonObject().put("type", "create").put("id", id).put("kind", "agendaItem")
        .put("fields", new JsonObject().put("title", title).put("order", order).put("timeboxMinutes", minutes));
  }

  /** @return the seat the server issued, which only this person holds */
  static String join(BusClient bus, CreatedBoard board, String clientId) {
    return bus.call(Addresses.JOIN, new JsonObject().put("boardId", board.id())
            .put("token", board.token("participant")).put("clientId", clientId).put("name", clientId)
            .put("role", "parent").putNull("seat"))
        .getJsonObject("you").getString("seat");
  }

  static HttpResponse<Buffer> contact(CreatedBoard board, String grant, String seat, String email) {
    HttpRequest<Buffer> put = request(server.http().put(server.port(), "localhost",
        "/api/boards/" + board.id() + "/contact"), board.token(grant));
    if (seat != null) {
      put.putHeader("X-Seat", seat);
    }
    return await(put.sendJsonObject(new JsonObject().put("email", email)));
  }

  private static HttpResponse<Buffer> send(CreatedBoard board, String mail) {
    return await(request(server.http().post(server.port(), "localhost", "/api/boards/" + board.id() + "/mail/" + mail),
        board.token("facilitator")).sendJsonObject(new JsonObject().put("joinToken", board.token("participant"))));
  }

  private static HttpRequest<Buffer> request(HttpRequest<Buffer> request, String token) {
    return request.putHeader("Authorization", "Bearer " + token);
  }

  private static ReceivedMail awaitMail(String to, String subject) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to).stream()
        .filter(mail -> subject.equals(mail.subject())).findFirst().orElse(null), mail -> mail != null);
  }

  private static List<ReceivedMail> mailsTo(String to) {
    return Arrays.stream(SMTP.getReceivedMessages()).map(ReceivedMail::of)
        .filter(mail -> mail.to().contains(to)).toList();
  }
}
