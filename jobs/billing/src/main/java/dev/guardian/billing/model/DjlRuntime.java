package dev.guardian.billing.model;

/**
 * Settings DJL's PyTorch engine reads once, when it loads: offline (the native library comes from
 * the {@code pytorch-native-cpu} jar or the DJL cache, never from the internet) and one intra-op
 * and one inter-op thread (PyTorch's default of one per core is 5-10x slower on a shared two-core
 * TaskManager, DESIGN §6). Set only where the JVM did not set them already.
 */
public final class DjlRuntime {

    private DjlRuntime() {}

    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // DJL looks these up to decide whether to download; offline means "never"
        setIfAbsent("ai.djl.repository.zoo.location", "");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
