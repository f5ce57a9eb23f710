package org.aantafel.sync;

/**
 * How unreliable a simulated connection is: the chance per frame that it is dropped or sent twice, in each direction,
 * the longest random delay before a frame is sent or handled, and the chance per edit that the socket is cut.
 */
record Faults(double dropOut, double dropIn, double duplicateOut, double duplicateIn, int maxDelayMillis,
              double disconnectPerEdit) {

  static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0);

  @Override
  public String toString() {
    return String.format(
      "drop out %.0f%% in %.0f%%, duplicate out %.0f%% in %.0f%%, delay <= %d ms, disconnect %.0f%%/edit",
      dropOut * 100, dropIn * 100, duplicateOut * 100, duplicateIn * 100, maxDelayMillis, disconnectPerEdit * 100);
  }
}
