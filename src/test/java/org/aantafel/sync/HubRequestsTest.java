package org.aantafel.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.aantafel.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.aantafel.testsupport.BusClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, point 2: the requests a board's hub takes are declared once, in {@link HubRequests}, and both the router
 * and the hub go by that table: every declared request is taken to the board's hub under its name and handled there,
 * a name the table does not declare is refused, and no address that reaches a hub is left out of the table.
 */
class HubRequestsTest {
  /** The one hub address that is not a board's request: hub instances hear of a node that left, by themselves. */
  private static final Set<String> NOT_A_BOARD_REQUEST = Set.of(Addresses.NODE_LEFT);

  private final Vertx vertx = Vertx.vertx();
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    await(vertx.close());
  }

  @Test
  void everyRequestIsDeclaredOnceUnderItsOwnName() {
    List<String> names = HubRequests.ALL.stream().map(RequestKind::name).toList();
    assertEquals(names.size(), Set.copyOf(names).size(), "names: " + names);
    HubRequests.ALL.forEach(kind -> assertEquals(kind, HubRequests.named(kind.name()).orElseThrow()));
    assertTrue(HubRequests.named("nonsense").isEmpty());
  }

  @Test
  void everyAddressThatReachesABoardsHubIsDeclared() throws IllegalAccessException {
    Set<String> addresses = new java.util.TreeSet<>();
    for (Field field : Addresses.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        String value = (String) field.get(null);
        if (value.matches("(board|hub)\\.[a-z-]+") && !NOT_A_BOARD_REQUEST.contains(value)) {
          addresses.add(value);
        }
      }
    }
    assertEquals(addresses, HubRequests.ALL.stream().map(RequestKind::address)
      .collect(Collectors.toCollection(java.util.TreeSet::new)));
  }

  /** A router alone, before a stand-in for the board's hub that notes which step each message asks for. */
  @Test
  void theRouterTakesEveryDeclaredRequestToTheBoardsHubUnderItsName() {
    EventBus bus = vertx.eventBus();
    List<String> asked = new ArrayList<>();
    await(bus.<Object>consumer(Addresses.hub("board-1"), message -> {
      asked.add(message.headers().get(Addresses.H_KIND));
      message.reply(new JsonObject());
    }).completion());
    await(vertx.deployVerticle(new HubRouter("node-1", 1)));

    for (RequestKind<?> kind : HubRequests.ALL) {
      // Seated, so that a heartbeat is taken to the hub too.
      await(bus.request(kind.address(), new JsonObject().put("boardId", "board-1"),
        new DeliveryOptions().addHeader(Addresses.H_GRANT, "participant")));
    }

    assertEquals(HubRequests.ALL.stream().map(RequestKind::name).toList(), asked);
  }

  /**
   * Straight to a loaded board's inbox, each declared step on a board of its own (one of them deletes its board): each
   * is answered by its own parser or handler, or taken without an answer (a socket's goodbye); only a step the table
   * does not declare is refused as unknown. A step taken without an answer is waited for a fixed window.
   */
  @Test
  void theHubHandlesEveryDeclaredRequestAndRefusesAnyOther() {
    server = TestServer.startInMemory(vertx);
    EventBus bus = server.vertx.eventBus();
    Map<String, Future<String>> outcomes = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(HubRequests.ALL.stream().map(RequestKind::name).toList());
    names.add("nonsense");
    for (String name : names) {
      String boardId = server.createBoard(name).id();
      await(bus.request(Addresses.STATE, new JsonObject().put("boardId", boardId)));
      outcomes.put(name, bus.request(Addresses.hub(boardId), new JsonObject().put("boardId", boardId),
          new DeliveryOptions().addHeader(Addresses.H_KIND, name).setSendTimeout(1_000))
        .map(answer -> "answered").recover(failure -> Future.succeededFuture(outcome(failure))));
    }
    await(Future.all(new ArrayList<>(outcomes.values())));

    Map<String, String> unknown = outcomes.entrySet().stream().filter(e -> e.getValue().result().equals("unknown"))
      .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().result()));
    assertEquals(Map.of("nonsense", "unknown"), unknown, "outcomes: " + Arrays.toString(outcomes.entrySet().stream()
      .map(e -> e.getKey() + "=" + e.getValue().result()).toArray()));
  }

  private static String outcome(Throwable failure) {
    if (failure instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT) {
      return "taken without an answer";
    }
    if (failure instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE
      && r.failureCode() == Refusal.BAD_INPUT && "unknown step".equals(r.getMessage())) {
      return "unknown";
    }
    return "refused by its parser or handler: " + failure.getMessage();
  }
}
