package dev.guardian.billing.budget;

import dev.guardian.billing.record.CostChange;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A monthly budget: a scope of spend (billing accounts, sub accounts, services, charge categories,
 * tags; each an "any of" list, all given ones must match), an amount per calendar month (UTC) in
 * one currency, the shares of it whose crossing by actual spend alerts, and whether a projected
 * breach alerts.
 */
public final class Budget implements Serializable {

    private static final long serialVersionUID = 1L;

    public final String id;
    public final String name;
    public final BigDecimal amount;
    public final String currency;
    public final String metric;
    public final List<String> billingAccountIds;
    public final List<String> subAccountIds;
    public final List<String> serviceNames;
    public final List<String> chargeCategories;
    public final Map<String, List<String>> tags;
    public final double[] thresholds;
    public final boolean forecastAlert;

    public Budget(
            String id,
            String name,
            BigDecimal amount,
            String currency,
            String metric,
            List<String> billingAccountIds,
            List<String> subAccountIds,
            List<String> serviceNames,
            List<String> chargeCategories,
            Map<String, List<String>> tags,
            double[] thresholds,
            boolean forecastAlert) {
        this.id = id;
        this.name = name;
        this.amount = amount;
        this.currency = currency;
        this.metric = metric;
        this.billingAccountIds = List.copyOf(billingAccountIds);
        this.subAccountIds = List.copyOf(subAccountIds);
        this.serviceNames = List.copyOf(serviceNames);
        this.chargeCategories = List.copyOf(chargeCategories);
        this.tags = Map.copyOf(tags);
        this.thresholds = thresholds.clone();
        this.forecastAlert = forecastAlert;
    }

    public boolean matches(CostChange c) {
        if (!currency.equals(c.billingCurrency)) {
            return false;
        }
        if (!anyOf(billingAccountIds, c.billingAccountId)
                || !anyOf(subAccountIds, c.subAccountId)
                || !anyOf(serviceNames, c.serviceName)
                || !anyOf(chargeCategories, c.chargeCategory)) {
            return false;
        }
        for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
            String value = c.tag(tag.getKey());
            if (value == null || !tag.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** The amount of the change this budget counts. */
    public BigDecimal amountOf(CostChange c) {
        switch (metric) {
            case "billedCost":
                return c.billedCost;
            case "listCost":
                return c.listCost;
            default:
                return c.effectiveCost;
        }
    }

    private static boolean anyOf(List<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }

    /** A one-line description of the scope, e.g. {@code serviceName=EC2, tag team=web}. */
    public String scopeText() {
        StringBuilder text = new StringBuilder();
        append(text, "billingAccountId", billingAccountIds);
        append(text, "subAccountId", subAccountIds);
        append(text, "serviceName", serviceNames);
        append(text, "chargeCategory", chargeCategories);
        tags.forEach((k, v) -> append(text, "tag " + k, v));
        return text.length() == 0 ? "all spend in " + currency : text.toString();
    }

    private static void append(StringBuilder text, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append(", ");
        }
        text.append(name).append('=').append(String.join("|", values));
    }
}
