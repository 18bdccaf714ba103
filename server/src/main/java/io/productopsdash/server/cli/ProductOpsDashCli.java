package io.productopsdash.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code productopsdash} launcher's entry point. */
@Command(
    name = "productopsdash",
    mixinStandardHelpOptions = true,
    version = "ProductOpsDash 0.1.0",
    description = "Self-hosted feedback text-mining and survey engine for product teams.",
    subcommands = {
      ServeCommand.class, DemoCommand.class, ImportCommand.class, RollupCommand.class, ThemesCommand.class,
      SearchCommand.class, ReindexCommand.class, DigestCommand.class, RequestsCommand.class, ExportEventsCommand.class,
      ExportAnswersCommand.class, ImportRollupsCommand.class
    })
public final class ProductOpsDashCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Read by {@link #main} before any logger exists (see {@link QuietLogs}); declared here so every command accepts it. */
  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show the libraries' log messages (schema migrations, model loading, GPU probes) on the terminal.")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    QuietLogs.configure(java.util.Arrays.asList(args).contains("--verbose"));
    int code = new CommandLine(new ProductOpsDashCli()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
