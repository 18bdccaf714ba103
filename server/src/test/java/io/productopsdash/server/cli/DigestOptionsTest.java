package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.server.ServerConfig;
import io.productopsdash.server.digest.DigestSettings;
import io.productopsdash.server.digest.SmtpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The digest's SMTP and schedule settings resolve like the other serve options; the password never shows. */
class DigestOptionsTest {
  @TempDir Path dir;

  private static ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void optionBeatsEnvironmentBeatsFileAndThePasswordIsNeverShown() throws Exception {
    Files.writeString(
        dir.resolve("productopsdash.properties"),
        "smtp-host=mail.file.example\nsmtp-password=file-secret-9\nsmtp-username=ops\ndigest-day=friday\n");
    Map<String, String> env = Map.of(
        "PRODUCTOPSDASH_SMTP_HOST", "mail.env.example", "PRODUCTOPSDASH_SMTP_PORT", "2525",
        "PRODUCTOPSDASH_DIGEST_HOUR", "17", "PRODUCTOPSDASH_PUBLIC_URL", "https://ops.example.com");

    ServerConfig config = parse("--smtp-from", "Ops <ops@example.com>").options.resolve(env, dir);
    SmtpSettings smtp = config.digest().smtp();
    assertThat(smtp.host()).isEqualTo("mail.env.example");
    assertThat(smtp.port()).isEqualTo(2525);
    assertThat(smtp.username()).isEqualTo("ops");
    assertThat(smtp.password()).isEqualTo("file-secret-9");
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.ssl()).isFalse();
    assertThat(config.digest().from()).isEqualTo("Ops <ops@example.com>");
    assertThat(config.digest().publicUrl()).isEqualTo("https://ops.example.com");
    assertThat(config.digest().day()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(config.digest().hour()).isEqualTo(17);
    assertThat(config.toString()).doesNotContain("file-secret-9").contains("password=***");
    assertThat(smtp.toString()).doesNotContain("file-secret-9");

    SmtpSettings ssl = parse("--smtp-host", "smtp.example.com", "--smtp-ssl", "true").options.resolve(Map.of(), dir.resolve("x"))
        .digest().smtp();
    assertThat(ssl.port()).isEqualTo(465);
    assertThat(ssl.startTls()).isFalse();
    assertThat(ssl.ssl()).isTrue();
  }

  @Test
  void withoutAnSmtpHostDigestsGoToTheOutboxAtMondayEight() {
    DigestSettings d = parse().options.resolve(Map.of(), dir.resolve("fresh")).digest();
    assertThat(d.smtp()).isNull();
    assertThat(d.day()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(d.hour()).isEqualTo(8);
    assertThat(d.publicUrl()).isNull();
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> parse("--digest-day", "someday").options.resolve(Map.of(), dir))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("digest-day must be a weekday");
    assertThatThrownBy(() -> parse("--digest-hour", "24").options.resolve(Map.of(), dir))
        .hasMessageContaining("digest-hour must be a number within 0..23, got '24'");
    assertThatThrownBy(() -> parse("--smtp-host", "m", "--smtp-starttls", "yes").options.resolve(Map.of(), dir))
        .hasMessageContaining("smtp-starttls must be true or false");
    assertThatThrownBy(() -> parse("--smtp-host", "m", "--smtp-ssl", "true", "--smtp-starttls", "true").options.resolve(Map.of(), dir))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> parse("--smtp-from", "nobody").options.resolve(Map.of(), dir))
        .hasMessageContaining("smtp-from must be an address");
    assertThatThrownBy(() -> parse("--public-url", "ops.example.com").options.resolve(Map.of(), dir))
        .hasMessageContaining("public URL must start with http:// or https://");
    assertThatThrownBy(() -> parse("--smtp-host", "m", "--smtp-password", "s3cret").options.resolve(Map.of(), dir))
        .hasMessageContaining("needs a username")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }
}
