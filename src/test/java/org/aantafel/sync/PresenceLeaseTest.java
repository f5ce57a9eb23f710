package org.aantafel.sync;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presence follows live sockets only (issue 17 point 1): a lost goodbye and a late join leave no ghost behind. */
class PresenceLeaseTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Presence presence = new Presence(now::get);

  @Test
  void aSocketNotHeardFromWithinItsLeaseIsForgottenAndOneThatBeatsStays() {
    presence.remember("p1", "Pam", "parent");
    presence.connect("silent", null, null);
    presence.connect("beating", "p1", null);
    now.addAndGet(Presence.LEASE_MILLIS - 1);
    presence.heard("beating");
    assertFalse(presence.expireSilent(), "within the lease nothing expires");
    assertEquals(2, presence.online());

    now.addAndGet(2);
    assertTrue(presence.expireSilent());
    assertFalse(presence.connected("silent"), "the silent watcher is gone");
    assertTrue(presence.connected("beating"), "the socket that beat is still there");
    assertEquals(0, presence.snapshot().getInteger("watching"));
  }

  @Test
  void aSocketThatLeftBeforeItsJoinWasAnsweredIsNeverConnectedByThatJoin() {
    assertFalse(presence.disconnect("ghost"), "nothing visible changes");
    presence.connect("ghost", null, null);
    assertFalse(presence.connected("ghost"));
    assertEquals(0, presence.online());

    presence.connect("live", null, null);
    assertEquals(1, presence.snapshot().getInteger("watching"), "a live socket is still counted");
  }
}
