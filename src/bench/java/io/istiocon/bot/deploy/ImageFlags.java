package io.istiocon.bot.deploy;

import java.io.IOException;
import java.util.List;

/**
 * The JVM flags the image starts the bot with, for the load tools. It sits in this package, in the
 * bench tree, so that it can read the Dockerfile through the tests' {@link DockerfileModel} (which
 * is package-private) rather than through a second parser.
 */
public final class ImageFlags {
  private ImageFlags() {}

  /**
   * Returns the flags between {@code java} and {@code -jar} in the image's ENTRYPOINT, without the
   * class archive: the image's build writes that file, which does not exist outside the image, and
   * it speeds up start only.
   */
  public static List<String> jvm() throws IOException {
    List<String> entrypoint = DockerfileModel.read().entrypoint();
    return entrypoint.subList(entrypoint.indexOf("java") + 1, entrypoint.indexOf("-jar")).stream()
        .filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).toList();
  }
}
