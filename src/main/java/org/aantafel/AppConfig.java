package org.aantafel;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one server. Defaults come from {@code config/aantafel.json} (in the working directory, else the copy in
 * the jar); every key can be overridden by an environment variable {@code AANTAFEL_<KEY>}, e.g. httpPort by
 * AANTAFEL_HTTP_PORT, so that a school's administrator never has to edit a file inside the jar.
 */
public record AppConfig(String httpHost, int httpPort, String publicUrl, Path dataDir, String dbUrl,
                        ClusterSettings cluster, int hubInstances,
                        MailSettings mail, int retentionDays, Limits limits) {

  private static final String FILE = "config/aantafel.json";

  public static AppConfig load(Map<String, String> env) {
    JsonObject json = readDefaults();
    for (String key : json.fieldNames()) {
      String value = env.get("AANTAFEL_" + toEnvName(key));
      if (value != null) {
        json.put(key, value);
      }
    }
    return fromJson(json);
  }

  public static AppConfig fromJson(JsonObject json) {
    return new AppConfig(
      json.getString("httpHost", "0.0.0.0"),
      Integer.parseInt(String.valueOf(json.getValue("httpPort", 8080))),
      stripTrailingSlash(json.getString("publicUrl", "")),
      Path.of(json.getString("dataDir", "./data")),
      json.getString("dbUrl", ""),
      ClusterSettings.fromJson(json),
      Integer.parseInt(String.valueOf(json.getValue("hubInstances", 0))),
      MailSettings.fromJson(json),
      Integer.parseInt(String.valueOf(json.getValue("retentionDays", 0))),
      Limits.fromJson(json));
  }

  public AppConfig withHttpPort(int port) {
    return new AppConfig(httpHost, port, publicUrl, dataDir, dbUrl, cluster, hubInstances, mail,
      retentionDays, limits);
  }

  public AppConfig withDbUrl(String url) {
    return new AppConfig(httpHost, httpPort, publicUrl, dataDir, url, cluster, hubInstances, mail,
      retentionDays, limits);
  }

  public AppConfig withDataDir(Path dir) {
    return new AppConfig(httpHost, httpPort, publicUrl, dir, dbUrl, cluster, hubInstances, mail,
      retentionDays, limits);
  }

  /** One hub instance per core unless configured: each instance is one event loop's worth of boards. */
  public int hubInstancesOrCores() {
    return hubInstances > 0 ? hubInstances : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  static String toEnvName(String camelKey) {
    return camelKey.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static JsonObject readDefaults() {
    try {
      Path file = Path.of(FILE);
      if (Files.isRegularFile(file)) {
        return new JsonObject(Files.readString(file));
      }
      try (InputStream in = AppConfig.class.getClassLoader().getResourceAsStream(FILE)) {
        if (in == null) {
          throw new IllegalStateException(FILE + " is missing from the working directory and the jar");
        }
        return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + FILE, e);
    }
  }
}
