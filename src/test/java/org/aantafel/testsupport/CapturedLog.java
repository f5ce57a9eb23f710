package org.aantafel.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one logger writes while a test runs. The server logs through System.Logger, whose default backend is
 * java.util.logging, so a handler on the logger of the same name sees exactly what the console would.
 */
public final class CapturedLog implements AutoCloseable {
  public final List<String> lines = new CopyOnWriteArrayList<>();
  // Held strongly: java.util.logging keeps loggers only weakly, and a collected one would lose the handler.
  private final Logger logger;
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  public CapturedLog(String loggerName) {
    logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
