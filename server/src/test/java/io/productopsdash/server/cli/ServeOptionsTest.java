package io.productopsdash.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.productopsdash.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Settings resolve from the option, then the environment, then the config file, then defaults. */
class ServeOptionsTest {
  @TempDir Path dir;

  private static ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void optionBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("productopsdash.properties"), "port=7001\nzone=Europe/Berlin\nadmin-token=token-from-the-config-file-01\n");
    Map<String, String> env = Map.of("PRODUCTOPSDASH_PORT", "7002", "PRODUCTOPSDASH_DATA", data.toString());

    ServerConfig fromEnvAndFile = parse().options.resolve(env, dir.resolve("default"));
    assertThat(fromEnvAndFile.dataDir()).isEqualTo(data);
    assertThat(fromEnvAndFile.port()).isEqualTo(7002);
    assertThat(fromEnvAndFile.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(fromEnvAndFile.adminToken()).isEqualTo("token-from-the-config-file-01");
    assertThat(fromEnvAndFile.toString()).doesNotContain("token-from-the-config-file-01");

    ServerConfig fromOption = parse("--port", "7003", "--allowed-origins", "https://a.example, https://b.example").options.resolve(env, dir);
    assertThat(fromOption.port()).isEqualTo(7003);
    assertThat(fromOption.allowedOrigins()).containsExactly("https://a.example", "https://b.example");

    ServerConfig defaults = parse().options.resolve(Map.of(), dir.resolve("fresh"));
    assertThat(defaults.port()).isEqualTo(7070);
    assertThat(defaults.dataDir()).isEqualTo(dir.resolve("fresh"));
    assertThat(defaults.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(defaults.adminToken()).isNull();
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> parse("--port", "70000").options.resolve(Map.of(), dir))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("port must be within 0..65535");
    assertThatThrownBy(() -> parse("--zone", "Mars/Olympus").options.resolve(Map.of(), dir))
        .hasMessageContaining("zone must be a time zone id");
    assertThatThrownBy(() -> parse("--config", dir.resolve("missing.properties").toString()).options.resolve(Map.of(), dir))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("cannot read the config file");
  }

  @Test
  void aShortAdminTokenIsRefusedSayingHowLongItMustBe() {
    assertThatThrownBy(() -> parse("--admin-token", "pw1234").options.resolve(Map.of(), dir))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("at least 24 characters, got 6")
        .hasMessageNotContaining("pw1234");
    assertThatThrownBy(() -> parse().options.resolve(Map.of("PRODUCTOPSDASH_ADMIN_TOKEN", "x".repeat(23)), dir))
        .hasMessageContaining("at least 24 characters, got 23");
    assertThatThrownBy(() -> new ServerConfig(0, dir, "short", ZoneId.of("UTC"), java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 24 characters");
    assertThat(parse("--admin-token", "x".repeat(24)).options.resolve(Map.of(), dir).adminToken()).hasSize(24);
  }
}
