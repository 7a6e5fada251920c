package dev.guardian.billing.record;

import org.apache.flink.api.java.functions.KeySelector;

/** Keys deliveries by their stable record id, so every version of a line meets its predecessor. */
public class RecordIdSelector implements KeySelector<BillingDelivery, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(BillingDelivery delivery) {
        return delivery.record.getRecordId();
    }
}
