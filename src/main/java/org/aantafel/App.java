package org.aantafel;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.store.BoardStore;
import org.aantafel.store.Stores;
import org.aantafel.sync.HubRouter;
import org.aantafel.sync.HubVerticle;
import org.aantafel.sync.RetentionSweep;
import org.aantafel.web.BoardCreationLimit;
import org.aantafel.web.FailedJoinLimit;
import org.aantafel.web.NewSeatLimit;
import org.aantafel.web.HttpVerticle;
import org.aantafel.web.SessionBinding;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running Aan Tafel server: the store (embedded or external PostgreSQL), the hubs, and the HTTP servers. Tests
 * start and stop it exactly as {@link Main} does.
 */
public final class App {
  static final long HUB_IDLE_MILLIS = 60_000;
  static final String CLUSTER_NEEDS_EXTERNAL_DATABASE = "a cluster needs an external PostgreSQL that every node "
    + "shares: set AANTAFEL_DB_URL (the embedded database lives inside one node and dies with it)";

  /** Set once, right after the start, when boards are removed after a retention period; else null. */
  private RetentionSweep retention;

  private final Vertx vertx;
  private final BoardStore store;
  private final int port;
  /** The router, then the hubs: undeployed in this order, so no message finds the hubs gone. */
  private final List<String> syncDeployments;
  private final String httpDeployment;
  private final Optional<MeetingMailer> mail;

  private App(Vertx vertx, BoardStore store, int port, List<String> syncDeployments, String httpDeployment,
              Optional<MeetingMailer> mail) {
    this.vertx = vertx;
    this.store = store;
    this.port = port;
    this.syncDeployments = syncDeployments;
    this.httpDeployment = httpDeployment;
    this.mail = mail;
  }

  public static Future<App> start(Vertx vertx, AppConfig config) {
    return start(vertx, config, HUB_IDLE_MILLIS);
  }

  public static Future<App> start(Vertx vertx, AppConfig config, long hubIdleMillis) {
    if (vertx.isClustered() && config.dbUrl().isBlank()) {
      return Future.failedFuture(new IllegalStateException(CLUSTER_NEEDS_EXTERNAL_DATABASE));
    }
    return start(vertx, config, hubIdleMillis, Stores.open(vertx, config.dbUrl(), config.dataDir()));
  }

  /** On a store opened by the caller, e.g. the tests' in-memory one; config.dbUrl and dataDir are not used. */
  public static Future<App> start(Vertx vertx, AppConfig config, long hubIdleMillis, Future<BoardStore> store) {
    return startServers(vertx, config, hubIdleMillis, store).map(app -> app.startRetention(config.retentionDays()));
  }

  private static Future<App> startServers(Vertx vertx, AppConfig config, long hubIdleMillis,
                                          Future<BoardStore> store) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    int hubInstances = config.hubInstancesOrCores();
    List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
    AtomicInteger hubIndex = new AtomicInteger();
    return store.compose(opened -> {
      Optional<MeetingMailer> mail = MeetingMailer.create(vertx, opened, config.mail());
      BoardCreationLimit creations = new BoardCreationLimit(config.limits());
      FailedJoinLimit failedJoins = new FailedJoinLimit(config.limits().failedJoinsPerMinutePerClient());
      NewSeatLimit newSeats = new NewSeatLimit(config.limits().newSeatsPerMinutePerClient());
      SessionBinding sessions = new SessionBinding(config.publicUrl().startsWith("https://"));
      ClusterNode.reportDepartures(vertx);
      return vertx.deployVerticle(() -> new HubVerticle(opened, hubIdleMillis, hubIndex.getAndIncrement(),
          config.limits().seatsPerBoard(), config.limits().boardBudget().perInstance(hubInstances)),
          new DeploymentOptions().setInstances(hubInstances))
        .compose(hubId -> vertx.deployVerticle(new HubRouter(ClusterNode.nodeId(vertx), hubInstances))
          .map(routerId -> List.of(routerId, hubId)))
        .compose(syncIds -> vertx.deployVerticle(() -> {
          HttpVerticle server = new HttpVerticle(opened, config.httpHost(), config.httpPort(),
            config.publicUrl(), mail, config.limits(), creations, failedJoins, newSeats, sessions);
          servers.add(server);
          return server;
        }, new DeploymentOptions().setInstances(config.httpPort() == 0 ? 1 : instances))
          .map(httpId -> new App(vertx, opened, servers.get(0).actualPort(), syncIds, httpId, mail)))
        .recover(e -> opened.close().transform(v -> Future.failedFuture(e)));
    });
  }

  /** Once the hubs are up, since retention deletes through them. */
  private App startRetention(int retentionDays) {
    if (retentionDays > 0) {
      retention = new RetentionSweep(vertx, store, retentionDays, Clock.systemUTC());
      retention.start();
    }
    return this;
  }

  public int port() {
    return port;
  }

  /**
   * Stops the HTTP side first, so no browser message finds the hubs gone; then the hubs (each saves a last snapshot
   * once its changes are durable); then the store.
   */
  public Future<Void> stop() {
    if (retention != null) {
      retention.stop();
    }
    return vertx.undeploy(httpDeployment)
      .transform(v -> vertx.undeploy(syncDeployments.get(0)))
      .transform(v -> vertx.undeploy(syncDeployments.get(1)))
      .transform(v -> mail.map(MeetingMailer::close).orElseGet(Future::succeededFuture))
      .transform(v -> store.close());
  }
}
