package dev.guardian.ops.verify;

import dev.guardian.connectors.clickhouse.ClickHouseOptions;
import dev.guardian.connectors.elasticsearch.ElasticsearchOptions;
import dev.guardian.connectors.influxdb.InfluxDbOptions;
import dev.guardian.ops.stack.Service;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.flink.configuration.ConfigOption;

/**
 * The shaded job jar a run submits, read the way the cluster will: a job's settings come from the
 * jar's own {@code options()}, not from whatever version of the job this tool was built with, so
 * isolation always matches the job that actually runs.
 */
public final class JobJar implements AutoCloseable {

    private final Path path;
    private final URLClassLoader loader;

    public JobJar(Path path) throws IOException {
        this.path = path;
        this.loader =
                new GuardianFirstLoader(
                        new URL[] {path.toUri().toURL()}, JobJar.class.getClassLoader());
    }

    /**
     * A private copy of a jar that a build may be rewriting right now: copied again until the copy
     * is a complete zip (for up to two minutes), so Flink is never handed half a jar.
     */
    public static Path stableCopy(Path jar) throws IOException, InterruptedException {
        Path copy = Files.createTempFile("guardian-job-", ".jar");
        IOException last = null;
        for (int attempt = 0; attempt < 24; attempt++) {
            FileTime before = Files.getLastModifiedTime(jar);
            long size = Files.size(jar);
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            try {
                if (!before.equals(Files.getLastModifiedTime(jar)) || size != Files.size(jar)) {
                    throw new IOException(jar + " changed while being copied");
                }
                verify(copy);
                return copy;
            } catch (IOException e) {
                last = e;
                Thread.sleep(5_000);
            }
        }
        Files.deleteIfExists(copy);
        throw new IOException(jar + " stayed incomplete for two minutes (being rebuilt?)", last);
    }

    /** Reads every entry to its end, so damaged data fails here rather than in the cluster. */
    static void verify(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            if (!entries.hasMoreElements()) {
                throw new IOException(jar + " has no entries");
            }
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        crc.update(buffer, 0, n);
                    }
                }
                if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
                    throw new IOException(jar + ": CRC mismatch in " + entry.getName());
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(jar + " is damaged: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** The settings the job behind {@code entryClass} accepts ({@code XxxJobMain.options()}). */
    @SuppressWarnings("unchecked")
    public List<ConfigOption<?>> options(String entryClass) {
        try {
            Class<?> main = Class.forName(entryClass, true, loader);
            return List.copyOf(
                    (Collection<ConfigOption<?>>) main.getMethod("options").invoke(null));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(entryClass + " is not in " + path, e);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    entryClass + " has no public static options() in " + path, e);
        }
    }

    /** The services a job writes to, judged by the sink settings it accepts. */
    public static Set<Service> sinks(List<ConfigOption<?>> options) {
        Set<Service> sinks = EnumSet.noneOf(Service.class);
        for (ConfigOption<?> option : options) {
            if (option.key().equals(ClickHouseOptions.URL.key())) {
                sinks.add(Service.CLICKHOUSE);
            } else if (option.key().equals(InfluxDbOptions.URL.key())) {
                sinks.add(Service.INFLUXDB);
            } else if (option.key().equals(ElasticsearchOptions.HOSTS.key())) {
                sinks.add(Service.ELASTICSEARCH);
            }
        }
        return sinks;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Guardian's classes from the jar first; Flink, Kafka and the JDK from this process. */
    private static final class GuardianFirstLoader extends URLClassLoader {

        GuardianFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.guardian.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
