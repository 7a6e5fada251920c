package dev.guardian.alerts.cli;

import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.config.RouterConfigParser;
import dev.guardian.alerts.deliver.ReceiverCheck;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code guardian alerts test-receiver}: sends one test notification through a receiver of the
 * routing config, with its secrets from this shell's environment or files, and prints each attempt
 * (never the URL or key).
 */
public class TestReceiverCommand implements Command {

    @Override
    public String verb() {
        return "alerts";
    }

    @Override
    public String subject() {
        return "test-receiver";
    }

    @Override
    public String summary() {
        return "send a test notification through one receiver of the router's YAML";
    }

    @Override
    public String usage() {
        return "--config ROUTER.yaml --receiver NAME [--resolve]";
    }

    @Override
    public int run(Args args) throws Exception {
        Path file = args.existingPath("config");
        String name = args.requireString("receiver");
        boolean resolve = args.flag("resolve");
        args.rejectUnknown();
        RouterConfig config = RouterConfigParser.parseFile(file);
        List<DeliveryAttemptRecord> attempts = ReceiverCheck.send(config, name, resolve);
        for (DeliveryAttemptRecord a : attempts) {
            System.out.println(
                    name
                            + " attempt "
                            + a.attempt
                            + ": "
                            + a.status
                            + (a.httpStatus == 0 ? "" : " HTTP " + a.httpStatus)
                            + " in "
                            + a.latencyMillis
                            + " ms"
                            + (a.error == null ? "" : " — " + a.error));
        }
        boolean ok =
                !attempts.isEmpty()
                        && attempts.get(attempts.size() - 1).status
                                == dev.guardian.alerts.model.DeliveryStatus.DELIVERED;
        return ok ? 0 : 1;
    }
}
