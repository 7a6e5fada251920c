package dev.guardian.billing.generate;

import java.util.Locale;

/** The cost incidents the generator can inject, each in the fleet's first AWS account. */
public enum IncidentKind {
    /** The web autoscaling group stops scaling in: eight times its instances, new ids each. */
    RUNAWAY_INSTANCE_GROUP("runaway-instance-group"),
    /** Two p4d.24xlarge GPU instances appear in the ML sub account: a SKU never billed before. */
    NEW_EXPENSIVE_SKU("new-expensive-sku"),
    /** One NAT gateway sends 25 times its usual data out. */
    DATA_TRANSFER_SPIKE("data-transfer-spike");

    private final String cliName;

    IncidentKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static IncidentKind fromCliName(String name) {
        for (IncidentKind kind : values()) {
            if (kind.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown incident '"
                        + name
                        + "'; known: runaway-instance-group, new-expensive-sku,"
                        + " data-transfer-spike");
    }
}
