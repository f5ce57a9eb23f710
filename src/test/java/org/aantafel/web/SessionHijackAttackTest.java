package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.aantafel.sync.Addresses;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.InMemory;
import org.aantafel.testsupport.ServerTest;
import org.aantafel.testsupport.TestServer.CreatedBoard;
import org.junit.jupiter.api.Test;

import static org.aantafel.testsupport.BusClient.await;
import static org.aantafel.testsupport.Frames.createItem;
import static org.aantafel.testsupport.Frames.join;
import static org.aantafel.testsupport.Frames.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 17, point 3: the SockJS session id is in the path of every request of the HTTP transports, so in every access
 * log on the way. Before, a client with nothing but that path (no token, no Origin, no cookie) posted a submit to
 * {@code xhr_send} and it was applied as the facilitator who had opened the session.
 */
@InMemory
class SessionHijackAttackTest extends ServerTest {

  @Test
  void aSessionsPathAloneCannotDriveIt() {
    CreatedBoard board = server.createBoard("Hijack");
    BusClient facilitator = await(BusClient.openXhrStreaming(vertx, "localhost", server.port()));
    facilitator.call(Addresses.JOIN, join(board, "facilitator", "fac", "Fiona"));

    String frame = new JsonObject().put("type", "send").put("address", Addresses.SUBMIT)
      .put("replyAddress", "stolen-1")
      .put("body", submit(board.id(), "fac", 1, 0, createItem("evil", "planted by a stranger"))).encode();
    HttpResponse<Buffer> sent = await(server.http().post(server.port(), "localhost",
      facilitator.sessionPath() + "/xhr_send").sendBuffer(Buffer.buffer(new JsonArray().add(frame).encode())));
    assertEquals(403, sent.statusCode(), "a stranger's send to the session is refused");

    assertEquals(403, streamingAnswer(facilitator.sessionPath()).statusCode(),
      "and so is a stranger's attempt to read it");

    // The facilitator's own session goes on: their first edit is the board's first revision.
    assertEquals(1L, facilitator.call(Addresses.SUBMIT, submit(board.id(), "fac", 1, 0, createItem("own", "Lezen")))
      .getLong("rev"));
    assertEquals(1L, facilitator.call(Addresses.PING, new JsonObject().put("boardId", board.id())).getLong("rev"));
    facilitator.close();
  }

  @Test
  void aCookieOfOneSessionDoesNotOpenAnother() {
    CreatedBoard board = server.createBoard("Two sessions");
    BusClient mine = await(BusClient.openXhrStreaming(vertx, "localhost", server.port()));
    BusClient victim = await(BusClient.openXhrStreaming(vertx, "localhost", server.port()));
    victim.call(Addresses.JOIN, join(board, "facilitator", "vic", "Vera"));
    // The attacker's own session opened fine, and its cookie is for its own path only; sent to another's, it is
    // still refused.
    HttpClientResponse opened = streamingAnswer("/eventbus/000/attackersownsession");
    assertEquals(200, opened.statusCode());
    String cookie = opened.cookies().get(0).split(";", 2)[0];
    assertFalse(cookie.isEmpty());
    HttpResponse<Buffer> sent = await(server.http().post(server.port(), "localhost",
      victim.sessionPath() + "/xhr_send").putHeader("Cookie", cookie)
      .sendBuffer(Buffer.buffer(new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode())));
    assertEquals(403, sent.statusCode());
    assertEquals(0, BusClient.outcome(mine.request(Addresses.PING, new JsonObject())), "the attacker's own works");
    mine.close();
    victim.close();
  }

  /** The status and headers of an xhr_streaming request, whose body would go on for as long as the session. */
  private HttpClientResponse streamingAnswer(String sessionPath) {
    HttpClient client = vertx.createHttpClient();
    HttpClientResponse response = await(client.request(HttpMethod.POST, server.port(), "localhost",
      sessionPath + "/xhr_streaming").compose(HttpClientRequest::send));
    client.close();
    return response;
  }
}
