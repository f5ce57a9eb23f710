package org.aantafel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard's rules one by one, on frames as a socket would bring them (the attacks over real SockJS are in the
 *  *AttackTest classes). */
class FrameGuardTest {

  @Test
  void requestsWaitingForTheirAnswerAreCountedWhenTheyArriveAndFreedWhenAnswered() {
    FrameGuard guard = new FrameGuard();
    for (int i = 0; i < FrameGuard.MAX_WAITING; i++) {
      assertEquals(FrameGuard.Verdict.PASS, guard.inspect(send("label-" + i)));
    }
    assertEquals(FrameGuard.Verdict.TOO_MANY_WAITING, guard.inspect(send("one-more")));
    assertEquals(FrameGuard.Verdict.PASS, guard.inspect(frame("ping")), "a heartbeat waits for nothing");
    guard.answered("label-0");
    assertEquals(FrameGuard.Verdict.PASS, guard.inspect(send("one-more")));
    assertEquals(FrameGuard.Verdict.PASS, guard.inspect(send("label-1")), "the same label again is no more waiting");
  }

  @Test
  void onlyTheBridgesEnvelopePasses() {
    FrameGuard guard = new FrameGuard();
    assertEquals(FrameGuard.Verdict.MALFORMED, guard.inspect(Buffer.buffer("[\"an array\"]")));
    assertEquals(FrameGuard.Verdict.MALFORMED, guard.inspect(Buffer.buffer("{not json")));
    assertEquals(FrameGuard.Verdict.MALFORMED, guard.inspect(frame("send\nINFO forged")));
    assertEquals(FrameGuard.Verdict.MALFORMED, guard.inspect(Buffer.buffer(new JsonObject().put("type", 7).encode())));
    assertEquals(FrameGuard.Verdict.MALFORMED, guard.inspect(frame("register")), "no address");
    assertEquals(FrameGuard.Verdict.MALFORMED,
      guard.inspect(Buffer.buffer(frameJson("register").put("address", "a".repeat(101)).encode())));
    assertEquals(FrameGuard.Verdict.MALFORMED,
      guard.inspect(Buffer.buffer(frameJson("send").put("address", "board.join").put("replyAddress", 5).encode())));
    assertEquals(FrameGuard.Verdict.MALFORMED,
      guard.inspect(Buffer.buffer(frameJson("send").put("address", "board.join").put("headers", "x").encode())));
    assertEquals(FrameGuard.Verdict.PASS,
      guard.inspect(Buffer.buffer(frameJson("register").put("address", "board.b1.ops").encode())));
  }

  @Test
  void framesAndBytesAreBudgetedBeforeTheFrameIsRead() {
    FrameGuard bytes = new FrameGuard();
    Buffer large = Buffer.buffer("x".repeat(1024 * 1024));
    int passedToParsing = 0;
    while (bytes.inspect(large) == FrameGuard.Verdict.MALFORMED) {
      passedToParsing++;
    }
    assertEquals(FrameGuard.BYTE_BURST / (1024 * 1024), passedToParsing, "then over the byte budget");
    assertEquals(FrameGuard.Verdict.OVER_BUDGET, bytes.inspect(large));

    FrameGuard frames = new FrameGuard();
    int passed = 0;
    while (frames.inspect(frame("ping")) == FrameGuard.Verdict.PASS) {
      passed++;
    }
    // Some refill while the loop runs (the budget is per second); the loop ending at all is what shows the budget.
    assertTrue(passed >= FrameGuard.FRAME_BURST && passed < 2 * FrameGuard.FRAME_BURST, passed + " passed");
  }

  private static Buffer send(String replyAddress) {
    return Buffer.buffer(frameJson("send").put("address", "board.ping").put("replyAddress", replyAddress).encode());
  }

  private static Buffer frame(String type) {
    return Buffer.buffer(frameJson(type).encode());
  }

  private static JsonObject frameJson(String type) {
    return new JsonObject().put("type", type);
  }
}
