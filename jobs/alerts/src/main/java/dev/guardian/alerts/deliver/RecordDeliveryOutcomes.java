package dev.guardian.alerts.deliver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guardian.alerts.AlertRouterJob;
import dev.guardian.alerts.config.RouterConfig;
import dev.guardian.alerts.model.DeliveryAttemptRecord;
import dev.guardian.alerts.model.DeliveryOutcome;
import dev.guardian.alerts.model.DeliveryStatus;
import dev.guardian.common.job.DeadLetters;
import dev.guardian.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits each delivery outcome into its attempt records, and sends a notification whose last
 * attempt failed to the delivery dead-letter topic: its webhook JSON (which holds no secret) as the
 * original bytes, the receiver in the stage, the last error as the reason.
 */
public class RecordDeliveryOutcomes
        extends ProcessFunction<DeliveryOutcome, DeliveryAttemptRecord> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouterConfig config;
    private final String alertsTopic;
    private final OutputTag<DeadLetter> deadLetterTag = DeadLetters.tag();

    public RecordDeliveryOutcomes(RouterConfig config, String alertsTopic) {
        this.config = config;
        this.alertsTopic = alertsTopic;
    }

    @Override
    public void processElement(
            DeliveryOutcome outcome, Context ctx, Collector<DeliveryAttemptRecord> out)
            throws Exception {
        for (DeliveryAttemptRecord attempt : outcome.attempts) {
            out.collect(attempt);
        }
        if (outcome.finalStatus() == DeliveryStatus.FAILED) {
            ctx.output(deadLetterTag, deadLetter(outcome));
        }
    }

    DeadLetter deadLetter(DeliveryOutcome outcome) throws Exception {
        DeliveryAttemptRecord last = outcome.last();
        byte[] body =
                JSON.writeValueAsBytes(WebhookMessages.render(outcome.notification, config.links));
        return DeadLetter.newBuilder()
                .setOriginalBytes(ByteBuffer.wrap(body))
                .setTopic(alertsTopic)
                .setPartition(-1)
                .setOffset(-1)
                .setErrorClass("DeliveryFailed")
                .setErrorMessage(
                        "receiver "
                                + last.receiver
                                + ", notification "
                                + last.notificationId
                                + ", "
                                + outcome.attempts.size()
                                + " attempt(s): "
                                + (last.error == null ? "failed" : last.error))
                .setFailedAt(Instant.ofEpochMilli(last.attemptedAt))
                .setJob(AlertRouterJob.NAME)
                .setStage("deliver:" + last.receiver)
                .build();
    }
}
