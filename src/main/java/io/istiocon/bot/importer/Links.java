package io.istiocon.bot.importer;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks a session's recording and slides from the links an export lists, telling them apart by
 * title and URL. A recording is a video file (".mp4"), a media.ccc.de page, or a link titled as a
 * recording, best when it is both a file and so titled; slides are titled or filed as slides, or a document titled as a presentation. A
 * video of something else ("My previous talk", a trailer), a live stream or a temporary link is
 * neither, and a video is never slides.
 */
final class Links {
  private static final Pattern RECORDING_TITLE = Pattern.compile("recording|aufzeichnung|mitschnitt");
  private static final Pattern VIDEO_FILE = Pattern.compile("\\.(mp4|webm|mkv|m4v|ogv|mov)$");
  private static final Pattern VIDEO_HOST = Pattern.compile("(^|\\.)(youtube\\.com|youtu\\.be|vimeo\\.com|media\\.ccc\\.de)$");
  private static final Pattern NOT_RECORDING = Pattern.compile("\\blive|stream|trailer|temp");
  private static final Pattern SLIDES_TITLE = Pattern.compile("slide|folien|\\bdeck\\b");
  private static final Pattern SLIDES_PATH = Pattern.compile("/slides?\\b|folien");
  private static final Pattern DOCUMENT_TITLE = Pattern.compile("presentation|präsentation|vortrag");
  private static final Pattern DOCUMENT_FILE = Pattern.compile("\\.(pdf|pptx?|odp|key)$");

  private URI video;
  private int videoScore;
  private URI slides;

  /** Considers one link; {@code base} resolves a relative URL. */
  void offer(String title, String url, URI base) {
    URI uri = Mapping.url(url, base);
    if (uri == null) {
      return;
    }
    String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    boolean videoFile = VIDEO_FILE.matcher(path).find();
    boolean videoHost = VIDEO_HOST.matcher(host).find();
    if (!videoFile && !videoHost) {
      boolean document = DOCUMENT_TITLE.matcher(t).find() && DOCUMENT_FILE.matcher(path).find();
      if (slides == null && (SLIDES_TITLE.matcher(t).find() || SLIDES_PATH.matcher(path).find() || document)) {
        slides = uri;
      }
      return;
    }
    boolean mediaPage = host.endsWith("media.ccc.de") && path.startsWith("/v/");
    boolean titled = RECORDING_TITLE.matcher(t).find();
    if (NOT_RECORDING.matcher(t).find() || !(videoFile || mediaPage || titled)) {
      return;
    }
    // "Video recording (mp4)" beats "Write the Docs 2020 recording" on YouTube, and an mp4 plays in
    // more browsers than a webm; of equals, the first listed wins.
    int score = (titled ? 2 : 0) + (videoFile ? 2 : 0) + (path.endsWith(".mp4") || mediaPage ? 1 : 0);
    if (score > videoScore) {
      video = uri;
      videoScore = score;
    }
  }

  /** Offers a link that the export itself says is the recording. */
  void offerRecording(String url, URI base) {
    URI uri = Mapping.url(url, base);
    if (uri != null && videoScore < Integer.MAX_VALUE) {
      video = uri;
      videoScore = Integer.MAX_VALUE;
    }
  }

  /** Returns the recording, or null. */
  URI video() {
    return video;
  }

  /** Returns the slides, or null. */
  URI slides() {
    return slides;
  }
}
