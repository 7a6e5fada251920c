package dev.guardian.billing.record;

import dev.guardian.schemas.BillingRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of a billing line. Providers' own ids (FOCUS sample {@code Id}, CUR line item ids)
 * are kept. Without one, the id is a hash of what identifies the line and never of what a
 * restatement changes (amounts, quantities, tags), so a re-delivered or restated line gets the same
 * id and replaces its earlier version instead of adding to it.
 */
public final class RecordIds {

    /** Marks a derived id, so an analyst can tell it from a provider's. */
    public static final String DERIVED_PREFIX = "h:";

    private RecordIds() {}

    public static String idOf(BillingRecord r) {
        String given = r.getRecordId();
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        Object[] identity = {
            r.getProviderName(),
            r.getBillingAccountId(),
            r.getSubAccountId(),
            r.getInvoiceIssuerName(),
            r.getServiceName(),
            r.getRegionId(),
            r.getAvailabilityZone(),
            r.getResourceId(),
            r.getSkuId(),
            r.getSkuPriceId(),
            r.getChargeCategory(),
            r.getChargeClass(),
            r.getChargeFrequency(),
            r.getChargeDescription(),
            r.getChargePeriodStart() == null ? null : r.getChargePeriodStart().toEpochMilli(),
            r.getChargePeriodEnd() == null ? null : r.getChargePeriodEnd().toEpochMilli(),
            r.getCommitmentDiscountId(),
            r.getCommitmentDiscountStatus(),
            r.getPricingCategory(),
            r.getPricingUnit(),
            r.getConsumedUnit(),
            r.getBillingCurrency()
        };
        for (Object part : identity) {
            // length-prefixed, so ("ab","c") and ("a","bc") differ; null differs from ""
            String text = part == null ? null : part.toString();
            if (text == null) {
                sha.update((byte) 0);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) 1);
                sha.update(
                        new byte[] {
                            (byte) (bytes.length >>> 24),
                            (byte) (bytes.length >>> 16),
                            (byte) (bytes.length >>> 8),
                            (byte) bytes.length
                        });
                sha.update(bytes);
            }
        }
        byte[] digest = sha.digest();
        return DERIVED_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    }
}
