package org.aantafel.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.aantafel.Limits;
import org.aantafel.mail.MeetingMailer;
import org.aantafel.record.RecordHtml;
import org.aantafel.store.BoardStore;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The HTTP server: API, event-bus bridge, the browser's files and the WebJars it needs. */
public final class HttpVerticle extends VerticleBase {
  private static final int MAX_SOCKET_MESSAGE = 1024 * 1024;
  private static final List<String> PAGES = List.of("index.html", "board.html", "record.html", "series.html");

  private final BoardStore store;
  private final String host;
  private final int port;
  private final String publicUrl;
  private final Optional<MeetingMailer> mail;
  private final Limits limits;
  private final BoardCreationLimit creations;
  private final FailedJoinLimit failedJoins;
  private final NewSeatLimit newSeats;
  private final SessionBinding sessions;
  private HttpServer server;

  /** The limits and bindings that count per client or per session are shared by every instance (event loop). */
  public HttpVerticle(BoardStore store, String host, int port, String publicUrl, Optional<MeetingMailer> mail,
                      Limits limits, BoardCreationLimit creations, FailedJoinLimit failedJoins,
                      NewSeatLimit newSeats, SessionBinding sessions) {
    this.store = store;
    this.host = host;
    this.port = port;
    this.publicUrl = publicUrl;
    this.mail = mail;
    this.limits = limits;
    this.creations = creations;
    this.failedJoins = failedJoins;
    this.newSeats = newSeats;
    this.sessions = sessions;
  }

  @Override
  public Future<?> start() {
    return readPages().compose(pages -> listen(ContentSecurityPolicy.of(pages, List.of(RecordHtml.inlineStyle()))));
  }

  /** The policy allows the pages' inline import maps by hash, so it is made from the files as they are served. */
  private Future<List<String>> readPages() {
    return Future.all(PAGES.stream().map(page -> vertx.fileSystem().readFile("webroot/" + page)).toList())
      .map(all -> all.<Buffer>list().stream().map(Buffer::toString).toList());
  }

  private Future<HttpServer> listen(String contentSecurityPolicy) {
    String publicOrigin = publicUrl.isEmpty() ? null : originOf(publicUrl);
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders(contentSecurityPolicy, publicUrl));
    router.post("/api/boards").handler(creations);
    router.post("/api/boards/:id/follow-up").handler(creations);
    new BoardApi(vertx, store, publicUrl, mail).mount(router);
    router.route("/eventbus/*").handler(new OriginGuard(publicOrigin));
    router.route("/eventbus/*").handler(sessions);
    // The XHR fallbacks post frames as request bodies; over this limit the answer is 413, before SockJS sees them.
    router.route("/eventbus/*").handler(BodyHandler.create().setBodyLimit(MAX_SOCKET_MESSAGE)
      .setHandleFileUploads(false));
    router.route("/eventbus/*").subRouter(new BoardBridge(new OutboundLimit(limits.outboundQueueBytes()), failedJoins,
      newSeats, sessions, limits.trustForwardedFor()).router(vertx, publicOrigin));
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.get("/b/:id").handler(ctx -> ctx.reroute("/board.html"));
    router.get("/b/:id/record/:version").handler(ctx -> ctx.reroute("/record.html"));
    router.get("/b/:id/series").handler(ctx -> ctx.reroute("/series.html"));
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    server = vertx.createHttpServer(new HttpServerOptions()
      .setHost(host).setPort(port)
      .setMaxWebSocketMessageSize(MAX_SOCKET_MESSAGE)
      .setMaxWebSocketFrameSize(MAX_SOCKET_MESSAGE)
      .setCompressionSupported(true));
    return server.requestHandler(router).listen();
  }

  public int actualPort() {
    return server.actualPort();
  }

  private static String originOf(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
