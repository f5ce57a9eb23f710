package org.aantafel;

import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;

/**
 * How this server joins other Aan Tafel nodes (docs/deploy.md): Hazelcast over TCP/IP to the listed members, never
 * multicast, bound to one address of this machine.
 *
 * @param enabled whether to join a cluster at all; off, the server is one node on its own
 * @param host    the address of this machine the other nodes reach it on, for Hazelcast and the event bus
 * @param members the other nodes, "host" or "host:port", comma separated
 * @param port    Hazelcast's port (member discovery, the locks, the event bus's address book)
 * @param busPort the clustered event bus's port (the board messages themselves)
 * @param name    the cluster's name: nodes with another name never join this cluster, so tests and schools apart
 */
public record ClusterSettings(boolean enabled, String host, List<String> members, int port, int busPort,
                              String name) {

  public ClusterSettings {
    members = List.copyOf(members);
    if (enabled && host.isBlank()) {
      throw new IllegalArgumentException("clusterHost is needed when cluster is on: the address other nodes reach "
        + "this one on");
    }
    if (port < 1 || port > 65535 || busPort < 0 || busPort > 65535) {
      throw new IllegalArgumentException("clusterPort and clusterBusPort must be port numbers");
    }
  }

  static ClusterSettings fromJson(JsonObject json) {
    String members = json.getString("clusterMembers", "");
    return new ClusterSettings(
      Boolean.parseBoolean(String.valueOf(json.getValue("cluster", false))),
      json.getString("clusterHost", ""),
      Arrays.stream(members.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList(),
      Integer.parseInt(String.valueOf(json.getValue("clusterPort", 5701))),
      Integer.parseInt(String.valueOf(json.getValue("clusterBusPort", 5801))),
      json.getString("clusterName", "aantafel"));
  }
}
