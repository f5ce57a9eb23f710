package org.aantafel.sync;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * What is published on a board's addresses ({@link Addresses#ops}, {@link Addresses#presence}) travels as JSON text,
 * encoded once here. Every bridged socket has its own consumer, and the event bus hands each local consumer its own
 * copy of a JsonObject but the same String, so text costs one encode per change instead of a copy and an encode per
 * listener. Text also crosses a clustered event bus as it is. The bridge's writer puts it into the frame for the
 * browser as raw JSON, so the browser still receives an object.
 */
public final class BoardPublications {

  public static void publish(EventBus bus, String address, JsonObject message) {
    bus.publish(address, message.encode());
  }

  /**
   * A notice for the bridge's side of every socket, not for browsers: the bridge recognises it by the header, which
   * only the server can set, without reading the text.
   */
  public static void notice(EventBus bus, String address, String notice) {
    bus.publish(address, new JsonObject().put(notice, true).encode(),
      new DeliveryOptions().addHeader(Addresses.H_NOTICE, notice));
  }

  private BoardPublications() {
  }
}
