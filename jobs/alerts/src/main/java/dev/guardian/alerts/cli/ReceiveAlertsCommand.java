package dev.guardian.alerts.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code guardian receive alerts}: runs {@link LocalAlertReceiver} until interrupted (or for {@code
 * --duration}), printing what PagerDuty, Slack and webhooks would have received.
 */
public class ReceiveAlertsCommand implements Command {

    @Override
    public String verb() {
        return "receive";
    }

    @Override
    public String subject() {
        return "alerts";
    }

    @Override
    public String summary() {
        return "a local stand-in for PagerDuty, Slack and webhooks that prints what they would"
                + " have received (point url_env receivers at http://127.0.0.1:PORT/pagerduty,"
                + " /slack/..., /webhook/...)";
    }

    @Override
    public String usage() {
        return "[--port 9099] [--host 127.0.0.1] [--out FILE.jsonl] [--duration 10m]"
                + " [--fail-first N --fail-status 429|500|503]";
    }

    @Override
    public int run(Args args) throws Exception {
        int port = args.intValue("port", 9099);
        String host = args.string("host", "127.0.0.1");
        String out = args.string("out").orElse(null);
        Duration duration = args.duration("duration", null);
        int failFirst = args.intValue("fail-first", 0);
        int failStatus = args.intValue("fail-status", 503);
        args.rejectUnknown();
        if (failStatus != 429 && failStatus < 500) {
            throw new UsageException("--fail-status must be 429 or 5xx, got " + failStatus);
        }
        Writer log =
                out == null
                        ? null
                        : Files.newBufferedWriter(
                                Path.of(out),
                                StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
        CountDownLatch stop = new CountDownLatch(1);
        try (LocalAlertReceiver receiver =
                new LocalAlertReceiver(host, port, System.out, log, failFirst, failStatus)) {
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        System.out.println(
                                                "[receiver] received: " + receiver.summary());
                                        stop.countDown();
                                    }));
            String base = "http://" + host + ":" + receiver.port();
            System.out.println("[receiver] listening on " + base);
            System.out.println("[receiver]   PagerDuty: " + base + "/pagerduty");
            System.out.println("[receiver]   Slack:     " + base + "/slack/<anything>");
            System.out.println("[receiver]   webhook:   " + base + "/webhook/<anything>");
            System.out.println("[receiver]   GET " + base + "/received, " + base + "/summary");
            if (duration == null) {
                stop.await();
            } else {
                Thread.sleep(duration.toMillis()); // the shutdown hook prints the summary
            }
        } finally {
            if (log != null) {
                log.close();
            }
        }
        return 0;
    }
}
