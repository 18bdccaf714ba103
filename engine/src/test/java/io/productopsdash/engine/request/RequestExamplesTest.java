package io.productopsdash.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestExamplesTest {
  @Test
  void parsesClassesAndSkipsCommentsAndBlankLines() throws IOException {
    List<RequestExamples.Example> examples =
        RequestExamples.parse(
            new StringReader(
                "# a comment\n\nrequest\tPlease add a dark mode.\nother\tThe app crashes.  \n"));
    assertThat(examples)
        .containsExactly(
            new RequestExamples.Example("Please add a dark mode.", true),
            new RequestExamples.Example("The app crashes.", false));
  }

  @Test
  void namesTheLineOfABadExample() {
    assertThatThrownBy(() -> RequestExamples.parse(new StringReader("# c\nrequest Please add\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 2: no tab between class and text");
    assertThatThrownBy(() -> RequestExamples.parse(new StringReader("bug\tIt crashes\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 1: class must be request or other, not 'bug'");
    assertThatThrownBy(() -> RequestExamples.parse(new StringReader("other\t  \n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 1: blank text");
    assertThatThrownBy(
            () -> RequestExamples.parse(new StringReader("other\tNice.\nrequest\tNice.\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Line 2: repeated text 'Nice.'");
  }

  @Test
  void shippedExamplesAreBalancedAndVaried() {
    List<RequestExamples.Example> examples = RequestExamples.standard();
    long requests = examples.stream().filter(RequestExamples.Example::request).count();
    assertThat(requests).isBetween(250L, 350L);
    assertThat(examples.size() - requests).isBetween(250L, 350L);
    // The "other" class must hold the hard negatives, not only praise.
    assertThat(examples)
        .contains(
            new RequestExamples.Example("Please fix the login, I can't get in since yesterday.", false),
            new RequestExamples.Example("You can change the theme in the settings menu.", false),
            new RequestExamples.Example("I wish I had never bought it.", false),
            new RequestExamples.Example("I wish there was a widget.", true));
  }
}
