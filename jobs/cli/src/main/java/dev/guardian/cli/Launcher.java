package dev.guardian.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Entry point of the {@code guardian} script for the commands written in Java. Finds the command by
 * verb and subject among those the job modules register, and turns user mistakes into one line on
 * stderr with exit code 2.
 */
public final class Launcher {

    static final int USAGE_ERROR = 2;

    private Launcher() {}

    public static void main(String[] argv) {
        System.exit(run(List.of(argv), System.err));
    }

    static int run(List<String> argv, PrintStream err) {
        List<Command> commands = commands();
        if (argv.isEmpty() || argv.get(0).equals("help") || argv.get(0).equals("--help")) {
            printHelp(commands, err);
            return 0;
        }
        String verb = argv.get(0);
        String subject = argv.size() > 1 ? argv.get(1) : "";
        // "eval nab" names a command by verb and subject; "submit metrics" and "jobs" are
        // verb-only commands (empty subject) that take the rest of the line as arguments.
        Optional<Command> command =
                commands.stream()
                        .filter(c -> c.verb().equals(verb) && c.subject().equals(subject))
                        .findFirst();
        int consumed = 2;
        if (command.isEmpty()) {
            command =
                    commands.stream()
                            .filter(c -> c.verb().equals(verb) && c.subject().isEmpty())
                            .findFirst();
            consumed = 1;
        }
        if (command.isEmpty()) {
            err.println(
                    "guardian: unknown command '"
                            + String.join(" ", argv.subList(0, Math.min(2, argv.size())))
                            + "'");
            printHelp(commands, err);
            return USAGE_ERROR;
        }
        String name = (verb + " " + command.get().subject()).strip();
        List<String> rest = argv.subList(Math.min(consumed, argv.size()), argv.size());
        if (rest.contains("--help")) {
            err.println("usage: guardian " + name + " " + command.get().usage());
            return 0;
        }
        try {
            return command.get().run(Args.parse(rest));
        } catch (UsageException e) {
            err.println("guardian " + name + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (Exception e) {
            err.println("guardian " + name + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        ServiceLoader.load(Command.class).forEach(commands::add);
        commands.sort(Comparator.comparing(Command::verb).thenComparing(Command::subject));
        return commands;
    }

    private static void printHelp(List<Command> commands, PrintStream err) {
        err.println(
                "usage: guardian <command> [options]   (guardian <command> --help for its options)");
        for (Command c : commands) {
            String name = (c.verb() + " " + c.subject()).strip() + " " + c.usage();
            err.println("  guardian " + name);
            err.println("      " + c.summary());
        }
    }
}
