package dev.guardian.billing.detect;

import dev.guardian.billing.record.CostChange;

/** Who a forecast key is: account × service with names and currency. A Flink POJO. */
public class EntityInfo {

    public String entity;
    public String billingAccountId;
    public String billingAccountName;
    public String serviceName;
    public String providerName;
    public String currency;

    public EntityInfo() {}

    public static EntityInfo of(String entity, CostChange c) {
        EntityInfo info = new EntityInfo();
        info.entity = entity;
        info.billingAccountId = c.billingAccountId;
        info.billingAccountName = c.billingAccountName;
        info.serviceName = c.serviceName;
        info.providerName = c.providerName;
        info.currency = c.billingCurrency;
        return info;
    }

    /** The account's name and id, e.g. {@code Acme Retail (754807312028)}. */
    public String accountLabel() {
        return billingAccountName == null || billingAccountName.isEmpty()
                ? billingAccountId
                : billingAccountName + " (" + billingAccountId + ")";
    }
}
