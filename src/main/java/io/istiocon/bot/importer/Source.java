package io.istiocon.bot.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Reads an export from a file or an http(s) URL, refusing one larger than {@link #MAX_BYTES}. */
final class Source {
  /** The largest export read; FOSDEM's, among the largest there are, is 1.6 MB. */
  static final int MAX_BYTES = 64 * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Supplier<HttpClient> http;

  /** Creates a source; the HTTP client is made only when a URL is fetched, since most imports read a file. */
  Source(Supplier<HttpClient> http) {
    this.http = http;
  }

  /** Returns whether the argument names a URL rather than a file. */
  static boolean isUrl(String location) {
    String l = location.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  /** Returns the export's bytes. */
  byte[] read(String location) throws ImportException {
    return isUrl(location) ? fetch(location) : file(location);
  }

  private static byte[] file(String location) throws ImportException {
    Path path = Path.of(location);
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw ImportException.bad(location + ": the file is " + Files.size(path) + " bytes; the limit is " + MAX_BYTES);
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw ImportException.bad(location + ": no such file");
    } catch (IOException e) {
      throw ImportException.bad(location + ": cannot read the file: " + e.getMessage());
    }
  }

  private byte[] fetch(String location) throws ImportException {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw ImportException.usage("\"" + location + "\" is not a URL: " + e.getReason());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Accept", "application/json, application/xml, text/xml, */*").GET().build();
    try {
      HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw ImportException.bad(location + ": the server answered HTTP " + response.statusCode() + "; check the URL");
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw ImportException.bad(location + ": the export is larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw ImportException.bad(location + ": cannot fetch: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ImportException.bad(location + ": the fetch was interrupted");
    }
  }
}
