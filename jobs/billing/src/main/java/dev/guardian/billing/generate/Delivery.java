package dev.guardian.billing.generate;

import dev.guardian.schemas.BillingRecord;

/** One record as the provider delivers it, at a data-time instant. */
public final class Delivery {

    /** Why the record is sent. */
    public enum Kind {
        /** The hour's lines, first time. */
        FIRST,
        /** A line again with corrected amounts, days later, same id. */
        RESTATEMENT,
        /** An export delivered again unchanged. */
        REDELIVERY,
        /** A FOCUS ChargeClass=Correction line for an earlier period. */
        CORRECTION
    }

    public final long deliveredAt;
    public final BillingRecord record;
    public final Kind kind;

    public Delivery(long deliveredAt, BillingRecord record, Kind kind) {
        this.deliveredAt = deliveredAt;
        this.record = record;
        this.kind = kind;
    }
}
