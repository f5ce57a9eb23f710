package org.aantafel.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged while a test runs, from every logger: the server's own System.Logger lines (java.util.logging)
 * and what Vert.x and the libraries log through SLF4J, whose simple backend writes to System.err.
 */
public final class AllLogs implements AutoCloseable {
  private final List<String> julLines = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final Logger root = Logger.getLogger("");
  private final PrintStream originalErr = System.err;
  private final Handler handler = new Handler() {
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      String thrown = record.getThrown() == null ? "" : " " + record.getThrown();
      julLines.add(record.getLevel() + " " + record.getLoggerName() + " - " + formatter.formatMessage(record) + thrown);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  public AllLogs() {
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    System.setErr(new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        originalErr.write(b);
        synchronized (console) {
          console.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        originalErr.write(b, off, len);
        synchronized (console) {
          console.write(b, off, len);
        }
      }
    }, true, StandardCharsets.UTF_8));
  }

  /** Every line so far, java.util.logging's first. */
  public String text() {
    synchronized (console) {
      return String.join("\n", julLines) + "\n" + console.toString(StandardCharsets.UTF_8);
    }
  }

  public List<String> lines() {
    return Arrays.asList(text().split("\n"));
  }

  /** The lines at WARNING or above (java.util.logging) or WARN and ERROR (SLF4J's simple format). */
  public List<String> warningsAndErrors() {
    return lines().stream()
      .filter(line -> line.startsWith("WARNING ") || line.startsWith("SEVERE ")
        || line.matches("\\[[^\\]]*\\] (WARN|ERROR) .*"))
      .toList();
  }

  @Override
  public void close() {
    System.setErr(originalErr);
    root.removeHandler(handler);
  }
}
