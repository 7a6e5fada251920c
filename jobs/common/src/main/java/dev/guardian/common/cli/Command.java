package dev.guardian.common.cli;

/**
 * One sub-command of the {@code guardian} launcher, such as {@code eval nab} or {@code generate
 * metrics}.
 *
 * <p>Each job module registers its commands in {@code
 * META-INF/services/dev.guardian.common.cli.Command}, so the launcher needs no knowledge of the
 * jobs and modules do not edit a shared dispatch table.
 */
public interface Command {

    /** The verb, e.g. {@code eval}. */
    String verb();

    /** What the verb applies to, e.g. {@code nab}. */
    String subject();

    /** One line for the launcher's help. */
    String summary();

    /** Usage of the options after {@code verb subject}, e.g. {@code --data DIR --windows FILE}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws UsageException for a user mistake: the launcher prints its message on one line
     */
    int run(Args args) throws Exception;
}
