package dev.guardian.alerts.cli;

import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * {@code guardian alerts local-setup}: writes the router's local rules and their secret files, all
 * pointing at {@code guardian receive alerts}, and prints how to submit the router with them.
 */
public class LocalSetupCommand implements Command {

    @Override
    public String verb() {
        return "alerts";
    }

    @Override
    public String subject() {
        return "local-setup";
    }

    @Override
    public String summary() {
        return "write a router config and secret files that send every notification to the local"
                + " receiver (guardian receive alerts)";
    }

    @Override
    public String usage() {
        return "[--dir .local/alerts] [--receiver http://127.0.0.1:9099]";
    }

    @Override
    public int run(Args args) throws Exception {
        Path dir = Path.of(args.string("dir", ".local/alerts")).toAbsolutePath().normalize();
        String receiver = args.string("receiver", "http://127.0.0.1:9099").replaceAll("/+$", "");
        args.rejectUnknown();
        Path secrets = dir.resolve("secrets");
        Files.createDirectories(secrets);
        Map<String, String> values =
                Map.of(
                        "pagerduty-events-url", receiver + "/pagerduty",
                        "pagerduty-routing-key", "local-demo-routing-key",
                        "slack-webhook-url", receiver + "/slack/T0000/B0000/local-demo",
                        "webhook-url", receiver + "/webhook/audit");
        for (Map.Entry<String, String> e : values.entrySet()) {
            Path file = secrets.resolve(e.getKey());
            Files.writeString(file, e.getValue() + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort outside POSIX file systems
            }
        }
        Path config = dir.resolve("router.yaml");
        try (InputStream in =
                LocalSetupCommand.class.getResourceAsStream(
                        "/dev/guardian/alerts/local-router.yaml")) {
            Files.write(config, in.readAllBytes());
        }
        RouterConfigParser.parseFile(config); // fails here, not at submission, if anything is off
        System.out.println(
                "wrote " + config + " and " + values.size() + " secret files in " + secrets);
        System.out.println("next:");
        System.out.println(
                "  ./guardian receive alerts --port " + port(receiver) + "   (another terminal)");
        System.out.println("  ./guardian submit alerts --set guardian.alerts.config=" + config);
        return 0;
    }

    private static String port(String url) {
        int colon = url.lastIndexOf(':');
        return colon > 6 ? url.substring(colon + 1) : "80";
    }
}
