package dev.guardian.billing.detect;

import dev.guardian.billing.record.CostChange;
import org.apache.flink.api.java.functions.KeySelector;

/** The forecast key of a cost change: billing account × service ({@code account|service}). */
public class EntitySelector implements KeySelector<CostChange, String> {

    private static final long serialVersionUID = 1L;

    public static String entityOf(String billingAccountId, String serviceName) {
        return billingAccountId + "|" + serviceName;
    }

    @Override
    public String getKey(CostChange c) {
        return entityOf(c.billingAccountId, c.serviceName);
    }
}
