package dev.guardian.logs.anomaly;

/** {@link MinuteHistory} of all lines of a service, with its last line. A Flink POJO. */
public class ServiceActivity extends MinuteHistory {

    public long lastSeen = NONE;
    public String lastMessage;

    /** Pending silence timer, or {@link MinuteHistory#NONE}. */
    public long silenceTimer = NONE;

    /** The current silence was reported. */
    public boolean reported;

    public ServiceActivity() {}
}
