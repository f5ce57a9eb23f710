package org.aantafel;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.aantafel.sync.Addresses;

import java.util.function.Consumer;

/**
 * This server as one node of a Hazelcast cluster (docs/deploy.md): Vert.x's clustered event bus carries the board
 * messages between nodes, and Hazelcast holds who owns which board. Set up in code rather than a cluster.xml, so the
 * few settings an operator gives (host, members, ports, name) are all there is to get right.
 */
public final class ClusterNode {
  /** Vert.x's attribute on every Hazelcast member, holding the node id the event bus knows it by. */
  private static final String VERTX_NODE_ID = "__vertx.nodeId";
  private static final String ALONE = "local";

  /** Joins (or founds) the cluster; fails if Hazelcast cannot bind its port. */
  public static Future<Vertx> start(ClusterSettings settings) {
    return start(settings, config -> { });
  }

  /**
   * The same, with a last word on Hazelcast's configuration before it starts: the tests' nodes, all on loopback,
   * shorten waits meant for a real network.
   */
  public static Future<Vertx> start(ClusterSettings settings, Consumer<Config> adjust) {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(settings.name());
    // Hazelcast waits 60 s for a silent member by default: a meeting cannot wait that long for its board.
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    // Nothing of a school's server may call out to a third party.
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    // Vert.x leaves the cluster when the server stops, in its own order (see Main).
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "jdk");
    hazelcast.setProperty("hazelcast.local.localAddress", settings.host());
    // Hazelcast binds to every interface by default, whatever address it announces: only the configured host may
    // reach the cluster (the event bus binds to the same host below).
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");
    hazelcast.getJetConfig().setEnabled(false);
    hazelcast.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(false);
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members().isEmpty()
      ? java.util.List.of(settings.host() + ":" + settings.port()) : settings.members());
    adjust.accept(hazelcast);
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
      .setHost(settings.host()).setPort(settings.busPort()));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  /** How this node is known on the clustered event bus; one name for a server on its own. */
  public static String nodeId(Vertx vertx) {
    return vertx instanceof VertxInternal internal && internal.clusterManager() != null
      ? internal.clusterManager().getNodeId() : ALONE;
  }

  /**
   * Tells the hubs of this node when another node leaves the cluster, on {@link Addresses#NODE_LEFT}: sockets held
   * by a node that died never say goodbye, and would otherwise stay at the table forever.
   */
  public static void reportDepartures(Vertx vertx) {
    if (vertx instanceof VertxInternal internal
      && internal.clusterManager() instanceof HazelcastClusterManager hazelcast) {
      hazelcast.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent event) {
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
          String nodeId = event.getMember().getAttribute(VERTX_NODE_ID);
          if (nodeId != null) {
            vertx.eventBus().publish(Addresses.NODE_LEFT, nodeId);
          }
        }
      });
    }
  }

  private ClusterNode() {
  }
}
