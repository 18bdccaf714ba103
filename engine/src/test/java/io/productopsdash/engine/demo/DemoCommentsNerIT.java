package io.productopsdash.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.productopsdash.engine.text.redact.CoreNlpPersonNameFinder;
import io.productopsdash.engine.text.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's comments survive the full redaction (CoreNLP person names included) unchanged,
 * except for the planted contact data: a demo whose comments read "please add [name]" would show
 * redaction, not feedback. (CoreNLP tags chain and company names such as Solana, Arbitrum and
 * Coinbase as persons, which is why the bank does not use them.)
 */
@Timeout(120)
class DemoCommentsNerIT {
  @Test
  void noCommentLosesAWordToNameRedaction() {
    Redactor redactor = Redactor.withNames(CoreNlpPersonNameFinder.shared());
    CommentBank bank = CommentBank.load(1);
    List<String> changed = new ArrayList<>();
    for (Topic t : Topic.values()) {
      for (String text : bank.texts(t)) {
        String redacted = redactor.redact(text).text();
        if (redacted.contains("[name]")) {
          changed.add(t + ": " + text + " -> " + redacted);
        }
      }
    }
    assertThat(changed).isEmpty();
  }
}
