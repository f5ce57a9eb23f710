package org.aantafel;

import io.vertx.core.Vertx;
import org.aantafel.testsupport.BusClient;
import org.aantafel.testsupport.MainProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Attack 16 of the second review: with the cluster host set to 127.0.0.1, Hazelcast still listened on every
 * interface of the machine, so anyone who could reach the server's other addresses could talk to the cluster. A node
 * must listen on its configured host only, for Hazelcast and for the clustered event bus alike. Every address of
 * 127.0.0.0/8 reaches the loopback interface, so 127.0.0.2 stands for "another address of this machine".
 */
class ClusterBindTest {
  private Vertx node;

  @AfterEach
  void stop() {
    if (node != null) {
      BusClient.await(node.close());
    }
  }

  @Test
  void aNodeListensOnItsConfiguredHostOnly() throws IOException {
    int hazelcastPort = MainProcess.freePort();
    int busPort = MainProcess.freePort();
    node = BusClient.await(ClusterNode.start(new ClusterSettings(true, "127.0.0.1", List.of(), hazelcastPort, busPort,
      "aantafel-bind-" + UUID.randomUUID())));

    for (int port : List.of(hazelcastPort, busPort)) {
      connect("127.0.0.1", port); // the configured host is served
      assertThrows(ConnectException.class, () -> connect("127.0.0.2", port),
        "port " + port + " must not be reachable on another address of this machine");
    }
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
    }
  }
}
