package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code productopsdash themes} on a small labelled CSV of three topics (with a byte order mark, a
 * quoted newline, doubled quotes and a row without text); runs the real embedding model.
 */
class ThemesCommandIT {
  private static final String[][] TOPICS = {
    {
      "I was charged twice for my subscription this month",
      "The refund for my cancelled order never arrived",
      "Why did my card payment fail at checkout?",
      "Please send me an invoice for last month's charge",
      "My credit card was billed the wrong amount",
      "I want my money back for the duplicate payment",
      "The annual plan price went up without notice",
      "The payment page keeps declining my Visa card",
      "How do I update the billing address on my invoices?",
      "I was billed again after I cancelled my subscription",
      "The discount code was not applied to my payment",
      "Can I pay by bank transfer instead of by card?"
    },
    {
      "The app crashes every time I open the camera",
      "After the latest update the app freezes on startup",
      "It keeps crashing when I upload a photo",
      "The screen goes black and the app closes itself",
      "The Android version crashes on launch since yesterday",
      "The app is very slow and often stops responding",
      "I get an error message whenever I try to save a note",
      "Since the update the app force closes on my iPhone",
      "The loading spinner never ends and then the app crashes",
      "The app froze and I lost all my unsaved work",
      "Tapping the \"settings\" button closes the app",
      "Constant crashes make the app\nunusable"
    },
    {
      "My package still has not been delivered after two weeks",
      "The courier left the parcel at the wrong address",
      "The tracking number shows no updates since Monday",
      "Shipping to Canada takes far too long",
      "The box arrived damaged and the items were broken",
      "Can I change the delivery address of my order?",
      "The delivery was late again this week",
      "The driver never rang the doorbell and the parcel went back to the depot",
      "Express shipping took five days",
      "Where is my order? It says shipped but nothing arrived",
      "Half of my order is missing from the package",
      "I would like faster delivery options"
    }
  };
  private static final String[] NAMES = {"billing", "crash", "delivery"};

  @TempDir Path dir;
  private Path csv;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeCsv() throws IOException {
    StringBuilder b = new StringBuilder("\uFEFFid,text,topic\n");
    int id = 0;
    for (int i = 0; i < 12; i++) {
      for (int t = 0; t < 3; t++) {
        b.append(++id).append(",\"").append(TOPICS[t][i].replace("\"", "\"\"")).append("\",").append(NAMES[t]).append('\n');
      }
      if (i == 5) {
        b.append(++id).append(",\"  \",billing\n"); // row 19: no text
      }
    }
    csv = dir.resolve("answers.csv");
    Files.writeString(csv, b.toString(), StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    return new CommandLine(new ThemesCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private List<CSVRecord> output(Path file) throws IOException {
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(file))) {
      return new ArrayList<>(p.getRecords());
    }
  }

  @Test
  void writesOneLinePerRowAndScoresAgainstTheLabels() throws IOException {
    Path result = dir.resolve("out/themes.csv");
    int code = run("--csv", csv.toString(), "--text-column", "text", "--label-column", "topic", "--out", result.toString());
    assertThat(code).as(err.toString()).isZero();
    List<CSVRecord> rows = output(result);
    assertThat(rows).hasSize(37);
    assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("row", "theme", "label");
    assertThat(rows.get(18).get("row")).isEqualTo("19");
    assertThat(rows.get(18).get("theme")).isEqualTo("-1");
    assertThat(rows.get(18).get("label")).isEqualTo("(no text)");
    assertThat(rows.stream().filter(r -> !r.get("theme").equals("-1")).map(r -> r.get("label")).distinct().count())
        .isBetween(3L, 4L);
    String text = out.toString();
    assertThat(text).contains("Read 37 rows").contains("(1 without text)");
    assertThat(text).containsPattern("Against column 'topic' \\(3 classes\\): NMI \\d+\\.\\d, ARI \\d+\\.\\d, accuracy \\d+\\.\\d \\(percent\\); [34] themes");
    double accuracy = Double.parseDouble(text.replaceAll("(?s).*accuracy (\\d+\\.\\d).*", "$1"));
    assertThat(accuracy).isGreaterThan(80);
  }

  @Test
  void withoutPruningTheThreeTopicsAreStillFound() throws IOException {
    Path result = dir.resolve("no-pruning.csv");
    int code = run("--csv", csv.toString(), "--label-column", "topic", "--no-pruning", "--out", result.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(output(result)).hasSize(37);
    String text = out.toString();
    assertThat(text).containsPattern("\\(3 classes\\): NMI \\d+\\.\\d, ARI \\d+\\.\\d, accuracy \\d+\\.\\d \\(percent\\); [34] themes");
    assertThat(Double.parseDouble(text.replaceAll("(?s).*accuracy (\\d+\\.\\d).*", "$1"))).isGreaterThan(80);
  }

  @Test
  void fixedKAndSubThemes() throws IOException {
    Path result = dir.resolve("k.csv");
    int code = run("--csv", csv.toString(), "--k", "3", "--sub-themes", "--seed", "7", "--out", result.toString(), "--timings");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("3 themes (Ward linkage, k given) for 36 texts").contains("Timings: read");
    List<CSVRecord> rows = output(result);
    assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("row", "theme", "label", "sub_theme", "sub_label");
    assertThat(rows.stream().map(r -> r.get("theme")).distinct()).containsExactlyInAnyOrder("0", "1", "2", "-1");
  }

  @Test
  void missingColumnsAndFilesAreReported() throws IOException {
    assertThat(run("--csv", csv.toString(), "--text-column", "answer", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No column 'answer'").contains("its columns are: id, text, topic");
    assertThat(run("--csv", dir.resolve("nope.csv").toString(), "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("Cannot read");
    assertThat(run("--csv", csv.toString(), "--k", "0", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
    assertThat(run("--csv", csv.toString())).isEqualTo(2); // --out missing

    Path big = dir.resolve("big.csv");
    StringBuilder b = new StringBuilder("text\n");
    for (int i = 0; i <= 20_000; i++) {
      b.append("answer ").append(i).append('\n');
    }
    Files.writeString(big, b);
    assertThat(run("--csv", big.toString(), "--k", "5", "--out", dir.resolve("x.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--k takes at most 20,000 texts").contains("this file has 20,001");
  }
}
