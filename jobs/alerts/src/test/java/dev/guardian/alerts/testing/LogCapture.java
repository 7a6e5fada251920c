package dev.guardian.alerts.testing;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Captures everything Guardian's classes log (all levels) while open. */
public final class LogCapture implements AutoCloseable {

    private final StringWriter out = new StringWriter();
    private final WriterAppender appender;
    private final LoggerConfig logger;
    private final Level previous;

    public LogCapture() {
        LoggerContext context = LoggerContext.getContext(false);
        Configuration config = context.getConfiguration();
        appender =
                WriterAppender.newBuilder()
                        .setName("capture-" + System.nanoTime())
                        .setTarget(out)
                        .setLayout(
                                PatternLayout.newBuilder()
                                        .withPattern("%p %c{1} %m %throwable%n")
                                        .build())
                        .build();
        appender.start();
        config.addAppender(appender);
        logger = config.getRootLogger();
        previous = logger.getLevel();
        logger.addAppender(appender, Level.ALL, null);
        logger.setLevel(Level.ALL);
        context.updateLoggers();
    }

    public String text() {
        return out.toString();
    }

    @Override
    public void close() {
        LoggerContext context = LoggerContext.getContext(false);
        logger.removeAppender(appender.getName());
        logger.setLevel(previous);
        context.updateLoggers();
        appender.stop();
    }
}
