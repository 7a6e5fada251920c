package dev.guardian.infra.local.es;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.elasticsearch.bootstrap.ServerArgs;
import org.elasticsearch.common.bytes.BytesReference;
import org.elasticsearch.common.io.stream.BytesStreamOutput;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.KeyStoreWrapper;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;

/**
 * Starts an Elasticsearch node from the jars on the module path, doing the part of the
 * distribution's {@code server-cli} that the server needs: it reads {@code config/elasticsearch.yml},
 * hands the server its arguments on standard input (as the CLI does) and keeps that input open, since
 * the server shuts down when it closes.
 *
 * <p>Usage: {@code LocalElasticsearch <es-home>} with {@code <es-home>/config/elasticsearch.yml}.
 */
public final class LocalElasticsearch {

    private LocalElasticsearch() {}

    public static void main(String[] args) throws Throwable {
        if (args.length != 1) {
            System.err.println("usage: LocalElasticsearch <es-home>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        Path configDir = home.resolve("config");

        // The CLI configures ES logging before anything touches log4j; the server reconfigures it.
        LogConfigurator.configureESLogging();

        Environment env =
                InternalSettingsPreparer.prepareEnvironment(
                        Settings.builder().put("path.home", home.toString()).build(),
                        Map.of(),
                        configDir,
                        () -> "guardian-local");
        ServerArgs serverArgs =
                new ServerArgs(
                        false,
                        false,
                        null,
                        KeyStoreWrapper.create(),
                        env.settings(),
                        env.configDir(),
                        env.logsDir());
        byte[] encoded;
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            serverArgs.writeTo(out);
            encoded = BytesReference.toBytes(out.bytes());
        }
        System.setIn(new SequenceInputStream(new ByteArrayInputStream(encoded), new OpenInput()));

        Method main = Class.forName("org.elasticsearch.bootstrap.Elasticsearch").getMethod("main", String[].class);
        main.setAccessible(true);
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Standard input that never ends: the server watches it to learn that its CLI went away. */
    private static final class OpenInput extends InputStream {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public int read() {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }
}
