package com.pult.mdm.host;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code pult-host token}: admin API tokens made on the command line, while the host is stopped. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        subcommands = TokenCreateCommand.class,
        description = "Creates admin API tokens while the host is stopped (a running host holds the database).")
final class TokenCommand {

    @ParentCommand
    private Main main;

    /** The top-level command, which knows the distribution's folder, the environment and the output streams. */
    Main main() {
        return main;
    }
}
