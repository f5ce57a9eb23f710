package org.aantafel.board;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aantafel.testsupport.ClientSync;

/**
 * Writes src/test/resources/vectors/client-sync-traces.json: three clients on one board of a small in-memory server
 * that commits like the hub (incoming text transformed over what was committed since its baseRev), with messages
 * delivered out of order and acknowledgements arriving before or after their revision. Each step records one call
 * on one client, its result and the client's state after it. ClientSyncTracesTest replays them through
 * {@link ClientSync} and src/test/js/client-sync-traces.test.js through the browser's BoardSync: both must give the
 * recorded results. Run {@link #main} after a deliberate change of either client, and review the diff.
 */
public final class ClientSyncTraces {

  static final Path FILE = Path.of("src/test/resources/vectors/client-sync-traces.json");
  private static final long SEED = 20261202L;
  private static final int TRACES = 25;
  private static final int STEPS = 40;
  private static final int CLIENTS = 3;

  private ClientSyncTraces() {
  }

  public static void main(String[] args) throws IOException {
    Random random = new Random(SEED);
    List<Map<String, Object>> traces = new ArrayList<>();
    while (traces.size() < TRACES) {
      Map<String, Object> trace = trace(random);
      if (trace != null) {
        traces.add(trace);
      }
    }
    // Random text holds lone surrogates, which only escaped JSON can carry.
    Files.writeString(FILE, OtVectorGenerator.asciiJson(Map.of("traces", traces)), StandardCharsets.US_ASCII);
    System.out.println("wrote " + FILE.toAbsolutePath());
  }

  /** Performs one recorded call and returns its result in wire form; the same code replays and records. */
  static Object perform(ClientSync client, Map<String, Object> step) {
    return switch ((String) step.get("call")) {
      case "local" -> {
        client.local(Op.listFromMaps((List<?>) step.get("ops")));
        yield null;
      }
      case "takeSubmit" -> submit(client.takeSubmit());
      case "inflightSubmit" -> submit(client.inflightSubmit());
      case "committed" -> applied(client.committed(ClientSync.Committed.fromMap(map(step.get("message")))));
      case "acknowledged" -> applied(client.acknowledged(((Number) step.get("seq")).longValue(),
          ((Number) step.get("replyRev")).longValue()));
      default -> throw new IllegalArgumentException("unknown call " + step.get("call"));
    };
  }

  /** What is compared after every step. */
  static Map<String, Object> after(ClientSync client) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("rev", client.rev());
    after.put("status", client.status());
    after.put("unsavedCount", client.unsavedCount());
    after.put("hasGap", client.hasGap());
    after.put("state", client.state().toMap());
    return plain(after);
  }

  /** Numbers and maps as JSON reads them back, so that recorded and replayed values compare equal. */
  @SuppressWarnings("unchecked")
  static <T> T plain(Object value) {
    Object decoded = Json.decodeValue(Json.encode(value));
    // Only the outermost value comes wrapped; the codec reads what is inside as plain maps and lists.
    if (decoded instanceof io.vertx.core.json.JsonObject object) {
      return (T) object.getMap();
    }
    return (T) (decoded instanceof JsonArray array ? array.getList() : decoded);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Object submit(ClientSync.Submit submit) {
    if (submit == null) {
      return null;
    }
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("clientId", submit.clientId());
    wire.put("seq", submit.seq());
    wire.put("baseRev", submit.baseRev());
    wire.put("ops", Op.listToMaps(submit.ops()));
    return plain(wire);
  }

  private static Object applied(List<ClientSync.Applied> applied) {
    List<Object> wire = new ArrayList<>();
    for (ClientSync.Applied a : applied) {
      wire.add(Map.of("rev", a.rev(), "ops", Op.listToMaps(a.ops()), "own", a.own()));
    }
    return plain(wire);
  }

  /** One trace, or null when a random op turned out not to apply (such traces show nothing about the clients). */
  private static Map<String, Object> trace(Random random) {
    try {
      return new Run(random).play();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static final class Run {
    final Random random;
    final BoardState server;
    final List<Map<String, Object>> log = new ArrayList<>();
    final List<ClientSync> clients = new ArrayList<>();
    final List<RandomOps> edits = new ArrayList<>();
    final List<List<Map<String, Object>>> inboxes = new ArrayList<>();
    final List<List<long[]>> replies = new ArrayList<>();
    final List<Map<String, Object>> steps = new ArrayList<>();

    Run(Random random) {
      this.random = random;
      this.server = RandomOps.randomBoard(random);
      for (int i = 0; i < CLIENTS; i++) {
        ClientSync client = new ClientSync("c" + i, 0);
        client.load(1, server.copy());
        clients.add(client);
        edits.add(new RandomOps(random, "c" + i));
        inboxes.add(new ArrayList<>());
        replies.add(new ArrayList<>());
      }
    }

    Map<String, Object> play() {
      Map<String, Object> start = Map.of("rev", 1, "state", server.toMap());
      for (int i = 0; i < STEPS; i++) {
        int k = random.nextInt(CLIENTS);
        ClientSync client = clients.get(k);
        Map<String, Object> step = nextStep(k, client);
        if (step == null) {
          continue;
        }
        Object result = perform(client, step);
        step.put("result", plain(result));
        step.put("after", after(client));
        steps.add(step);
        if ("takeSubmit".equals(step.get("call")) && result != null) {
          commit(k, map(result));
        }
      }
      Map<String, Object> trace = new LinkedHashMap<>();
      trace.put("start", plain(start));
      trace.put("clients", clients.stream().map(c -> c.clientId).toList());
      trace.put("steps", steps);
      return trace;
    }

    private Map<String, Object> nextStep(int k, ClientSync client) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("client", k);
      int action = random.nextInt(10);
      if (action < 3) {
        step.put("call", "local");
        step.put("ops", plain(Op.listToMaps(edits.get(k).ops(client.state(), 1 + random.nextInt(3)))));
      } else if (action < 5) {
        step.put("call", "takeSubmit");
      } else if (action < 6) {
        step.put("call", "inflightSubmit");
      } else if (action < 9 && !inboxes.get(k).isEmpty()) {
        // Any waiting revision, not only the next: early ones must wait for the gap to close.
        step.put("call", "committed");
        step.put("message", inboxes.get(k).remove(random.nextInt(inboxes.get(k).size())));
      } else if (!replies.get(k).isEmpty()) {
        long[] reply = replies.get(k).remove(0);
        step.put("call", "acknowledged");
        step.put("seq", reply[0]);
        step.put("replyRev", reply[1]);
      } else {
        return null;
      }
      return step;
    }

    /** The server's side of a submit: transform over what the client had not seen, apply, publish, reply. */
    private void commit(int k, Map<String, Object> submit) {
      long baseRev = ((Number) submit.get("baseRev")).longValue();
      List<Op> unseen = new ArrayList<>();
      for (Map<String, Object> message : log) {
        if (((Number) message.get("rev")).longValue() > baseRev) {
          unseen.addAll(Op.listFromMaps((List<?>) message.get("ops")));
        }
      }
      List<Op> incoming = OpTransform.transformIncoming(Op.listFromMaps((List<?>) submit.get("ops")), unseen);
      List<Op> applied = server.applyCommitted(incoming);
      long rev = log.size() + 2;
      Map<String, Object> message = plain(Map.of("rev", rev, "clientId", submit.get("clientId"),
          "seq", submit.get("seq"), "ops", Op.listToMaps(applied)));
      log.add(message);
      inboxes.forEach(inbox -> inbox.add(message));
      replies.get(k).add(new long[] {((Number) submit.get("seq")).longValue(), rev});
    }
  }
}
