package dev.guardian.billing.sink;

import dev.guardian.billing.record.BillingDelivery;
import dev.guardian.connectors.clickhouse.ClickHouseRowConverter;
import dev.guardian.schemas.BillingRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A delivered record as a row of {@code guardian.billing_records}
 * (infra/clickhouse/040_billing.sql).
 */
public class BillingRecordRow implements ClickHouseRowConverter<BillingDelivery> {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "billing_records";

    @Override
    public Map<String, Object> toRow(BillingDelivery delivery) {
        BillingRecord r = delivery.record;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("record_id", r.getRecordId());
        row.put("version", delivery.deliveredAt);
        row.put("provider_name", r.getProviderName());
        row.put("publisher_name", text(r.getPublisherName()));
        row.put("invoice_issuer_name", text(r.getInvoiceIssuerName()));
        row.put("invoice_id", text(r.getInvoiceId()));
        row.put("billing_account_id", r.getBillingAccountId());
        row.put("billing_account_name", text(r.getBillingAccountName()));
        row.put("sub_account_id", text(r.getSubAccountId()));
        row.put("sub_account_name", text(r.getSubAccountName()));
        row.put("service_name", r.getServiceName());
        row.put("service_category", text(r.getServiceCategory()));
        row.put("service_subcategory", text(r.getServiceSubcategory()));
        row.put("region_id", text(r.getRegionId()));
        row.put("region_name", text(r.getRegionName()));
        row.put("availability_zone", text(r.getAvailabilityZone()));
        row.put("resource_id", text(r.getResourceId()));
        row.put("resource_name", text(r.getResourceName()));
        row.put("resource_type", text(r.getResourceType()));
        row.put("sku_id", text(r.getSkuId()));
        row.put("sku_price_id", text(r.getSkuPriceId()));
        row.put("charge_category", r.getChargeCategory());
        row.put("charge_class", text(r.getChargeClass()));
        row.put("charge_description", text(r.getChargeDescription()));
        row.put("charge_frequency", text(r.getChargeFrequency()));
        row.put("charge_period_start", r.getChargePeriodStart());
        row.put("charge_period_end", r.getChargePeriodEnd());
        row.put("billing_period_start", r.getBillingPeriodStart());
        row.put("billing_period_end", r.getBillingPeriodEnd());
        row.put("billed_cost", r.getBilledCost());
        row.put("effective_cost", r.getEffectiveCost());
        row.put("list_cost", r.getListCost());
        row.put("contracted_cost", r.getContractedCost());
        row.put("billing_currency", r.getBillingCurrency());
        row.put("consumed_quantity", r.getConsumedQuantity());
        row.put("consumed_unit", text(r.getConsumedUnit()));
        row.put("pricing_category", text(r.getPricingCategory()));
        row.put("pricing_quantity", r.getPricingQuantity());
        row.put("pricing_unit", text(r.getPricingUnit()));
        row.put("list_unit_price", r.getListUnitPrice());
        row.put("contracted_unit_price", r.getContractedUnitPrice());
        row.put("commitment_discount_id", text(r.getCommitmentDiscountId()));
        row.put("commitment_discount_name", text(r.getCommitmentDiscountName()));
        row.put("commitment_discount_category", text(r.getCommitmentDiscountCategory()));
        row.put("commitment_discount_type", text(r.getCommitmentDiscountType()));
        row.put("commitment_discount_status", text(r.getCommitmentDiscountStatus()));
        row.put("tags", r.getTags() == null ? Map.of() : r.getTags());
        row.put("delivered_at", Instant.ofEpochMilli(delivery.deliveredAt));
        return row;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
