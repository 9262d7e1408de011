package io.istiocon.bot.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {
  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // title                               | url                                                              | picked as
      "Video recording (mp4)                 | https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4       | video",
      "Presentation slides                   | https://www.figma.com/proto/X2c9pGIr38rEzVuS0locAN/FOSDEM-slides | slides",
      "FOSDEM21 - Empowering the school      | https://fosdem.org/2021/schedule/event/x/attachments/slides/4750/a.pdf | slides",
      "Research paper - DIDAMATiCA 2020      | https://fosdem.org/2021/schedule/event/x/attachments/paper/4225/a.pdf  | neither",
      "Presentation @ Republica2014          | http://youtu.be/TNgSxEE6wTk?t=10m29s                              | neither",
      "[0] GPG for Journalists, anon108      | http://vimeo.com/56881481                                         | neither",
      "Livestream                            | https://live.fosdem.org/watch/k.fosdem                            | neither",
      "VIDEO (temp link)                     | https://validate.video.fosdem.org/27dd.mp4                        | neither",
      "Submit feedback                       | https://submission.fosdem.org/feedback/11795.php                  | neither",
      "Vortrag (PDF)                         | https://example.org/talk.pdf                                      | slides",
      "Folien                                | https://example.org/x                                             | slides",
      "The talk                              | https://media.ccc.de/v/31c3_-_6258_-_en_-_saal_1_-_201412271715   | video",
  })
  void offer_tellsRecordingsAndSlidesApart(String title, String url, String expected) {
    Links links = new Links();
    links.offer(title, url, null);
    assertEquals(expected.equals("video") ? URI.create(url) : null, links.video(), "video");
    assertEquals(expected.equals("slides") ? URI.create(url) : null, links.slides(), "slides");
  }

  @Test
  void offer_prefersTheEventsOwnRecordingAndAnMp4() {
    Links links = new Links();
    links.offer("Write the Docs 2020 recording", "https://www.youtube.com/watch?v=m1Lhy3fheuY", null);
    links.offer("Video recording (WebM/VP9)", "https://video.fosdem.org/2021/D.docs/ttddatascience.webm", null);
    links.offer("Video recording (mp4)", "https://video.fosdem.org/2021/D.docs/ttddatascience.mp4", null);
    assertEquals(URI.create("https://video.fosdem.org/2021/D.docs/ttddatascience.mp4"), links.video());
  }

  @Test
  void offerRecording_winsOverAnyLink() {
    Links links = new Links();
    links.offer("Video recording (mp4)", "https://video.example.org/a.mp4", null);
    links.offerRecording("https://hn13.net/kh22/KH22-NixOS.mp4", null);
    assertEquals(URI.create("https://hn13.net/kh22/KH22-NixOS.mp4"), links.video());
    assertNull(links.slides());
  }
}
