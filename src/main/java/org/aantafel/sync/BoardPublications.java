package org.aantafel.sync;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.aantafel.board.Viewer;

import java.util.Map;

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
   * A change that not everyone is shown alike: the public message is the text every socket receives, so that
   * forgetting to pick gives away nothing; the facilitator's and each asker's message ride along in headers, which
   * never reach a browser, for the bridge to pick per socket ({@link #shownTo}). One publish keeps the revisions of
   * every socket in order.
   */
  public static void publishScreened(EventBus bus, String address, JsonObject shownToAll, JsonObject full,
                                     Map<String, JsonObject> shownToAskers) {
    DeliveryOptions options = new DeliveryOptions().addHeader(Addresses.H_VIEW_FULL, full.encode());
    int i = 0;
    for (Map.Entry<String, JsonObject> asker : shownToAskers.entrySet()) {
      options.addHeader(Addresses.H_VIEW_ASKER + i, asker.getKey())
        .addHeader(Addresses.H_VIEW_OF_ASKER + i, asker.getValue().encode());
      i++;
    }
    bus.publish(address, shownToAll.encode(), options);
  }

  /**
   * The text a socket seated with this grant and participant id is shown instead of the published body, from the
   * headers as the bridge hands them over; null when the body is theirs.
   */
  public static String shownTo(JsonObject headers, Viewer viewer) {
    if (viewer.facilitator()) {
      return headers.getString(Addresses.H_VIEW_FULL);
    }
    String participantId = viewer.participantId();
    for (int i = 0; participantId != null && headers.containsKey(Addresses.H_VIEW_ASKER + i); i++) {
      if (participantId.equals(headers.getString(Addresses.H_VIEW_ASKER + i))) {
        return headers.getString(Addresses.H_VIEW_OF_ASKER + i);
      }
    }
    return null;
  }

  private BoardPublications() {
  }
}
