package dev.guardian.billing.testing;

import dev.guardian.billing.BillingJob;
import dev.guardian.billing.record.BillingEventTime;
import dev.guardian.common.kafka.RawRecord;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Bounded input for workflow tests, stamped and watermarked as the Kafka source does. */
public final class Inputs {

    private Inputs() {}

    public static DataStream<RawRecord> of(
            StreamExecutionEnvironment env, List<RawRecord> records, Configuration conf) {
        return env.fromData(
                        BillingEventTime.stamp(records, conf), TypeInformation.of(RawRecord.class))
                .setParallelism(1)
                .assignTimestampsAndWatermarks(BillingJob.watermarks(conf))
                .setParallelism(1);
    }
}
