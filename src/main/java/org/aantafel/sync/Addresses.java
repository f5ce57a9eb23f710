package org.aantafel.sync;

/** Event-bus addresses. The first four are the only ones a browser may send to; the rest stay inside the server. */
public final class Addresses {
  public static final String JOIN = "board.join";
  public static final String SUBMIT = "board.submit";
  public static final String PRESENCE = "board.presence";
  /**
   * A round trip through the hubs' event loop, answered {rev} (the board's newest durable revision), or {} by the
   * router for a socket not seated at the board: a socket can stay open while nothing gets through (a frozen server,
   * a phone between masts), and only an answer tells the browser its edits can still arrive.
   */
  public static final String PING = "board.ping";

  /** Internal: a bridged socket went away. */
  public static final String LEAVE = "hub.leave";
  /** Internal: the committed state, for the HTTP API. */
  public static final String STATE = "hub.state";
  /** Internal: close a board and store its record, {boardId, closedBy}, for the HTTP API. Never bridged. */
  public static final String CLOSE = "hub.close";
  /** Internal: make a closed board editable again, {boardId}, for the HTTP API. Never bridged. */
  public static final String REOPEN = "hub.reopen";
  /**
   * Internal: delete a board and all its records, {boardId} for the facilitator, {boardId, closedBefore, retentionDays}
   * for retention. Never bridged.
   */
  public static final String DELETE = "hub.delete";

  /** A board's own inbox, served by the one hub in the whole cluster that owns the board. Never bridged. */
  public static String hub(String boardId) {
    return "hub.board." + boardId;
  }

  /** Node-local: asks hub instance {@code index} of this node to take a board into its care. */
  static String claim(int index) {
    return "hub.claim." + index;
  }

  /** Internal: replace a board's links, {boardId, links: [{sha256, grant}]}, in its hub's turn. Never bridged. */
  public static final String LINKS = "hub.links";
  /** Internal: who holds a seat at a board, {boardId}, for the facilitator. Never bridged. */
  public static final String SEATS = "hub.seats";
  /** Internal: take a seat back, {boardId, participantId}, in the board's turn. Never bridged. */
  public static final String REMOVE_SEAT = "hub.remove-seat";
  /**
   * Internal, published to every bridge of the cluster: grants on a board were taken back, {boardId, links: [hex
   * token hashes], participants: [ids], all}; every socket holding the board by one of them is closed. Never bridged.
   */
  public static final String REVOKED = "bridge.revoked";

  /** Node-local: another node left the cluster, {nodeId}; its sockets are gone with it. */
  public static final String NODE_LEFT = "hub.node-left";

  /** Headers set by the bridge; whatever a client sends in headers is thrown away before these are set. */
  public static final String H_SOCKET = "aantafel-socket";
  public static final String H_GRANT = "aantafel-grant";
  public static final String H_PARTICIPANT = "aantafel-participant";
  public static final String H_CLIENT = "aantafel-client";
  /** The hex SHA-256 of the link a socket joined with: the hub checks on every message that it still opens the board. */
  public static final String H_LINK = "aantafel-link";
  /** The bridge's mark on one join, echoed in the hub's answer: only that answer can seat the socket. */
  public static final String H_JOIN_TICKET = "aantafel-join-ticket";
  /** Set by the router: which step a message on {@link #hub} asks for, by its name in {@link HubRequests}. */
  static final String H_KIND = "aantafel-kind";
  /** Set by the router: the node whose socket sent the message, so a hub can forget the sockets of a node that died. */
  static final String H_NODE = "aantafel-node";
  /** A refusal decided by the bridge (rate or size), answered by the hub as a reply failure so the browser sees it. */
  public static final String H_REFUSAL = "aantafel-refusal";
  /**
   * On a change published to a board that not everyone is shown alike ({@link BoardPublications#publishScreened}):
   * the message for the facilitator, and numbered pairs of an asker's participant id and the message for them.
   */
  static final String H_VIEW_FULL = "aantafel-view-full";
  static final String H_VIEW_ASKER = "aantafel-view-asker-";
  static final String H_VIEW_OF_ASKER = "aantafel-view-of-asker-";

  /** Carries JSON text, see {@link BoardPublications}. */
  public static String ops(String boardId) {
    return "board." + boardId + ".ops";
  }

  /** Carries JSON text, see {@link BoardPublications}. */
  public static String presence(String boardId) {
    return "board." + boardId + ".presence";
  }

  /** Whether the address is a board's ops or presence, which carry JSON text; a reply label has no dot. */
  public static boolean carriesText(String address) {
    return address.startsWith("board.") && (address.endsWith(".ops") || address.endsWith(".presence"));
  }

  private Addresses() {
  }
}
