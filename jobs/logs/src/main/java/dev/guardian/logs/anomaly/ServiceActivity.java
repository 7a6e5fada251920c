package dev.guardian.logs.anomaly;

/** {@link MinuteCount} of all lines of a service, with its last line and timers. A Flink POJO. */
public class ServiceActivity extends MinuteCount {

    public long lastSeen = NONE;
    public String lastMessage;

    /** Pending silence timer, or {@link MinuteCount#NONE}. */
    public long silenceTimer = NONE;

    /** Pending state-cleanup timer, or {@link MinuteCount#NONE}. */
    public long cleanupTimer = NONE;

    /** The current silence was reported. */
    public boolean reported;

    public ServiceActivity() {}
}
